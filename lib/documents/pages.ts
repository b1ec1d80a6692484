// Page numbers of a PDF's text: pageStarts[i] is where page i + 1 begins, in code points.

/** The page a code-point offset falls on, or null for a text without pages. */
export function pageAt(pageStarts: readonly number[], offset: number): number | null {
  if (pageStarts.length === 0 || offset < 0) return null;
  let page = 1;
  for (let i = 0; i < pageStarts.length; i++) if ((pageStarts[i] ?? 0) <= offset) page = i + 1;
  return page;
}

/** A quote's place in a document: "p. 3", or "pp. 3–4" for a quote that runs over a page break. */
export function pageLabel(pageStarts: readonly number[], startOffset: number, endOffset: number): string | null {
  const first = pageAt(pageStarts, startOffset);
  const last = pageAt(pageStarts, Math.max(startOffset, endOffset - 1));
  if (first === null || last === null) return null;
  return first === last ? `p. ${first}` : `pp. ${first}–${last}`;
}

/** The link to a quote in its document; it names the page when the document has pages. */
export function quotePermalink(slug: string, documentId: string, evidenceId: string, page: number | null): string {
  return `/w/${slug}/documents/${documentId}${page ? `?page=${page}` : ""}#quote-${evidenceId}`;
}
