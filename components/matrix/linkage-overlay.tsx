import type { IssueLinkView } from "@/lib/issue-links/labels";

// Linked issues on the matrix: a link mark on each linked issue's row header (always there, with
// the links in its accessible description), and, when "Show linkages" is on, the links spelled
// out under each row header and listed above the board (linkage-list.tsx, loaded when first shown).

/** The links holding as of the matrix's date: those with no start date, or one on or before it. */
export function linksHoldingOn(links: readonly IssueLinkView[], asOf: string): IssueLinkView[] {
  return links.filter((link) => !link.holdsFrom || link.holdsFrom <= asOf);
}

/** How the link reads from one of its issues: "before “Arms control” (Russia)". */
function fromIssue(link: IssueLinkView, issueId: string): string {
  const first = link.firstIssue.id === issueId;
  const other = first ? link.secondIssue.title : link.firstIssue.title;
  const relation =
    link.kind === "SEQUENCING"
      ? first
        ? "settled before"
        : "only after"
      : link.kind === "PACKAGE"
        ? "in a package with"
        : "linked to";
  return `${relation} “${other}”${link.party ? ` (${link.party.name})` : ""}`;
}

export function LinkageToggle({
  shown,
  onChange,
  count,
  listId,
}: {
  shown: boolean;
  onChange: (shown: boolean) => void;
  count: number;
  listId: string;
}) {
  if (count === 0) return null;
  return (
    <label className="mb-2 ml-4 inline-flex items-center gap-2 text-sm text-slate-700">
      <input
        type="checkbox"
        checked={shown}
        onChange={(e) => onChange(e.target.checked)}
        aria-controls={shown ? listId : undefined}
        className="size-4"
      />
      Show linkages ({count})
    </label>
  );
}

/** The link mark on an issue's row header, and the row's links spelled out when the overlay is on. */
export function IssueLinkMarker({
  issueId,
  links,
  expanded,
}: {
  issueId: string;
  links: readonly IssueLinkView[];
  expanded: boolean;
}) {
  const own = links.filter((link) => link.firstIssue.id === issueId || link.secondIssue.id === issueId);
  if (own.length === 0) return null;
  const description = `Linked issue: ${own.map((link) => fromIssue(link, issueId)).join("; ")}`;
  return (
    <>
      <span
        role="img"
        aria-label={description}
        title={description}
        data-testid="issue-link-icon"
        className="ml-1.5 inline-block align-middle text-violet-700"
      >
        <svg viewBox="0 0 16 16" className="size-3.5" aria-hidden fill="none" stroke="currentColor" strokeWidth="1.8">
          <path
            d="M6.5 9.5l3-3M7 4.5l1-1a2.5 2.5 0 013.5 3.5l-1 1M9 11.5l-1 1A2.5 2.5 0 014.5 9l1-1"
            strokeLinecap="round"
          />
        </svg>
      </span>
      {expanded ? (
        <ul
          className="mt-1 border-l-2 border-violet-400 pl-2 text-xs font-normal text-violet-900"
          data-testid="issue-link-row"
        >
          {own.map((link) => (
            <li key={link.id}>↳ {fromIssue(link, issueId)}</li>
          ))}
        </ul>
      ) : null}
    </>
  );
}
