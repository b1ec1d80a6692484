import { z } from "zod";
import { CalendarDateSchema } from "@/lib/matrix/dates";
import { distinctIds, id, line, paragraphs } from "@/lib/platform/validation";
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

const EventFields = {
  kind: EventKindSchema,
  title: line({ min: 1, max: EVENT_TITLE_MAX, tooShort: "Give the event a title." }),
  description: paragraphs({ max: EVENT_DESCRIPTION_MAX }).default(""),
  occurredOn: CalendarDateSchema,
  partyIds: distinctIds("No such party.", "parties", LINKS_MAX),
  documentIds: distinctIds("No such document.", "documents", LINKS_MAX),
};

export const CreateEventSchema = z.object({ workspaceSlug: WorkspaceSlugSchema, ...EventFields });

export const UpdateEventSchema = z.object({
  workspaceSlug: WorkspaceSlugSchema,
  eventId: id("No such event."),
  ...EventFields,
});

export const EventIdSchema = z.object({ workspaceSlug: WorkspaceSlugSchema, eventId: id("No such event.") });

export type EventInput = Omit<z.output<typeof CreateEventSchema>, "workspaceSlug">;
