import { z } from "zod";
import { CalendarDateSchema } from "@/lib/matrix/dates";
import { id, line } from "@/lib/platform/validation";
import { WorkspaceSlugSchema } from "@/lib/workspaces/schema";

export const ShareTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/);

export const CreateShareLinkSchema = z.object({
  workspaceSlug: WorkspaceSlugSchema,
  label: line({ max: 200 }).default(""),
  asOf: z
    .union([z.literal(""), CalendarDateSchema])
    .optional()
    .transform((v) => v || null),
  expiresInDays: z.coerce.number().int().min(1, "At least one day.").max(365, "At most a year.").default(30),
});

export const RevokeShareLinkSchema = z.object({
  workspaceSlug: WorkspaceSlugSchema,
  shareLinkId: id("No such share link."),
});
