import { z } from "zod";
import { CalendarDateSchema } from "@/lib/matrix/dates";

/** Sync from the activity log: the events after `after` (`nextCursor` of a previous answer; 0 for the start). */
export const ActivitySinceQuerySchema = z.object({
  after: z
    .string()
    .regex(/^(0|\d{1,20}-\d{1,18})$/, "Pass `nextCursor` from the previous answer, or 0 to start from the beginning.")
    .default("0"),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export type ActivitySinceQuery = z.infer<typeof ActivitySinceQuerySchema>;

/** The kinds of change the activity page filters by: the subject before the dot of an action. */
export const ACTIVITY_KIND_LABELS = {
  stance: "Stances",
  evidence: "Quotes",
  document: "Documents",
  comment: "Comments",
  person: "People",
  issue: "Issues",
  party: "Parties",
  member: "Members",
  event: "Events",
  proposal: "Review proposals",
  negotiation_proposal: "Negotiation proposals",
  provision: "Provisions",
  coding: "Coding rounds",
} as const;

const optional = <T extends z.ZodType>(schema: T) =>
  z
    .union([z.literal(""), schema])
    .optional()
    .catch(undefined);
/** The activity page's filters; a value it cannot read is ignored, not refused. */
export const ActivityFiltersSchema = z.object({
  issue: optional(z.uuid()),
  party: optional(z.uuid()),
  document: optional(z.uuid()),
  person: optional(z.uuid()),
  kind: optional(
    z.enum(
      Object.keys(ACTIVITY_KIND_LABELS) as [
        keyof typeof ACTIVITY_KIND_LABELS,
        ...(keyof typeof ACTIVITY_KIND_LABELS)[],
      ],
    ),
  ),
  from: optional(CalendarDateSchema),
  to: optional(CalendarDateSchema),
});

export type ActivityFilterQuery = z.infer<typeof ActivityFiltersSchema>;
