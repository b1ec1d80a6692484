import { describeIssueLink, ISSUE_LINK_KIND_LABELS, type IssueLinkView } from "@/lib/issue-links/labels";
import { formatCalendarDate } from "@/lib/matrix/calendar";

/** The links of the board, listed; shown while the toggle is on. */
export function LinkageList({ links, listId }: { links: readonly IssueLinkView[]; listId: string }) {
  return (
    <section
      id={listId}
      aria-label="Linked issues"
      className="mb-3 rounded-lg border border-violet-200 bg-violet-50 p-3"
    >
      <h2 className="text-sm font-semibold text-violet-950">Linked issues</h2>
      <ul className="mt-1 space-y-1 text-sm text-violet-950">
        {links.map((link) => (
          <li key={link.id} data-testid="issue-link">
            <span className="font-medium">{ISSUE_LINK_KIND_LABELS[link.kind]}:</span>{" "}
            {describeIssueLink(link, formatCalendarDate)}
            {link.note ? <span className="text-violet-800"> — {link.note}</span> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
