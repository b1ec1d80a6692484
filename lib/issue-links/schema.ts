import { z } from "zod";
import { ISSUE_LINK_KINDS } from "@/lib/issue-links/labels";
import { CalendarDateSchema } from "@/lib/matrix/dates";
import { id, paragraphs } from "@/lib/platform/validation";
import { WorkspaceSlugSchema } from "@/lib/workspaces/schema";

// The note's limit mirrors the CHECK constraint of the issue_links migration.
export const ISSUE_LINK_NOTE_MAX = 1000;

// The kinds, labels and sentence carry no zod, so the matrix can show links without zod in the
// browser; they are re-exported here for the forms and actions.
export {
  describeIssueLink,
  ISSUE_LINK_KIND_LABELS,
  ISSUE_LINK_KINDS,
  type IssueLinkKind,
  type IssueLinkView,
} from "@/lib/issue-links/labels";

export const CreateIssueLinkSchema = z
  .object({
    workspaceSlug: WorkspaceSlugSchema,
    kind: z.enum(ISSUE_LINK_KINDS, { error: "Choose what kind of link this is." }),
    firstIssueId: id("No such issue."),
    secondIssueId: id("No such issue."),
    note: paragraphs({ max: ISSUE_LINK_NOTE_MAX }).default(""),
    partyId: id("No such party.").nullable().default(null),
    holdsFrom: CalendarDateSchema.nullable().default(null),
  })
  .refine((link) => link.firstIssueId !== link.secondIssueId, {
    message: "Link two different issues.",
    path: ["secondIssueId"],
  });

export const IssueLinkIdSchema = z.object({ workspaceSlug: WorkspaceSlugSchema, issueLinkId: id("No such link.") });

export type IssueLinkInput = Omit<z.output<typeof CreateIssueLinkSchema>, "workspaceSlug">;
