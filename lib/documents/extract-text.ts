import { isProbablyReaderable, Readability } from "@mozilla/readability";
import { convert } from "html-to-text";
import { parseHTML } from "linkedom";
import { extractDocx } from "@/lib/documents/extract-docx";
import { extractPdf, storable } from "@/lib/documents/extract-pdf";
import { MAX_DOCUMENT_BYTES, MAX_FILE_BYTES } from "@/lib/documents/limits";

export const SUPPORTED_EXTENSIONS = [".txt", ".md", ".html", ".htm"] as const;
export const SUPPORTED_FILE_EXTENSIONS = [".pdf", ".docx", ".html", ".htm", ".txt", ".md"] as const;

export const FILE_MEDIA_TYPES = {
  pdf: "application/pdf",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  html: "text/html; charset=utf-8",
  txt: "text/plain; charset=utf-8",
  md: "text/markdown; charset=utf-8",
} as const;

export type FileFormat = keyof typeof FILE_MEDIA_TYPES;

export type ExtractResult = { ok: true; text: string } | { ok: false; message: string };

export type FileExtraction =
  | { ok: true; text: string; pageStarts: number[] | null; format: FileFormat; mediaType: string }
  | { ok: false; status: 400 | 413; message: string };

function extensionOf(fileName: string): string {
  return fileName.toLowerCase().match(/\.[a-z]+$/)?.[0] ?? "";
}

/**
 * Text as Parley stores it. Plain text and Markdown are kept exactly as written (curly quotes,
 * non-breaking spaces and stray symbols included); HTML becomes clean text with its paragraphs,
 * without scripts, styles or markup, and for an article page without its navigation, ads and comments.
 */
export function extractText(fileName: string, content: string): ExtractResult {
  const extension = extensionOf(fileName);
  if (!(SUPPORTED_EXTENSIONS as readonly string[]).includes(extension)) {
    return {
      ok: false,
      message: `“${fileName}” is not a supported file: upload .txt, .md or .html, or paste the text.`,
    };
  }
  const text = extension === ".html" || extension === ".htm" ? webPageText(content) : content.replace(/^\uFEFF/, "");
  if (!text.trim()) return { ok: false, message: `“${fileName}” contains no text.` };
  return { ok: true, text };
}

/**
 * An uploaded file's text, by its extension (checked against its first bytes). Refusals carry the
 * HTTP status the import route answers with.
 */
export async function extractFile(fileName: string, bytes: Uint8Array): Promise<FileExtraction> {
  if (bytes.byteLength > MAX_FILE_BYTES)
    return { ok: false, status: 413, message: `“${fileName}” is larger than ${MAX_FILE_BYTES / 1024 / 1024} MB.` };
  const extension = extensionOf(fileName);
  const refuse = (message: string) => ({
    ok: false as const,
    status: 400 as const,
    message: `“${fileName}”: ${message}`,
  });
  let result:
    | { ok: true; text: string; pageStarts: number[] | null; format: FileFormat }
    | { ok: false; message: string };
  if (extension === ".pdf") {
    if (!Buffer.from(bytes.subarray(0, 1024)).includes("%PDF-")) return refuse("the file is not a PDF.");
    const pdf = await extractPdf(bytes);
    result = pdf.ok ? { ...pdf, format: "pdf" } : pdf;
  } else if (extension === ".docx") {
    const docx = await extractDocx(bytes);
    result = docx.ok ? { ok: true, text: storable(docx.text), pageStarts: null, format: "docx" } : docx;
  } else if ((SUPPORTED_EXTENSIONS as readonly string[]).includes(extension)) {
    let content: string;
    try {
      content = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    } catch {
      return refuse("the file is not UTF-8 text; save it as UTF-8 and try again.");
    }
    const text = extractText(fileName, content);
    if (!text.ok) return { ...text, status: 400 };
    result = { ...text, pageStarts: null, format: extension === ".htm" ? "html" : (extension.slice(1) as FileFormat) };
  } else {
    return refuse("not a supported file: upload a PDF, Word (.docx), HTML, .txt or .md file.");
  }
  if (!result.ok) return refuse(result.message);
  if (!result.text.trim()) return refuse("the file contains no text.");
  if (Buffer.byteLength(result.text, "utf8") > MAX_DOCUMENT_BYTES)
    return refuse(`its text is larger than ${MAX_DOCUMENT_BYTES / 1024 / 1024} MB; split it into parts.`);
  return { ...result, mediaType: FILE_MEDIA_TYPES[result.format] };
}

/** A saved web page: the article alone when Readability finds one, else the whole page's text. */
export function webPageText(html: string): string {
  const { document } = parseHTML(html);
  if (isProbablyReaderable(document as unknown as Document)) {
    const article = new Readability(document as unknown as Document).parse();
    if (article?.content) {
      const body = htmlToText(article.content);
      const title = article.title?.replace(/\s+/g, " ").trim();
      return title && !body.startsWith(title) ? `${title}\n\n${body}` : body;
    }
  }
  return htmlToText(html);
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
