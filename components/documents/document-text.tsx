import { Fragment } from "react";
import { segmentText } from "@/lib/evidence/anchor";

type Quote = { id: string; startOffset: number; endOffset: number; colour: string | null };

/**
 * The document's text exactly as stored, with each quote as <mark>. Segments are cut at every
 * quote boundary so overlapping quotes need no nesting; the first segment of each quote carries
 * its permalink id (quote-<id>).
 */
export function DocumentText({
  text,
  quotes,
  pageStarts = [],
}: {
  text: string;
  quotes: Quote[];
  /** A PDF's page starts: each gets a marker (id page-<n>) whose label is CSS, not text, so offsets stay exact. */
  pageStarts?: readonly number[];
}) {
  const pages =
    pageStarts.length > 1 ? new Map(pageStarts.map((start, i) => [start, i + 1])) : new Map<number, number>();
  const ranges = [
    ...quotes.map((q) => ({ id: q.id, startOffset: q.startOffset, endOffset: q.endOffset })),
    // Empty ranges: they only cut the text where a page starts.
    ...[...pages.keys()].map((start) => ({ id: `page-${start}`, startOffset: start, endOffset: start })),
  ];
  const colours = new Map(quotes.map((q) => [q.id, q.colour]));
  const firstSegmentOf = new Map<string, number>();
  const segments = segmentText(text, ranges);
  return (
    <div
      data-testid="document-text"
      className="whitespace-pre-wrap break-words font-serif text-[17px] leading-8 text-slate-900"
    >
      {segments.map((segment, index) => {
        const page = pages.get(segment.startOffset);
        const marker =
          page !== undefined ? (
            <span
              id={`page-${page}`}
              data-label={`p. ${page}`}
              className="scroll-mt-32 before:mr-2 before:select-none before:rounded before:bg-slate-100 before:px-1 before:font-sans before:text-xs before:text-slate-500 before:content-[attr(data-label)]"
            />
          ) : null;
        if (segment.rangeIds.length === 0)
          return (
            <Fragment key={segment.startOffset}>
              {marker}
              <span>{segment.text}</span>
            </Fragment>
          );
        const anchorId = segment.rangeIds.find((id) => !firstSegmentOf.has(id));
        if (anchorId) firstSegmentOf.set(anchorId, index);
        const colour = colours.get(segment.rangeIds[0]!) ?? undefined;
        return (
          <Fragment key={segment.startOffset}>
            {marker}
            <mark
              id={anchorId ? `quote-${anchorId}` : undefined}
              data-quote-ids={segment.rangeIds.join(" ")}
              className="quote scroll-mt-32"
              style={colour ? ({ "--quote-colour": colour } as React.CSSProperties) : undefined}
            >
              {segment.text}
            </mark>
          </Fragment>
        );
      })}
    </div>
  );
}
