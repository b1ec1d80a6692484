"use client";

import { useEffect, useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { useAction, useOptimisticAction } from "next-safe-action/hooks";
import { archivePartyAction, renamePartyAction, reorderPartiesAction, unarchivePartyAction } from "@/lib/structure/actions";
import { PARTY_NAME_MAX, PARTY_SHORT_NAME_MAX } from "@/lib/structure/schema";
import type { StructureParty } from "@/lib/structure/data";
import { actionErrorMessage } from "@/components/ui/action-error";
import { FormAlert } from "@/components/ui/form-feedback";
import { arrange, ReorderableList } from "@/components/structure/reorderable-list";
import { ColourField, fieldErrorsOf, formErrorOf, primaryButtonClass, secondaryButtonClass, TextField } from "@/components/structure/field";
import { AddPartyForm } from "@/components/structure/add-party-form";
import { PartySwatch } from "@/components/structure/party-swatch";

/** The matrix's columns: add, rename, recolour, reorder, archive and bring back. */
export function PartyList({ workspaceSlug, parties }: { workspaceSlug: string; parties: StructureParty[] }) {
  const router = useRouter();
  const active = parties.filter((party) => !party.archivedAt);
  const archived = parties.filter((party) => party.archivedAt);
  const reorder = useOptimisticAction(reorderPartiesAction, {
    currentState: active.map((party) => party.id),
    updateFn: (_order, input) => input.orderedIds,
  });
  const ordered = arrange(active, reorder.optimisticState);
  const reorderError = actionErrorMessage(reorder.result);

  return (
    <div className="space-y-4">
      <AddPartyForm workspaceSlug={workspaceSlug} />
      {reorderError ? (
        <FormAlert>
          {reorderError}{" "}
          <button type="button" onClick={() => router.refresh()} className="font-medium underline">Reload the list</button>
        </FormAlert>
      ) : null}
      {reorder.isPending ? <p role="status" className="text-sm text-slate-600">Saving the new order…</p> : null}
      {ordered.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 px-4 py-6 text-center text-sm text-slate-600">No parties yet: add the first one above.</p>
      ) : (
        <ReorderableList
          items={ordered}
          listLabel="Parties, in matrix column order"
          labelOf={(party) => party.name}
          onReorder={(orderedIds) => reorder.execute({ workspaceSlug, orderedIds })}
          renderItem={(party) => <PartyRow workspaceSlug={workspaceSlug} party={party} />}
        />
      )}
      {archived.length > 0 ? (
        <details className="rounded-lg border border-slate-200 bg-white">
          <summary className="cursor-pointer px-4 py-2 text-sm font-medium text-slate-700">Archived parties ({archived.length})</summary>
          <ul className="divide-y divide-slate-100 border-t border-slate-200">
            {archived.map((party) => (
              <ArchivedParty key={party.id} workspaceSlug={workspaceSlug} party={party} />
            ))}
          </ul>
        </details>
      ) : null}
    </div>
  );
}

function PartyRow({ workspaceSlug, party }: { workspaceSlug: string; party: StructureParty }) {
  const [editing, setEditing] = useState(false);
  const renameButton = useRef<HTMLButtonElement>(null);
  const returnFocus = useRef(false);
  const rename = useAction(renamePartyAction, { onSuccess: () => close() });
  const archive = useAction(archivePartyAction);
  const archiveError = actionErrorMessage(archive.result);
  const fieldErrors = fieldErrorsOf(rename.result);
  const formError = formErrorOf(rename.result);
  const idPrefix = `party-${party.id}`;

  function close() {
    returnFocus.current = true;
    setEditing(false);
  }

  useEffect(() => {
    if (!editing && returnFocus.current) {
      returnFocus.current = false;
      renameButton.current?.focus();
    }
  }, [editing]);

  if (editing) {
    return (
      <form
        aria-label={`Rename ${party.name}`}
        className="space-y-3"
        onSubmit={(event) => {
          event.preventDefault();
          const form = new FormData(event.currentTarget);
          rename.execute({ workspaceSlug, partyId: party.id, name: String(form.get("name") ?? ""), shortName: String(form.get("shortName") ?? ""), colour: String(form.get("colour") ?? "") });
        }}
      >
        {formError ? <FormAlert>{formError}</FormAlert> : null}
        <div className="grid gap-3 sm:grid-cols-[1fr_8rem_auto]">
          <TextField id={`${idPrefix}-name`} name="name" label="Name" defaultValue={party.name} maxLength={PARTY_NAME_MAX} errors={fieldErrors?.name} autoFocus />
          <TextField id={`${idPrefix}-short-name`} name="shortName" label="Short name" defaultValue={party.shortName} maxLength={PARTY_SHORT_NAME_MAX} errors={fieldErrors?.shortName} />
          <ColourField id={`${idPrefix}-colour`} name="colour" label="Colour" defaultValue={party.colour} errors={fieldErrors?.colour} />
        </div>
        <div className="flex gap-2">
          <button type="submit" disabled={rename.isPending} className={primaryButtonClass}>{rename.isPending ? "Saving…" : "Save"}</button>
          <button type="button" disabled={rename.isPending} onClick={() => { rename.reset(); close(); }} className={secondaryButtonClass}>Cancel</button>
        </div>
      </form>
    );
  }

  return (
    <div className="flex flex-wrap items-start justify-between gap-3">
      <div className="min-w-0">
        <p className="flex items-center gap-2 font-medium">
          <PartySwatch colour={party.colour} />
          {party.name}
          <span className="rounded bg-slate-100 px-1.5 py-0.5 text-xs font-normal text-slate-600">{party.shortName}</span>
        </p>
        {archiveError ? <p role="alert" className="mt-1 text-sm text-red-700">{archiveError}</p> : null}
      </div>
      <div className="flex shrink-0 gap-2">
        <button ref={renameButton} type="button" aria-label={`Rename ${party.name}`} onClick={() => setEditing(true)} disabled={archive.isPending} className={secondaryButtonClass}>Rename</button>
        <button
          type="button"
          aria-label={`Archive ${party.name}`}
          disabled={archive.isPending}
          onClick={() => archive.execute({ workspaceSlug, partyId: party.id })}
          className={secondaryButtonClass}
        >
          {archive.isPending ? "Archiving…" : "Archive"}
        </button>
      </div>
    </div>
  );
}

function ArchivedParty({ workspaceSlug, party }: { workspaceSlug: string; party: StructureParty }) {
  const unarchive = useAction(unarchivePartyAction);
  const error = actionErrorMessage(unarchive.result);
  return (
    <li className="flex flex-wrap items-center justify-between gap-3 px-4 py-3">
      <div className="min-w-0">
        <p className="flex items-center gap-2 text-slate-700"><PartySwatch colour={party.colour} />{party.name}</p>
        {error ? <p role="alert" className="mt-1 text-sm text-red-700">{error}</p> : null}
      </div>
      <button
        type="button"
        aria-label={`Unarchive ${party.name}`}
        disabled={unarchive.isPending}
        onClick={() => unarchive.execute({ workspaceSlug, partyId: party.id })}
        className={secondaryButtonClass}
      >
        {unarchive.isPending ? "Unarchiving…" : "Unarchive"}
      </button>
    </li>
  );
}
