import { z } from "zod";
import { CalendarDateSchema } from "@/lib/matrix/dates";
import { id, line, paragraphs } from "@/lib/platform/validation";
import { WorkspaceSlugSchema } from "@/lib/workspaces/schema";

// Limits mirror the CHECK constraints of the negotiation_events migration.

export const EVENT_TITLE_MAX = 200;
export const EVENT_DESCRIPTION_MAX = 5000;
/** Far above any real meeting; bounds what one request can ask to link. */
const LINKS_MAX = 100;

export const EVENT_KINDS = ["ROUND", "MEETING", "DEADLINE", "LEAK", "OTHER"] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

export const EVENT_KIND_LABELS: Record<EventKind, string> = {
  ROUND: "Negotiation round",
  MEETING: "Meeting",
  DEADLINE: "Deadline",
  LEAK: "Leak",
  OTHER: "Other",
};

export const EventKindSchema = z.enum(EVENT_KINDS, { error: "Choose what kind of event this is." });

function distinctIds(notFound: string, what: string) {
  return z
    .array(id(notFound))
    .max(LINKS_MAX, `At most ${LINKS_MAX} ${what}.`)
    .refine((ids) => new Set(ids).size === ids.length, `Each of the ${what} may appear only once.`)
    .default([]);
}

const EventFields = {
  kind: EventKindSchema,
  title: line({ min: 1, max: EVENT_TITLE_MAX, tooShort: "Give the event a title." }),
  description: paragraphs({ max: EVENT_DESCRIPTION_MAX }).default(""),
  occurredOn: CalendarDateSchema,
  partyIds: distinctIds("No such party.", "parties"),
  documentIds: distinctIds("No such document.", "documents"),
};

export const CreateEventSchema = z.object({ workspaceSlug: WorkspaceSlugSchema, ...EventFields });

export const UpdateEventSchema = z.object({
  workspaceSlug: WorkspaceSlugSchema,
  eventId: id("No such event."),
  ...EventFields,
});

export const EventIdSchema = z.object({ workspaceSlug: WorkspaceSlugSchema, eventId: id("No such event.") });

export type EventInput = Omit<z.output<typeof CreateEventSchema>, "workspaceSlug">;
