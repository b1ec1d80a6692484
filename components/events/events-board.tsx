"use client";

import Link from "next/link";
import { useAction } from "next-safe-action/hooks";
import { useState } from "react";
import { actionErrorMessage } from "@/components/ui/action-error";
import { useConfirm } from "@/components/ui/confirm-dialog";
import { useDates } from "@/components/ui/date-locale";
import { FormAlert } from "@/components/ui/form-feedback";
import { deleteEventAction } from "@/lib/events/actions";
import type { EventFormOptions, NegotiationEventView } from "@/lib/events/data";
import { EVENT_KIND_LABELS } from "@/lib/events/schema";
import { EventForm } from "./event-form";

type Props = {
  slug: string;
  events: NegotiationEventView[];
  options: EventFormOptions;
  canEdit: boolean;
};

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
        <EventHeading event={event} />
        <div className="flex shrink-0 flex-wrap gap-2 text-sm">
          <Link
            href={`/w/${slug}?asOf=${event.occurredOn}`}
            className="rounded-md border border-slate-300 px-3 py-1 text-slate-800 hover:bg-slate-50"
          >
            Matrix on this day
          </Link>
          {canEdit ? <EventEditButtons event={event} onEdit={() => setEditing(true)} onDelete={onDelete} /> : null}
        </div>
      </div>
      {event.description ? (
        <p className="mt-2 whitespace-pre-line text-sm text-slate-800">{event.description}</p>
      ) : null}
      {event.parties.length > 0 ? <EventParties parties={event.parties} /> : null}
      {event.documents.length > 0 ? <EventDocuments slug={slug} event={event} /> : null}
    </li>
  );
}

function EventHeading({ event }: { event: NegotiationEventView }) {
  const dates = useDates();
  return (
    <div className="min-w-0">
      <p className="text-xs font-medium uppercase tracking-wide text-slate-500">
        <time dateTime={event.occurredOn}>{dates.calendar(event.occurredOn)}</time> · {EVENT_KIND_LABELS[event.kind]}
      </p>
      <h2 className="mt-0.5 break-words font-semibold text-slate-900">{event.title}</h2>
    </div>
  );
}

function EventEditButtons({
  event,
  onEdit,
  onDelete,
}: {
  event: NegotiationEventView;
  onEdit: () => void;
  onDelete: (event: NegotiationEventView) => void;
}) {
  return (
    <>
      <button
        type="button"
        onClick={onEdit}
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
  );
}

function EventParties({ parties }: { parties: NegotiationEventView["parties"] }) {
  return (
    <p className="mt-2 text-sm text-slate-700">
      <span className="sr-only">Parties: </span>
      {parties.map((party, i) => (
        <span key={party.id}>
          {i > 0 ? ", " : ""}
          <span style={{ color: party.colour }} className="font-medium">
            {party.name}
          </span>
        </span>
      ))}
    </p>
  );
}

function EventDocuments({ slug, event }: { slug: string; event: NegotiationEventView }) {
  return (
    <ul aria-label={`Documents about ${event.title}`} className="mt-2 list-disc pl-5 text-sm">
      {event.documents.map((document) => (
        <li key={document.id} className="break-words">
          <Link href={`/w/${slug}/documents/${document.id}`} className="text-indigo-700 underline">
            {document.title}
          </Link>
        </li>
      ))}
    </ul>
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
