"use client";

import { DocumentOptions } from "@/components/documents/document-options";
import { FieldInput } from "@/components/ui/field-input";
import { FieldError, FormAlert } from "@/components/ui/form-feedback";
import { KindSelect } from "@/components/ui/kind-select";
import type { EventFormOptions, NegotiationEventView } from "@/lib/events/data";
import { EVENT_KIND_LABELS, EVENT_KINDS } from "@/lib/events/schema";
import { EARLIEST_DATE } from "@/lib/matrix/dates";
import { type EventFormState, useEventForm } from "./use-event-form";

const INPUT = "mt-1 w-full rounded-md border border-slate-300 bg-white px-2 py-1.5";

type SectionProps = { state: EventFormState; event: NegotiationEventView | null };

/** Title and date, each with its own field error. */
function TitleAndDateFields({ state, event }: SectionProps) {
  return (
    <>
      <label className="text-sm font-medium">
        Title
        <FieldInput
          errors={state}
          name="title"
          required
          maxLength={200}
          defaultValue={event?.title}
          className={INPUT}
        />
      </label>
      <label className="text-sm font-medium">
        Date
        <FieldInput
          errors={state}
          name="occurredOn"
          type="date"
          required
          min={EARLIEST_DATE}
          defaultValue={event?.occurredOn}
          className={INPUT}
        />
      </label>
    </>
  );
}

/** The kind of event and the documents it is linked to. */
function KindAndDocumentFields({ state, event, options }: SectionProps & { options: EventFormOptions }) {
  const { uid, fieldErrors, errorId, described } = state;
  const linkedDocuments = event?.documents.map((d) => d.id) ?? [];
  return (
    <>
      <KindSelect
        kinds={EVENT_KINDS}
        labels={EVENT_KIND_LABELS}
        defaultValue={event?.kind ?? "ROUND"}
        className={INPUT}
      />
      <label className="text-sm font-medium">
        Linked documents
        <select
          name="documentIds"
          multiple
          size={Math.min(5, Math.max(2, options.documents.length))}
          defaultValue={linkedDocuments}
          aria-describedby={`${uid}-documents-hint ${described("documentIds") ?? ""}`.trim()}
          className={INPUT}
        >
          <DocumentOptions documents={options.documents} />
        </select>
        <span id={`${uid}-documents-hint`} className="mt-1 block text-xs font-normal text-slate-500">
          Ctrl or ⌘ to choose several.
        </span>
        <FieldError id={errorId("documentIds")} messages={fieldErrors.documentIds} />
      </label>
    </>
  );
}

/** One checkbox per party, ticked for the parties already linked. */
function PartiesFieldset({ state, event, options }: SectionProps & { options: EventFormOptions }) {
  const { fieldErrors, errorId, described } = state;
  const linked = new Set(event?.parties.map((p) => p.id));
  return (
    <fieldset className="text-sm sm:col-span-2" aria-describedby={described("partyIds")}>
      <legend className="font-medium">Parties taking part</legend>
      <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
        {options.parties.map((party) => (
          <label key={party.id} className="flex items-center gap-1.5">
            <input type="checkbox" name="partyIds" value={party.id} defaultChecked={linked.has(party.id)} />
            {party.name}
          </label>
        ))}
      </div>
      <FieldError id={errorId("partyIds")} messages={fieldErrors.partyIds} />
    </fieldset>
  );
}

function DescriptionField({ state, event }: SectionProps) {
  const { fieldErrors, errorId, described } = state;
  return (
    <label className="text-sm font-medium sm:col-span-2">
      Description <span className="font-normal text-slate-500">(optional)</span>
      <textarea
        name="description"
        rows={3}
        maxLength={5000}
        defaultValue={event?.description}
        aria-invalid={Boolean(described("description"))}
        aria-describedby={described("description")}
        className={INPUT}
      />
      <FieldError id={errorId("description")} messages={fieldErrors.description} />
    </label>
  );
}

/** The form to add an event or change one; the action's field errors are tied to their inputs. */
export function EventForm({
  slug,
  options,
  event,
  onDone,
}: {
  slug: string;
  options: EventFormOptions;
  event: NegotiationEventView | null;
  onDone: () => void;
}) {
  const state = useEventForm(slug, event, onDone);

  return (
    <form
      aria-label={event ? `Edit ${event.title}` : "Add an event"}
      className="grid gap-3 sm:grid-cols-2"
      onSubmit={state.onSubmit}
    >
      {state.formError ? (
        <div className="sm:col-span-2">
          <FormAlert>{state.formError}</FormAlert>
        </div>
      ) : null}
      <TitleAndDateFields state={state} event={event} />
      <KindAndDocumentFields state={state} event={event} options={options} />
      <PartiesFieldset state={state} event={event} options={options} />
      <DescriptionField state={state} event={event} />
      <div className="flex gap-2 sm:col-span-2">
        <button
          type="submit"
          disabled={state.isPending}
          className="rounded-md bg-indigo-700 px-4 py-2 text-sm font-medium text-white shadow-sm hover:bg-indigo-800 disabled:opacity-60"
        >
          {state.isPending ? "Saving…" : event ? "Save event" : "Add event"}
        </button>
        {event ? (
          <button
            type="button"
            onClick={onDone}
            className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm text-slate-800 hover:bg-slate-50"
          >
            Cancel
          </button>
        ) : null}
      </div>
    </form>
  );
}
