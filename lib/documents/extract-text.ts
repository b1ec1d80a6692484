import { convert } from "html-to-text";

export const MAX_DOCUMENT_BYTES = 2 * 1024 * 1024;
export const SUPPORTED_EXTENSIONS = [".txt", ".md", ".html", ".htm"] as const;

export type ExtractResult = { ok: true; text: string } | { ok: false; message: string };

/**
 * Text as Parley stores it. Plain text and Markdown are kept exactly as written (curly quotes,
 * non-breaking spaces and stray symbols included); HTML becomes clean text with its paragraphs,
 * without scripts, styles or markup.
 */
export function extractText(fileName: string, content: string): ExtractResult {
  const extension = fileName.toLowerCase().match(/\.[a-z]+$/)?.[0] ?? "";
  if (!(SUPPORTED_EXTENSIONS as readonly string[]).includes(extension)) {
    return { ok: false, message: `“${fileName}” is not a supported file: upload .txt, .md or .html, or paste the text.` };
  }
  const text = extension === ".html" || extension === ".htm" ? htmlToText(content) : content.replace(/^\uFEFF/, "");
  if (!text.trim()) return { ok: false, message: `“${fileName}” contains no text.` };
  return { ok: true, text };
}

export function htmlToText(html: string): string {
  return convert(html, {
    wordwrap: false,
    preserveNewlines: false,
    selectors: [
      { selector: "a", options: { ignoreHref: true } },
      { selector: "img", format: "skip" },
      { selector: "nav", format: "skip" },
      { selector: "h1", options: { uppercase: false } },
      { selector: "h2", options: { uppercase: false } },
      { selector: "h3", options: { uppercase: false } },
      { selector: "h4", options: { uppercase: false } },
      { selector: "table", format: "dataTable" },
    ],
  }).trim();
}
