import { z } from "zod";
import { WorkspaceSlugSchema } from "@/lib/workspaces/schema";

export const NotificationIdSchema = z.object({ notificationId: z.uuid({ error: "No such notification." }) });

export const CellFollowSchema = z.object({
  workspaceSlug: WorkspaceSlugSchema,
  issueId: z.uuid({ error: "No such issue." }),
  partyId: z.uuid({ error: "No such party." }),
});

export const NotificationViewSchema = z.object({
  id: z.string(),
  kind: z.enum([
    "MENTION",
    "REPLY",
    "CELL_CHANGED",
    "PROPOSAL_WAITING",
    "PROPOSAL_ACCEPTED",
    "PROPOSAL_REJECTED",
    "CODING_ROUND_ASSIGNED",
  ]),
  createdAt: z.string(),
  read: z.boolean(),
  workspace: z.object({ slug: z.string(), title: z.string() }),
  actorName: z.string().nullable(),
  subject: z.string(),
  /** For a cell change: what happened, as the activity log says it (without the actor). */
  activity: z.string().nullable().default(null),
  excerpt: z.string(),
  href: z.string(),
});

export type NotificationView = z.infer<typeof NotificationViewSchema>;
