import { z } from "zod";
import { CalendarDateSchema } from "@/lib/matrix/dates";
import { id, paragraphs } from "@/lib/validation";
import { WorkspaceSlugSchema } from "@/lib/workspaces/schema";

// The note's limit mirrors the CHECK constraint of the issue_links migration.
export const ISSUE_LINK_NOTE_MAX = 1000;

export const ISSUE_LINK_KINDS = ["PACKAGE", "SEQUENCING", "OTHER"] as const;
export type IssueLinkKind = (typeof ISSUE_LINK_KINDS)[number];

export const ISSUE_LINK_KIND_LABELS: Record<IssueLinkKind, string> = {
  PACKAGE: "Package deal",
  SEQUENCING: "Sequencing (first before second)",
  OTHER: "Other link",
};

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

/** A link as the matrix overlay, the settings page and the sentences show it. */
export type IssueLinkView = {
  id: string;
  kind: IssueLinkKind;
  firstIssue: { id: string; title: string };
  secondIssue: { id: string; title: string };
  note: string;
  party: { id: string; name: string } | null;
  holdsFrom: string | null;
};

/** The link in one sentence: "Russia: settle X before Y (from 27 January 2022)". */
export function describeIssueLink(link: IssueLinkView, formatDate: (date: string) => string): string {
  const body =
    link.kind === "SEQUENCING"
      ? `“${link.firstIssue.title}” before “${link.secondIssue.title}”`
      : link.kind === "PACKAGE"
        ? `“${link.firstIssue.title}” and “${link.secondIssue.title}” as a package deal`
        : `“${link.firstIssue.title}” linked to “${link.secondIssue.title}”`;
  const who = link.party ? `${link.party.name} insists on ` : "";
  const since = link.holdsFrom ? ` (from ${formatDate(link.holdsFrom)})` : "";
  return `${who}${body}${since}`;
}
