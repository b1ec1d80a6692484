"use client";

import { useAction } from "next-safe-action/hooks";
import { useState } from "react";
import { MergeDialog } from "@/components/people/merge-dialog";
import { actionErrorMessage } from "@/components/ui/action-error";
import { updatePersonAction } from "@/lib/people/actions";
import type { PersonListItem } from "@/lib/people/data";

function PersonRow({
  slug,
  person,
  parties,
  canEdit,
  onMerge,
}: {
  slug: string;
  person: PersonListItem;
  parties: { id: string; name: string }[];
  canEdit: boolean;
  onMerge: (() => void) | null;
}) {
  const [editing, setEditing] = useState(false);
  const update = useAction(updatePersonAction, { onSuccess: () => setEditing(false) });
  const error = actionErrorMessage(update.result);
  if (!editing) {
    return (
      <li className="flex items-start justify-between gap-4 p-4">
        <div>
          <p className="font-medium">
            {person.name}{" "}
            {person.party ? (
              <span className="ml-1 text-xs font-normal" style={{ color: person.party.colour }}>
                {person.party.name}
              </span>
            ) : null}
          </p>
          <p className="text-sm text-slate-600">{[person.role, person.organisation].filter(Boolean).join(" · ")}</p>
          {person.aliases.length ? (
            <p className="text-xs text-slate-500">Also written: {person.aliases.join(", ")}</p>
          ) : null}
          <p className="text-xs text-slate-500">{person.evidenceCount} quotes</p>
        </div>
        {canEdit ? (
          <div className="flex shrink-0 gap-2">
            <button
              type="button"
              onClick={() => setEditing(true)}
              aria-label={`Edit ${person.name}`}
              className="rounded-md border border-slate-300 px-3 py-1 text-sm"
            >
              Edit
            </button>
            {onMerge ? (
              <button
                type="button"
                onClick={onMerge}
                aria-label={`Merge ${person.name}`}
                className="rounded-md border border-slate-300 px-3 py-1 text-sm"
              >
                Merge
              </button>
            ) : null}
          </div>
        ) : null}
      </li>
    );
  }
  return (
    <li className="p-4">
      <form
        className="grid gap-2 sm:grid-cols-2"
        onSubmit={(e) => {
          e.preventDefault();
          const f = new FormData(e.currentTarget);
          const get = (k: string) => String(f.get(k) ?? "");
          update.execute({
            workspaceSlug: slug,
            personId: person.id,
            name: get("name"),
            aliases: get("aliases")
              .split(",")
              .map((a) => a.trim())
              .filter(Boolean),
            role: get("role"),
            partyId: get("partyId") || null,
            organisation: get("organisation"),
          });
        }}
      >
        {error ? (
          <p role="alert" className="text-sm text-red-700 sm:col-span-2">
            {error}
          </p>
        ) : null}
        <label className="text-sm">
          Name
          <input
            name="name"
            defaultValue={person.name}
            className="mt-1 w-full rounded-md border border-slate-300 px-2 py-1"
          />
        </label>
        <label className="text-sm">
          Aliases (comma-separated)
          <input
            name="aliases"
            defaultValue={person.aliases.join(", ")}
            className="mt-1 w-full rounded-md border border-slate-300 px-2 py-1"
          />
        </label>
        <label className="text-sm">
          Role
          <input
            name="role"
            defaultValue={person.role}
            className="mt-1 w-full rounded-md border border-slate-300 px-2 py-1"
          />
        </label>
        <label className="text-sm">
          Party
          <select
            name="partyId"
            defaultValue={person.party?.id ?? ""}
            className="mt-1 w-full rounded-md border border-slate-300 px-2 py-1"
          >
            <option value="">None</option>
            {parties.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </label>
        <label className="text-sm">
          Organisation
          <input
            name="organisation"
            defaultValue={person.organisation}
            className="mt-1 w-full rounded-md border border-slate-300 px-2 py-1"
          />
        </label>
        <div className="flex items-end gap-2">
          <button
            type="submit"
            disabled={update.isPending}
            className="rounded-md bg-indigo-700 px-3 py-1.5 text-sm text-white disabled:opacity-60"
          >
            {update.isPending ? "Saving…" : "Save"}
          </button>
          <button
            type="button"
            onClick={() => setEditing(false)}
            className="rounded-md border border-slate-300 px-3 py-1.5 text-sm"
          >
            Cancel
          </button>
        </div>
      </form>
    </li>
  );
}

export function PeopleDirectory({
  slug,
  people,
  parties,
  canEdit,
}: {
  slug: string;
  people: PersonListItem[];
  parties: { id: string; name: string }[];
  canEdit: boolean;
}) {
  const [merging, setMerging] = useState<PersonListItem | null>(null);
  const [merged, setMerged] = useState<string | null>(null);
  return (
    <>
      {merged ? (
        <p role="status" className="mt-4 text-sm text-emerald-800">
          {merged}
        </p>
      ) : null}
      <ul className="mt-6 divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white">
        {people.map((p) => (
          <PersonRow
            key={p.id}
            slug={slug}
            person={p}
            parties={parties}
            canEdit={canEdit}
            onMerge={people.length > 1 ? () => setMerging(p) : null}
          />
        ))}
      </ul>
      {merging ? (
        <MergeDialog
          slug={slug}
          person={merging}
          people={people}
          onClose={() => setMerging(null)}
          onMerged={(message) => {
            setMerging(null);
            setMerged(message);
          }}
        />
      ) : null}
    </>
  );
}
