"use client";

import { useState } from "react";
import { useAction } from "next-safe-action/hooks";
import { mergePeopleAction, updatePersonAction } from "@/lib/people/actions";
import { actionErrorMessage } from "@/components/ui/action-error";
import type { PersonListItem } from "@/lib/people/data";

function PersonRow({ slug, person, parties, canEdit }: { slug: string; person: PersonListItem; parties: { id: string; name: string }[]; canEdit: boolean }) {
  const [editing, setEditing] = useState(false);
  const update = useAction(updatePersonAction, { onSuccess: ({ data }) => data.ok && setEditing(false) });
  const error = update.result.data && !update.result.data.ok ? update.result.data.message : actionErrorMessage(update.result);
  if (!editing) {
    return (
      <li className="flex items-start justify-between gap-4 p-4">
        <div>
          <p className="font-medium">{person.name} {person.party ? <span className="ml-1 text-xs font-normal" style={{ color: person.party.colour }}>{person.party.name}</span> : null}</p>
          <p className="text-sm text-slate-600">{[person.role, person.organisation].filter(Boolean).join(" · ")}</p>
          {person.aliases.length ? <p className="text-xs text-slate-500">Also written: {person.aliases.join(", ")}</p> : null}
          <p className="text-xs text-slate-500">{person.evidenceCount} quotes</p>
        </div>
        {canEdit ? <button type="button" onClick={() => setEditing(true)} className="rounded-md border border-slate-300 px-3 py-1 text-sm">Edit</button> : null}
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
          update.execute({ workspaceSlug: slug, personId: person.id, name: get("name"), aliases: get("aliases").split(",").map((a) => a.trim()).filter(Boolean), role: get("role"), partyId: get("partyId") || null, organisation: get("organisation") });
        }}
      >
        {error ? <p role="alert" className="text-sm text-red-700 sm:col-span-2">{error}</p> : null}
        <label className="text-sm">Name<input name="name" defaultValue={person.name} className="mt-1 w-full rounded-md border border-slate-300 px-2 py-1" /></label>
        <label className="text-sm">Aliases (comma-separated)<input name="aliases" defaultValue={person.aliases.join(", ")} className="mt-1 w-full rounded-md border border-slate-300 px-2 py-1" /></label>
        <label className="text-sm">Role<input name="role" defaultValue={person.role} className="mt-1 w-full rounded-md border border-slate-300 px-2 py-1" /></label>
        <label className="text-sm">Party
          <select name="partyId" defaultValue={person.party?.id ?? ""} className="mt-1 w-full rounded-md border border-slate-300 px-2 py-1">
            <option value="">None</option>
            {parties.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
          </select>
        </label>
        <label className="text-sm">Organisation<input name="organisation" defaultValue={person.organisation} className="mt-1 w-full rounded-md border border-slate-300 px-2 py-1" /></label>
        <div className="flex items-end gap-2">
          <button type="submit" disabled={update.isPending} className="rounded-md bg-indigo-700 px-3 py-1.5 text-sm text-white disabled:opacity-60">{update.isPending ? "Saving…" : "Save"}</button>
          <button type="button" onClick={() => setEditing(false)} className="rounded-md border border-slate-300 px-3 py-1.5 text-sm">Cancel</button>
        </div>
      </form>
    </li>
  );
}

export function PeopleDirectory({ slug, people, parties, canEdit }: { slug: string; people: PersonListItem[]; parties: { id: string; name: string }[]; canEdit: boolean }) {
  const merge = useAction(mergePeopleAction);
  const mergeError = merge.result.data && !merge.result.data.ok ? merge.result.data.message : actionErrorMessage(merge.result);
  return (
    <>
      <ul className="mt-6 divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white">
        {people.map((p) => <PersonRow key={p.id} slug={slug} person={p} parties={parties} canEdit={canEdit} />)}
      </ul>
      {canEdit ? (
        <form
          className="mt-8 space-y-3 rounded-lg border border-slate-200 bg-white p-5"
          onSubmit={(e) => {
            e.preventDefault();
            const f = new FormData(e.currentTarget);
            const keepId = String(f.get("keepId") ?? "");
            const mergeId = String(f.get("mergeId") ?? "");
            const names = (id: string) => people.find((p) => p.id === id)?.name ?? "?";
            if (window.confirm(`Merge ${names(mergeId)} into ${names(keepId)}? Their quotes move to ${names(keepId)}, and ${names(mergeId)} becomes an alias.`)) {
              merge.execute({ workspaceSlug: slug, keepId, mergeId });
            }
          }}
        >
          <h2 className="font-semibold">Merge two entries that are one person</h2>
          {mergeError ? <p role="alert" className="text-sm text-red-700">{mergeError}</p> : null}
          {merge.result.data?.ok ? <p role="status" className="text-sm text-emerald-800">Merged; {merge.result.data.moved} quotes moved.</p> : null}
          <div className="grid gap-3 sm:grid-cols-2">
            <label className="text-sm">Keep
              <select name="keepId" className="mt-1 w-full rounded-md border border-slate-300 px-2 py-1">{people.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}</select>
            </label>
            <label className="text-sm">Merge into it
              <select name="mergeId" className="mt-1 w-full rounded-md border border-slate-300 px-2 py-1">{people.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}</select>
            </label>
          </div>
          <button type="submit" disabled={merge.isPending} className="rounded-md border border-slate-300 px-3 py-1.5 text-sm disabled:opacity-60">{merge.isPending ? "Merging…" : "Merge"}</button>
        </form>
      ) : null}
    </>
  );
}
