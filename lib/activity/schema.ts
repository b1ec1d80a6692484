import { z } from "zod";

/** Sync from the activity log: the events after `after` (`nextCursor` of a previous answer; 0 for the start). */
export const ActivitySinceQuerySchema = z.object({
  after: z
    .string()
    .regex(/^(0|\d{1,20}-\d{1,18})$/, "Pass `nextCursor` from the previous answer, or 0 to start from the beginning.")
    .default("0"),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export type ActivitySinceQuery = z.infer<typeof ActivitySinceQuerySchema>;
