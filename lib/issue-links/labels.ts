export const ISSUE_LINK_KINDS = ["PACKAGE", "SEQUENCING", "OTHER"] as const;
export type IssueLinkKind = (typeof ISSUE_LINK_KINDS)[number];

export const ISSUE_LINK_KIND_LABELS: Record<IssueLinkKind, string> = {
  PACKAGE: "Package deal",
  SEQUENCING: "Sequencing (first before second)",
  OTHER: "Other link",
};

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
