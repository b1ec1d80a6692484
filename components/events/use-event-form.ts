"use client";

import { useAction } from "next-safe-action/hooks";
import type { FormEvent } from "react";
import { useFieldErrors } from "@/components/ui/action-error";
import { createEventAction, updateEventAction } from "@/lib/events/actions";
import type { NegotiationEventView } from "@/lib/events/data";
import type { EVENT_KINDS } from "@/lib/events/schema";

/** Creates or updates an event from the form, and ties the action's field errors to input ids. */
export function useEventForm(slug: string, event: NegotiationEventView | null, onDone: () => void) {
  const create = useAction(createEventAction, { onSuccess: () => onDone() });
  const update = useAction(updateEventAction, { onSuccess: () => onDone() });
  const current = event ? update : create;
  const { uid, fieldErrors, formError, errorId, described } = useFieldErrors(current.result);

  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
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
  };

  return { uid, fieldErrors, formError, errorId, described, isPending: current.isPending, onSubmit };
}

export type EventFormState = ReturnType<typeof useEventForm>;
