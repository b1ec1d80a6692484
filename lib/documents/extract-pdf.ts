import { getDocumentProxy } from "unpdf";
import { codePointLength } from "@/lib/evidence/anchor";

export type PdfExtraction = { ok: true; text: string; pageStarts: number[] } | { ok: false; message: string };

type Line = { text: string; y: number; height: number };
type TextItem = { str: string; transform: number[]; width: number; height: number; hasEOL: boolean };

const PAGE_SEPARATOR = "\n\n";

// biome-ignore lint/suspicious/noControlCharactersInRegex: the characters a PDF or Word file may carry that text may not
const UNSTORABLE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/gu;

/**
 * Control characters (a PDF's private glyphs, Word's field marks) are no text; dropped by the
 * extractor, before page offsets are counted, never after. Lone surrogates become U+FFFD.
 */
export function storable(text: string): string {
  return text.replace(UNSTORABLE, "").replace(/[\ud800-\udfff]/gu, "\ufffd");
}

/**
 * The text of a PDF, page by page in the order the file draws it: lines of a paragraph joined,
 * words hyphenated across a line end rejoined, and lines repeated at the top or bottom of most
 * pages (running headers, footers, page numbers) dropped. pageStarts[i] is the code-point offset
 * where page i + 1 begins in the text, which is how a quote knows its page.
 */
export async function extractPdf(bytes: Uint8Array): Promise<PdfExtraction> {
  let pdf: Awaited<ReturnType<typeof getDocumentProxy>>;
  try {
    // A copy: pdf.js detaches the buffer it is given, and the caller still stores the original.
    pdf = await getDocumentProxy(new Uint8Array(bytes), { isEvalSupported: false, stopAtErrors: false });
  } catch (error) {
    const name = (error as { name?: string }).name;
    if (name === "PasswordException")
      return { ok: false, message: "The PDF is protected by a password; save an unprotected copy and import that." };
    return { ok: false, message: "The file could not be read as a PDF (it may be damaged)." };
  }
  try {
    const pages: Line[][] = [];
    for (let n = 1; n <= pdf.numPages; n++) {
      const page = await pdf.getPage(n);
      const content = await page.getTextContent();
      pages.push(toLines(content.items as TextItem[]));
      page.cleanup();
    }
    const repeated = repeatedEdgeLines(pages);
    const pageTexts = pages.map((lines) => storable(toParagraphs(lines.filter((line) => !repeated.has(line)))));
    if (pageTexts.every((t) => t === "")) {
      return {
        ok: false,
        message:
          "The PDF has no text layer (it looks like a scan or images of pages); run it through OCR and import the result.",
      };
    }
    const pageStarts: number[] = [];
    let text = "";
    let length = 0;
    for (const pageText of pageTexts) {
      if (text !== "" && pageText !== "") {
        text += PAGE_SEPARATOR;
        length += PAGE_SEPARATOR.length;
      }
      pageStarts.push(length);
      text += pageText;
      length += codePointLength(pageText);
    }
    return { ok: true, text, pageStarts };
  } finally {
    await pdf.destroy();
  }
}

function toLines(items: TextItem[]): Line[] {
  const lines: Line[] = [];
  let current: (Line & { right: number }) | null = null;
  let breakAfter = false;
  for (const item of items) {
    const [, , , , x = 0, y = 0] = item.transform;
    const sameLine: boolean =
      current !== null && !breakAfter && Math.abs(current.y - y) < Math.max(current.height, item.height, 1) / 2;
    if (item.str !== "") {
      if (current && sameLine) {
        // Words placed apart with no space character between them still need one.
        const gap = x - current.right;
        if (gap > item.height * 0.15 && !/\s$/.test(current.text) && !/^\s/.test(item.str)) current.text += " ";
        current.text += item.str;
        current.right = x + item.width;
        current.height = Math.max(current.height, item.height);
      } else {
        current = { text: item.str, y, height: item.height, right: x + item.width };
        lines.push(current);
      }
    }
    breakAfter = item.hasEOL || (item.str === "" && !sameLine);
  }
  return lines
    .map((line) => ({ text: line.text.replace(/\s+/g, " ").trim(), y: line.y, height: line.height }))
    .filter((line) => line.text !== "");
}

const EDGE_LINES = 2;

/**
 * Running headers and footers: lines among the first or last two of a page whose exact text recurs
 * there on most pages, or outermost lines that differ only in their numbers ("Page 3 of 9") and
 * stand at the same height on most pages.
 */
function repeatedEdgeLines(pages: Line[][]): Set<Line> {
  const drop = new Set<Line>();
  const withText = pages.filter((lines) => lines.length > 0);
  if (withText.length < 2) return drop;
  const threshold = Math.max(2, Math.ceil(withText.length * 0.6));
  const edges = (lines: Line[]) => [...new Set([...lines.slice(0, EDGE_LINES), ...lines.slice(-EDGE_LINES)])];
  const outermost = (lines: Line[]) => [...new Set([lines[0], lines[lines.length - 1]])].filter((l) => l !== undefined);
  const exact = new Map<string, number>();
  const numbered = new Map<string, number>();
  for (const lines of withText) {
    for (const key of new Set(edges(lines).map((l) => l.text))) exact.set(key, (exact.get(key) ?? 0) + 1);
    for (const key of new Set(outermost(lines).map(numberedKey))) numbered.set(key, (numbered.get(key) ?? 0) + 1);
  }
  for (const lines of withText) {
    for (const line of edges(lines)) if ((exact.get(line.text) ?? 0) >= threshold) drop.add(line);
    for (const line of outermost(lines)) {
      if ((numbered.get(numberedKey(line)) ?? 0) >= threshold || /^\W*\d+\W*$/.test(line.text)) drop.add(line);
    }
  }
  return drop;
}

function numberedKey(line: Line): string {
  return `${Math.round(line.y)} ${line.text.toLowerCase().replace(/\d+/g, "#")}`;
}

/** Lines into paragraphs: a gap wider than the page's line spacing starts a new one. */
function toParagraphs(lines: Line[]): string {
  const pairs = lines.slice(1).map((line, i) => ({ line, gap: (lines[i]?.y ?? line.y) - line.y }));
  // The tightest spacing between full lines is the spacing within a paragraph.
  const spacings = pairs.filter(({ line, gap }) => gap >= line.height * 0.6).map(({ gap }) => gap);
  const usual = spacings.length > 0 ? Math.min(...spacings) : Number.POSITIVE_INFINITY;
  let text = lines[0]?.text ?? "";
  for (const { line, gap } of pairs) {
    if (gap <= 0 || gap > usual * 1.3 || gap > line.height * 2.2) text += `\n\n${line.text}`;
    else if (/\p{L}-$/u.test(text) && /^\p{Ll}/u.test(line.text)) text = text.slice(0, -1) + line.text;
    else text += ` ${line.text}`;
  }
  return text;
}
