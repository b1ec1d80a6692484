// A search snippet: the text as it stands in the source, with the matched words as offsets.
// PostgreSQL's ts_headline marks them with two control characters (chr(2) … chr(3)); taking the
// marks out here means no markup is ever made from searched text.

export type Snippet = { text: string; marks: [start: number, end: number][] };

const START = "\u0002";
const STOP = "\u0003";

export function parseHeadline(headline: string): Snippet {
  let text = "";
  const marks: [number, number][] = [];
  let open: number | null = null;
  for (const char of headline) {
    if (char === START) open = text.length;
    else if (char === STOP) {
      if (open !== null && text.length > open) marks.push([open, text.length]);
      open = null;
    } else text += char;
  }
  return { text, marks };
}

/** The snippet cut into plain and marked pieces, in order, for rendering. */
export function snippetPieces({ text, marks }: Snippet): { text: string; marked: boolean }[] {
  const pieces: { text: string; marked: boolean }[] = [];
  let at = 0;
  for (const [start, end] of marks) {
    if (start > at) pieces.push({ text: text.slice(at, start), marked: false });
    pieces.push({ text: text.slice(start, end), marked: true });
    at = end;
  }
  if (at < text.length) pieces.push({ text: text.slice(at), marked: false });
  return pieces;
}
