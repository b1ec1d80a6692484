"use client";

import { useAction } from "next-safe-action/hooks";
import { type FormEvent, useId } from "react";
import { actionErrorMessage } from "@/components/ui/action-error";
import { createEventAction, updateEventAction } from "@/lib/events/actions";
import type { NegotiationEventView } from "@/lib/events/data";
import type { EVENT_KINDS } from "@/lib/events/schema";

export type FieldErrors = Record<string, string[] | undefined>;

/** Creates or updates an event from the form, and ties the action's field errors to input ids. */
export function useEventForm(slug: string, event: NegotiationEventView | null, onDone: () => void) {
  const uid = useId();
  const create = useAction(createEventAction, { onSuccess: () => onDone() });
  const update = useAction(updateEventAction, { onSuccess: () => onDone() });
  const current = event ? update : create;
  const fieldErrors: FieldErrors =
    (current.result.validationErrors as { fieldErrors?: FieldErrors })?.fieldErrors ?? {};
  const formError = Object.keys(fieldErrors).length ? null : actionErrorMessage(current.result);
  const errorId = (field: string) => `${uid}-${field}-error`;
  const described = (field: string) => (fieldErrors[field]?.length ? errorId(field) : undefined);

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
