"use client";

import { DocumentOptions } from "@/components/documents/document-options";
import { FieldInput } from "@/components/ui/field-input";
import { FieldError, FormAlert } from "@/components/ui/form-feedback";
import { KindSelect } from "@/components/ui/kind-select";
import { EARLIEST_DATE } from "@/lib/matrix/dates";
import type { ProposalFormOptions } from "@/lib/proposals/data";
import { NEGOTIATION_PROPOSAL_KIND_LABELS, NEGOTIATION_PROPOSAL_KINDS } from "@/lib/proposals/schema";
import { type ProposalFormState, useProposalForm } from "./use-proposal-form";

const INPUT = "mt-1 w-full rounded-md border border-slate-300 bg-white px-2 py-1.5";

type SectionProps = { state: ProposalFormState; options: ProposalFormOptions };

/** What the proposal is: its title, the party making it and its kind. */
function TitlePartyAndKindFields({ state, options }: SectionProps) {
  const { fieldErrors, errorId, described } = state;
  return (
    <>
      <label className="text-sm font-medium sm:col-span-2">
        Title
        <FieldInput errors={state} name="title" required maxLength={200} className={INPUT} />
      </label>
      <label className="text-sm font-medium">
        Party
        <select name="partyId" required className={INPUT} aria-describedby={described("partyId")}>
          {options.parties.map((party) => (
            <option key={party.id} value={party.id}>
              {party.name}
            </option>
          ))}
        </select>
        <FieldError id={errorId("partyId")} messages={fieldErrors.partyId} />
      </label>
      <KindSelect
        kinds={NEGOTIATION_PROPOSAL_KINDS}
        labels={NEGOTIATION_PROPOSAL_KIND_LABELS}
        defaultValue="DRAFT_TREATY"
        className={INPUT}
      />
    </>
  );
}

/** When it was proposed, and the proposal it answers. */
function DateAndAnswersFields({ state, options }: SectionProps) {
  const { fieldErrors, errorId, described } = state;
  return (
    <>
      <label className="text-sm font-medium">
        Date
        <FieldInput errors={state} name="proposedOn" type="date" required min={EARLIEST_DATE} className={INPUT} />
      </label>
      <label className="text-sm font-medium">
        Answers <span className="font-normal text-slate-500">(for a counter-proposal)</span>
        <select name="answersId" defaultValue="" className={INPUT} aria-describedby={described("answersId")}>
          <option value="">Nothing</option>
          {options.proposals.map((p) => (
            <option key={p.id} value={p.id}>
              {p.proposedOn} · {p.party} · {p.title}
            </option>
          ))}
        </select>
        <FieldError id={errorId("answersId")} messages={fieldErrors.answersId} />
      </label>
    </>
  );
}

/** The document holding the proposal's text, and the part of it that is the proposal. */
function DocumentFields({ state, options }: SectionProps) {
  const { fieldErrors, errorId, described } = state;
  return (
    <>
      <label className="text-sm font-medium">
        Document <span className="font-normal text-slate-500">(its provisions are passages of it)</span>
        <select name="documentId" defaultValue="" className={INPUT} aria-describedby={described("documentId")}>
          <option value="">No document</option>
          <DocumentOptions documents={options.documents} />
        </select>
        <FieldError id={errorId("documentId")} messages={fieldErrors.documentId} />
      </label>
      <label className="text-sm font-medium">
        Part of the document <span className="font-normal text-slate-500">(optional)</span>
        <FieldInput
          errors={state}
          name="documentPart"
          maxLength={200}
          placeholder="e.g. Annex, or the section quoting it"
          className={INPUT}
        />
      </label>
    </>
  );
}

/** Records a party's proposal, from a document (or a part of one), and opens it to add provisions. */
export function ProposalForm({ slug, options }: { slug: string; options: ProposalFormOptions }) {
  const state = useProposalForm(slug);

  return (
    <form aria-label="Record a proposal" className="grid gap-3 sm:grid-cols-2" onSubmit={state.onSubmit}>
      {state.formError ? (
        <div className="sm:col-span-2">
          <FormAlert>{state.formError}</FormAlert>
        </div>
      ) : null}
      <TitlePartyAndKindFields state={state} options={options} />
      <DateAndAnswersFields state={state} options={options} />
      <DocumentFields state={state} options={options} />
      <div className="sm:col-span-2">
        <button
          type="submit"
          disabled={state.isPending}
          className="rounded-md bg-indigo-700 px-4 py-2 text-sm font-medium text-white shadow-sm hover:bg-indigo-800 disabled:opacity-60"
        >
          {state.isPending ? "Saving…" : "Record proposal"}
        </button>
      </div>
    </form>
  );
}
