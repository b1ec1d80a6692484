"use client";

import Link from "next/link";
import { useAction } from "next-safe-action/hooks";
import { useId, useState } from "react";
import { actionErrorMessage } from "@/components/ui/action-error";
import { useConfirm } from "@/components/ui/confirm-dialog";
import { useDates } from "@/components/ui/date-locale";
import { FieldError, FormAlert } from "@/components/ui/form-feedback";
import { createEventAction, deleteEventAction, updateEventAction } from "@/lib/events/actions";
import type { EventFormOptions, NegotiationEventView } from "@/lib/events/data";
import { EVENT_KIND_LABELS, EVENT_KINDS } from "@/lib/events/schema";
import { EARLIEST_DATE } from "@/lib/matrix/dates";

type Props = {
  slug: string;
  events: NegotiationEventView[];
  options: EventFormOptions;
  canEdit: boolean;
};

type FieldErrors = Record<string, string[] | undefined>;

const INPUT = "mt-1 w-full rounded-md border border-slate-300 bg-white px-2 py-1.5";

/** The form to add an event or change one; the action's field errors are tied to their inputs. */
function EventForm({
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
  const uid = useId();
  const create = useAction(createEventAction, { onSuccess: () => onDone() });
  const update = useAction(updateEventAction, { onSuccess: () => onDone() });
  const current = event ? update : create;
  const fieldErrors: FieldErrors =
    (current.result.validationErrors as { fieldErrors?: FieldErrors })?.fieldErrors ?? {};
  const formError = Object.keys(fieldErrors).length ? null : actionErrorMessage(current.result);
  const errorId = (field: string) => `${uid}-${field}-error`;
  const described = (field: string) => (fieldErrors[field]?.length ? errorId(field) : undefined);
  const linked = new Set(event?.parties.map((p) => p.id));
  const linkedDocuments = event?.documents.map((d) => d.id) ?? [];

  return (
    <form
      aria-label={event ? `Edit ${event.title}` : "Add an event"}
      className="grid gap-3 sm:grid-cols-2"
      onSubmit={(e) => {
        e.preventDefault();
        const form = new FormData(e.currentTarget);
        const input = {
          workspaceSlug: slug,
          kind: String(form.get("kind")) as (typeof EVENT_KINDS)[number],
          title: String(form.get("title") ?? ""),
          occurredOn: String(form.get("occurredOn") ?? ""),
          description: String(form.get("description") ?? ""),
          partyIds: form.getAll("partyIds").map(String),
          documentIds: form.getAll("documentIds").map(String),
        };
        if (event) update.execute({ ...input, eventId: event.id });
        else create.execute(input);
      }}
    >
      {formError ? (
        <div className="sm:col-span-2">
          <FormAlert>{formError}</FormAlert>
        </div>
      ) : null}
      <label className="text-sm font-medium">
        Title
        <input
          name="title"
          required
          maxLength={200}
          defaultValue={event?.title}
          aria-invalid={Boolean(described("title"))}
          aria-describedby={described("title")}
          className={INPUT}
        />
        <FieldError id={errorId("title")} messages={fieldErrors.title} />
      </label>
      <label className="text-sm font-medium">
        Date
        <input
          name="occurredOn"
          type="date"
          required
          min={EARLIEST_DATE}
          defaultValue={event?.occurredOn}
          aria-invalid={Boolean(described("occurredOn"))}
          aria-describedby={described("occurredOn")}
          className={INPUT}
        />
        <FieldError id={errorId("occurredOn")} messages={fieldErrors.occurredOn} />
      </label>
      <label className="text-sm font-medium">
        Kind
        <select name="kind" defaultValue={event?.kind ?? "ROUND"} className={INPUT}>
          {EVENT_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {EVENT_KIND_LABELS[kind]}
            </option>
          ))}
        </select>
      </label>
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
          {options.documents.map((d) => (
            <option key={d.id} value={d.id}>
              {d.publishedOn ? `${d.publishedOn} · ` : ""}
              {d.title}
            </option>
          ))}
        </select>
        <span id={`${uid}-documents-hint`} className="mt-1 block text-xs font-normal text-slate-500">
          Ctrl or ⌘ to choose several.
        </span>
        <FieldError id={errorId("documentIds")} messages={fieldErrors.documentIds} />
      </label>
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
      <div className="flex gap-2 sm:col-span-2">
        <button
          type="submit"
          disabled={current.isPending}
          className="rounded-md bg-indigo-700 px-4 py-2 text-sm font-medium text-white shadow-sm hover:bg-indigo-800 disabled:opacity-60"
        >
          {current.isPending ? "Saving…" : event ? "Save event" : "Add event"}
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

function EventItem({
  slug,
  event,
  options,
  canEdit,
  onDelete,
}: {
  slug: string;
  event: NegotiationEventView;
  options: EventFormOptions;
  canEdit: boolean;
  onDelete: (event: NegotiationEventView) => void;
}) {
  const dates = useDates();
  const [editing, setEditing] = useState(false);
  if (editing)
    return (
      <li className="rounded-lg border border-indigo-200 bg-white p-4">
        <EventForm slug={slug} options={options} event={event} onDone={() => setEditing(false)} />
      </li>
    );
  return (
    <li className="rounded-lg border border-slate-200 bg-white p-4" id={`event-${event.id}`}>
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div className="min-w-0">
          <p className="text-xs font-medium uppercase tracking-wide text-slate-500">
            <time dateTime={event.occurredOn}>{dates.calendar(event.occurredOn)}</time> ·{" "}
            {EVENT_KIND_LABELS[event.kind]}
          </p>
          <h2 className="mt-0.5 break-words font-semibold text-slate-900">{event.title}</h2>
        </div>
        <div className="flex shrink-0 flex-wrap gap-2 text-sm">
          <Link
            href={`/w/${slug}?asOf=${event.occurredOn}`}
            className="rounded-md border border-slate-300 px-3 py-1 text-slate-800 hover:bg-slate-50"
          >
            Matrix on this day
          </Link>
          {canEdit ? (
            <>
              <button
                type="button"
                onClick={() => setEditing(true)}
                aria-label={`Edit ${event.title}`}
                className="rounded-md border border-slate-300 px-3 py-1 hover:bg-slate-50"
              >
                Edit
              </button>
              <button
                type="button"
                onClick={() => onDelete(event)}
                aria-label={`Delete ${event.title}`}
                className="rounded-md border border-red-300 px-3 py-1 text-red-800 hover:bg-red-50"
              >
                Delete
              </button>
            </>
          ) : null}
        </div>
      </div>
      {event.description ? (
        <p className="mt-2 whitespace-pre-line text-sm text-slate-800">{event.description}</p>
      ) : null}
      {event.parties.length > 0 ? (
        <p className="mt-2 text-sm text-slate-700">
          <span className="sr-only">Parties: </span>
          {event.parties.map((party, i) => (
            <span key={party.id}>
              {i > 0 ? ", " : ""}
              <span style={{ color: party.colour }} className="font-medium">
                {party.name}
              </span>
            </span>
          ))}
        </p>
      ) : null}
      {event.documents.length > 0 ? (
        <ul aria-label={`Documents about ${event.title}`} className="mt-2 list-disc pl-5 text-sm">
          {event.documents.map((document) => (
            <li key={document.id} className="break-words">
              <Link href={`/w/${slug}/documents/${document.id}`} className="text-indigo-700 underline">
                {document.title}
              </Link>
            </li>
          ))}
        </ul>
      ) : null}
    </li>
  );
}

export function EventsBoard({ slug, events, options, canEdit }: Props) {
  const dates = useDates();
  const [confirm, confirmDialog] = useConfirm();
  // Remounting the add form after each success clears its fields.
  const [addFormKey, setAddFormKey] = useState(0);
  const remove = useAction(deleteEventAction);
  const removeError = actionErrorMessage(remove.result);

  const onDelete = async (event: NegotiationEventView) => {
    if (await confirm(`Delete “${event.title}” of ${dates.calendar(event.occurredOn)}?`, "Delete event"))
      remove.execute({ workspaceSlug: slug, eventId: event.id });
  };

  return (
    <>
      {canEdit ? (
        <section aria-labelledby="add-event-heading" className="mt-6 rounded-lg border border-slate-200 bg-white p-4">
          <h2 id="add-event-heading" className="mb-3 font-semibold">
            Add an event
          </h2>
          <EventForm
            key={addFormKey}
            slug={slug}
            options={options}
            event={null}
            onDone={() => setAddFormKey((k) => k + 1)}
          />
        </section>
      ) : null}
      {removeError ? (
        <div className="mt-4">
          <FormAlert>{removeError}</FormAlert>
        </div>
      ) : null}
      {events.length === 0 ? (
        <p className="mt-6 text-slate-600">No events recorded yet.</p>
      ) : (
        <ol aria-label="Events by date" className="mt-6 space-y-3">
          {events.map((event) => (
            <EventItem
              key={event.id}
              slug={slug}
              event={event}
              options={options}
              canEdit={canEdit}
              onDelete={onDelete}
            />
          ))}
        </ol>
      )}
      {confirmDialog}
    </>
  );
}
