import { segmentText } from "@/lib/evidence/anchor";

type Quote = { id: string; startOffset: number; endOffset: number; colour: string | null };

/**
 * The document's text exactly as stored, with each quote as <mark>. Segments are cut at every
 * quote boundary so overlapping quotes need no nesting; the first segment of each quote carries
 * its permalink id (quote-<id>).
 */
export function DocumentText({ text, quotes }: { text: string; quotes: Quote[] }) {
  const ranges = quotes.map((q) => ({ id: q.id, startOffset: q.startOffset, endOffset: q.endOffset }));
  const colours = new Map(quotes.map((q) => [q.id, q.colour]));
  const firstSegmentOf = new Map<string, number>();
  const segments = segmentText(text, ranges);
  return (
    <div data-testid="document-text" className="whitespace-pre-wrap break-words font-serif text-[17px] leading-8 text-slate-900">
      {segments.map((segment, index) => {
        if (segment.rangeIds.length === 0) return <span key={index}>{segment.text}</span>;
        const anchorId = segment.rangeIds.find((id) => !firstSegmentOf.has(id));
        if (anchorId) firstSegmentOf.set(anchorId, index);
        const colour = colours.get(segment.rangeIds[0]!) ?? undefined;
        return (
          <mark key={index} id={anchorId ? `quote-${anchorId}` : undefined} data-quote-ids={segment.rangeIds.join(" ")} className="quote scroll-mt-32" style={colour ? ({ "--quote-colour": colour } as React.CSSProperties) : undefined}>
            {segment.text}
          </mark>
        );
      })}
    </div>
  );
}
