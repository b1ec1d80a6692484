"use client";

import { useRouter } from "next/navigation";
import { useAction } from "next-safe-action/hooks";
import { useId, useState } from "react";
import { actionErrorMessage } from "@/components/ui/action-error";
import { FormAlert } from "@/components/ui/form-feedback";
import { recordCodeAction } from "@/lib/coding/actions";
import type { Position } from "@/lib/matrix/positions";

type Option = { id: string; label: string };

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
  saved: { partyId: string; issueId: string; position: Position } | null;
}) {
  const router = useRouter();
  const [partyId, setPartyId] = useState(saved?.partyId ?? "");
  const [issueId, setIssueId] = useState(saved?.issueId ?? "");
  const [position, setPosition] = useState<Position | "">(saved?.position ?? "");
  const record = useAction(recordCodeAction, {
    onSuccess: () => router.refresh(),
  });
  const ids = { party: useId(), issue: useId(), position: useId() };
  const error = actionErrorMessage(record.result);
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    if (!position) return;
    record.execute({ workspaceSlug, roundId, evidenceId, partyId, issueId, position });
  };
  const selectClass = "mt-1 w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm";
  return (
    <form onSubmit={submit} className="mt-3 grid gap-3 sm:grid-cols-[1fr_1fr_1fr_auto] sm:items-end">
      <div>
        <label htmlFor={ids.party} className="block text-sm font-medium">
          Party
        </label>
        <select
          id={ids.party}
          required
          value={partyId}
          onChange={(e) => setPartyId(e.target.value)}
          className={selectClass}
        >
          <option value="">Choose…</option>
          {parties.map((p) => (
            <option key={p.id} value={p.id}>
              {p.label}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor={ids.issue} className="block text-sm font-medium">
          Issue
        </label>
        <select
          id={ids.issue}
          required
          value={issueId}
          onChange={(e) => setIssueId(e.target.value)}
          className={selectClass}
        >
          <option value="">Choose…</option>
          {issues.map((i) => (
            <option key={i.id} value={i.id}>
              {i.label}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor={ids.position} className="block text-sm font-medium">
          Position
        </label>
        <select
          id={ids.position}
          required
          value={position}
          onChange={(e) => setPosition(e.target.value as Position)}
          className={selectClass}
        >
          <option value="">Choose…</option>
          {positions.map((p) => (
            <option key={p.value} value={p.value}>
              {p.label}
            </option>
          ))}
        </select>
      </div>
      <button
        type="submit"
        disabled={record.isPending}
        className="rounded-md bg-indigo-700 px-3 py-1.5 text-sm font-medium text-white disabled:opacity-50"
      >
        {saved ? "Change code" : "Save code"}
      </button>
      {error ? (
        <div className="sm:col-span-4">
          <FormAlert>{error}</FormAlert>
        </div>
      ) : null}
    </form>
  );
}
