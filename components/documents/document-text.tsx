import { Fragment } from "react";
import { segmentText } from "@/lib/evidence/anchor";

type Quote = { id: string; startOffset: number; endOffset: number; colour: string | null };
/** A proposed quote, marked apart from saved ones; `label` is its accessible name. */
export type SuggestedRange = { start: number; end: number; label: string };

export const suggestionKey = (s: { start: number; end: number }) => `${s.start}-${s.end}`;
const SUGGESTION_PREFIX = "suggestion:";

/** The marks of proposed quotes, named by their likely speaker. */
export function suggestedRanges(
  suggestions: readonly { start: number; end: number; speaker: { name: string } | null; speakerName: string | null }[],
): SuggestedRange[] {
  return suggestions.map((s) => {
    const speaker = s.speaker?.name ?? s.speakerName;
    return { start: s.start, end: s.end, label: speaker ? `Suggested quote by ${speaker}` : "Suggested quote" };
  });
}

/**
 * The document's text exactly as stored, with each quote as <mark>. Segments are cut at every
 * quote boundary so overlapping quotes need no nesting; the first segment of each quote carries
 * its permalink id (quote-<id>).
 */
export function DocumentText({
  text,
  quotes,
  pageStarts = [],
  suggestions = [],
}: {
  text: string;
  quotes: Quote[];
  suggestions?: readonly SuggestedRange[];
  /** A PDF's page starts: each gets a marker (id page-<n>) whose label is CSS, not text, so offsets stay exact. */
  pageStarts?: readonly number[];
}) {
  const pages =
    pageStarts.length > 1 ? new Map(pageStarts.map((start, i) => [start, i + 1])) : new Map<number, number>();
  const colours = new Map(quotes.map((q) => [q.id, q.colour]));
  const labels = new Map(suggestions.map((s) => [suggestionKey(s), s.label]));
  const markedSuggestions = new Set<string>();
  const firstSegmentOf = new Map<string, number>();
  const segments = segmentText(text, documentRanges(quotes, suggestions, pages));
  return (
    <div
      data-testid="document-text"
      className="whitespace-pre-wrap break-words font-serif text-[17px] leading-8 text-slate-900"
    >
      {segments.map((segment, index) => {
        const page = pages.get(segment.startOffset);
        const marker = page !== undefined ? <PageMarker page={page} /> : null;
        const quoteIds = segment.rangeIds.filter((id) => !id.startsWith(SUGGESTION_PREFIX));
        const suggested = segment.rangeIds
          .find((id) => id.startsWith(SUGGESTION_PREFIX))
          ?.slice(SUGGESTION_PREFIX.length);
        // Only a suggestion's first segment is focusable and named; the rest are its continuation.
        const firstOfSuggestion = suggested !== undefined && !markedSuggestions.has(suggested);
        if (suggested !== undefined) markedSuggestions.add(suggested);
        const inner =
          suggested !== undefined ? (
            <SuggestionMark suggested={suggested} first={firstOfSuggestion} label={labels.get(suggested)}>
              {segment.text}
            </SuggestionMark>
          ) : (
            segment.text
          );
        if (quoteIds.length === 0)
          return (
            <Fragment key={segment.startOffset}>
              {marker}
              {suggested !== undefined ? inner : <span>{segment.text}</span>}
            </Fragment>
          );
        const anchorId = quoteIds.find((id) => !firstSegmentOf.has(id));
        if (anchorId) firstSegmentOf.set(anchorId, index);
        const colour = colours.get(quoteIds[0]!) ?? undefined;
        return (
          <Fragment key={segment.startOffset}>
            {marker}
            <mark
              id={anchorId ? `quote-${anchorId}` : undefined}
              data-quote-ids={quoteIds.join(" ")}
              className="quote scroll-mt-32"
              style={colour ? ({ "--quote-colour": colour } as React.CSSProperties) : undefined}
            >
              {inner}
            </mark>
          </Fragment>
        );
      })}
    </div>
  );
}

/** Where the text is cut: at quotes, at suggestions, and (empty ranges) where a page starts. */
function documentRanges(quotes: Quote[], suggestions: readonly SuggestedRange[], pages: Map<number, number>) {
  return [
    ...quotes.map((q) => ({ id: q.id, startOffset: q.startOffset, endOffset: q.endOffset })),
    ...suggestions.map((s) => ({ id: SUGGESTION_PREFIX + suggestionKey(s), startOffset: s.start, endOffset: s.end })),
    ...[...pages.keys()].map((start) => ({ id: `page-${start}`, startOffset: start, endOffset: start })),
  ];
}

function PageMarker({ page }: { page: number }) {
  return (
    <span
      id={`page-${page}`}
      data-label={`p. ${page}`}
      className="scroll-mt-32 before:mr-2 before:select-none before:rounded before:bg-slate-100 before:px-1 before:font-sans before:text-xs before:text-slate-500 before:content-[attr(data-label)]"
    />
  );
}

/** A suggested passage's segment; its first one is focusable and named. */
function SuggestionMark({
  suggested,
  first,
  label,
  children,
}: {
  suggested: string;
  first: boolean;
  label: string | undefined;
  children: React.ReactNode;
}) {
  return (
    <mark
      className="suggestion"
      data-suggestion={suggested}
      {...(first ? { tabIndex: 0, role: "group", "aria-label": label, "data-suggestion-start": "" } : {})}
    >
      {children}
    </mark>
  );
}
