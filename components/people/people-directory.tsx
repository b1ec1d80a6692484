"use client";

import { useState } from "react";
import { MergeDialog } from "@/components/people/merge-dialog";
import { PartyOptions } from "@/components/ui/party-options";
import type { PersonListItem } from "@/lib/people/data";
import { type PersonEditState, usePersonEdit } from "./use-person-edit";

type PartyOption = { id: string; name: string };

/** The person as listed, with the buttons to edit or merge them for editors. */
function PersonSummary({
  person,
  canEdit,
  onEdit,
  onMerge,
}: {
  person: PersonListItem;
  canEdit: boolean;
  onEdit: () => void;
  onMerge: (() => void) | null;
}) {
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
            onClick={onEdit}
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

/** Name, aliases, role, party and organisation, filled in with what is recorded. */
function PersonFields({ person, parties }: { person: PersonListItem; parties: PartyOption[] }) {
  return (
    <>
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
          <PartyOptions parties={parties} />
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
    </>
  );
}

function PersonEditForm({
  person,
  parties,
  state,
}: {
  person: PersonListItem;
  parties: PartyOption[];
  state: PersonEditState;
}) {
  return (
    <li className="p-4">
      <form className="grid gap-2 sm:grid-cols-2" onSubmit={state.onSubmit}>
        {state.error ? (
          <p role="alert" className="text-sm text-red-700 sm:col-span-2">
            {state.error}
          </p>
        ) : null}
        <PersonFields person={person} parties={parties} />
        <div className="flex items-end gap-2">
          <button
            type="submit"
            disabled={state.isPending}
            className="rounded-md bg-indigo-700 px-3 py-1.5 text-sm text-white disabled:opacity-60"
          >
            {state.isPending ? "Saving…" : "Save"}
          </button>
          <button
            type="button"
            onClick={() => state.setEditing(false)}
            className="rounded-md border border-slate-300 px-3 py-1.5 text-sm"
          >
            Cancel
          </button>
        </div>
      </form>
    </li>
  );
}

function PersonRow({
  slug,
  person,
  parties,
  canEdit,
  onMerge,
}: {
  slug: string;
  person: PersonListItem;
  parties: PartyOption[];
  canEdit: boolean;
  onMerge: (() => void) | null;
}) {
  const state = usePersonEdit(slug, person);
  if (!state.editing)
    return <PersonSummary person={person} canEdit={canEdit} onEdit={() => state.setEditing(true)} onMerge={onMerge} />;
  return <PersonEditForm person={person} parties={parties} state={state} />;
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
