"use client";

import { useId } from "react";
import { FormAlert } from "@/components/ui/form-feedback";
import type { Position } from "@/lib/matrix/positions";
import { type SavedCode, useCodeUnit } from "./use-code-unit";

type Option = { id: string; label: string };

const SELECT = "mt-1 w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm";

/** One required choice of the code, with its label above it. */
function CodeChoice({
  label,
  value,
  onChange,
  options,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  options: { value: string; label: string }[];
}) {
  const id = useId();
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      <select id={id} required value={value} onChange={(e) => onChange(e.target.value)} className={SELECT}>
        <option value="">Choose…</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

const asChoices = (options: Option[]) => options.map((o) => ({ value: o.id, label: o.label }));

/** A coder's party, issue and position for one quote of a round; saving again changes the code. */
export function CodeUnitForm({
  workspaceSlug,
  roundId,
  evidenceId,
  parties,
  issues,
  positions,
  saved,
}: {
  workspaceSlug: string;
  roundId: string;
  evidenceId: string;
  parties: Option[];
  issues: Option[];
  positions: { value: Position; label: string }[];
  saved: SavedCode;
}) {
  const code = useCodeUnit(workspaceSlug, roundId, evidenceId, saved);
  return (
    <form onSubmit={code.submit} className="mt-3 grid gap-3 sm:grid-cols-[1fr_1fr_1fr_auto] sm:items-end">
      <CodeChoice label="Party" value={code.partyId} onChange={code.setPartyId} options={asChoices(parties)} />
      <CodeChoice label="Issue" value={code.issueId} onChange={code.setIssueId} options={asChoices(issues)} />
      <CodeChoice
        label="Position"
        value={code.position}
        onChange={(value) => code.setPosition(value as Position)}
        options={positions}
      />
      <button
        type="submit"
        disabled={code.isPending}
        className="rounded-md bg-indigo-700 px-3 py-1.5 text-sm font-medium text-white disabled:opacity-50"
      >
        {saved ? "Change code" : "Save code"}
      </button>
      {code.error ? (
        <div className="sm:col-span-4">
          <FormAlert>{code.error}</FormAlert>
        </div>
      ) : null}
    </form>
  );
}
