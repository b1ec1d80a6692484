"use client";

import { ColourField, TextField } from "@/components/structure/field";
import { PartySwatch } from "@/components/structure/party-swatch";
import { type StructureKind, StructureList } from "@/components/structure/structure-list";
import {
  addPartyAction,
  archivePartyAction,
  renamePartyAction,
  reorderPartiesAction,
  unarchivePartyAction,
} from "@/lib/structure/actions";
import type { StructureParty } from "@/lib/structure/data";
import { PARTY_NAME_MAX, PARTY_SHORT_NAME_MAX } from "@/lib/structure/schema";

const NEW_PARTY_COLOUR = "#475569";

const PARTIES: StructureKind<StructureParty> = {
  noun: "party",
  place: "column",
  nameField: "name",
  listLabel: "Parties, in matrix column order",
  emptyText: "No parties yet: add the first one above.",
  archivedHeading: "Archived parties",
  labelOf: (party) => party.name,
  actions: {
    add: addPartyAction,
    rename: renamePartyAction,
    archive: archivePartyAction,
    unarchive: unarchivePartyAction,
    reorder: reorderPartiesAction,
  },
  summary: (party) => (
    <p className="flex items-center gap-2 font-medium">
      <PartySwatch colour={party.colour} />
      {party.name}
      <span className="rounded bg-slate-100 px-1.5 py-0.5 text-xs font-normal text-slate-600">{party.shortName}</span>
    </p>
  ),
  archivedSummary: (party) => (
    <p className="flex items-center gap-2 text-slate-700">
      <PartySwatch colour={party.colour} />
      {party.name}
    </p>
  ),
  fields: (party, idPrefix, errors) => (
    <div className="grid gap-3 sm:grid-cols-[1fr_8rem_auto]">
      <TextField
        id={`${idPrefix}-name`}
        name="name"
        label="Name"
        defaultValue={party?.name}
        maxLength={PARTY_NAME_MAX}
        errors={errors?.name}
        autoFocus={party !== null}
      />
      <TextField
        id={`${idPrefix}-short-name`}
        name="shortName"
        label="Short name"
        defaultValue={party?.shortName}
        maxLength={PARTY_SHORT_NAME_MAX}
        errors={errors?.shortName}
      />
      <ColourField
        id={`${idPrefix}-colour`}
        name="colour"
        label="Colour"
        defaultValue={party?.colour ?? NEW_PARTY_COLOUR}
        errors={errors?.colour}
      />
    </div>
  ),
  readFields: (form) => ({
    name: String(form.get("name") ?? ""),
    shortName: String(form.get("shortName") ?? ""),
    colour: String(form.get("colour") ?? ""),
  }),
};

/** The matrix's columns: add, rename, recolour, reorder, archive and bring back. */
export function PartyList({ workspaceSlug, parties }: { workspaceSlug: string; parties: StructureParty[] }) {
  return <StructureList kind={PARTIES} workspaceSlug={workspaceSlug} items={parties} />;
}
