import "server-only";
import { extractFile } from "@/lib/documents/extract-text";
import { MAX_FILE_BYTES } from "@/lib/documents/limits";
import { type ImportedFile, type ImportResult, importDocument } from "@/lib/documents/mutations";
import { DocumentTextSchema, ImportFileRequestSchema } from "@/lib/documents/schema";
import { type Failure, fail } from "@/lib/platform/errors";
import type { AuthorizedWorkspace } from "@/lib/workspaces/access";

// Multipart bodies carry a boundary and the metadata fields around the file.
const MULTIPART_OVERHEAD_BYTES = 64 * 1024;

export type UploadResult =
  | (Extract<ImportResult, { ok: true }> & { text: string; title: string })
  | Extract<ImportResult, { ok: false }>
  | Failure<"too_large" | "bad_file" | "invalid_request">;

const tooLarge = fail("too_large", `The file is larger than ${MAX_FILE_BYTES / 1024 / 1024} MB.`);

/**
 * A document from a multipart/form-data upload: a `file` field (PDF, DOCX, HTML, TXT or MD) and the
 * metadata fields; the title defaults to the file's name. Extraction runs in the request: a
 * 100-page PDF takes about a second and yields to other requests between pages.
 */
export async function importUploadedDocument(workspace: AuthorizedWorkspace, request: Request): Promise<UploadResult> {
  if (Number(request.headers.get("content-length") ?? 0) > MAX_FILE_BYTES + MULTIPART_OVERHEAD_BYTES) return tooLarge;
  const form = await request.formData().catch(() => null);
  if (!form) return fail("invalid_request", "The body is not valid multipart/form-data.");
  const file = form.get("file");
  if (!(file instanceof File)) return fail("invalid_request", "Attach the document as the `file` field.");
  if (file.size > MAX_FILE_BYTES) return tooLarge;
  const field = (name: string) => {
    const value = form.get(name);
    return typeof value === "string" ? value : undefined;
  };
  // A name for the download header and the activity log: no path, no control characters.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the characters to replace
  const fileName = file.name.replace(/[\\/\u0000-\u001f\u007f-\u009f]/g, "_").slice(-255) || "document";
  const metadata = ImportFileRequestSchema.parse({
    title: field("title")?.trim() || fileName.replace(/\.[A-Za-z0-9]+$/, "").slice(0, 500),
    outlet: field("outlet"),
    url: field("url"),
    language: field("language") || undefined,
    publishedAt: field("publishedAt") ?? field("publishedOn"),
  });
  const bytes = new Uint8Array(await file.arrayBuffer());
  const extracted = await extractFile(fileName, bytes);
  if (!extracted.ok) return extracted.status === 413 ? tooLarge : fail("bad_file", extracted.message);
  const text = DocumentTextSchema.safeParse(extracted.text);
  if (!text.success) return fail("bad_file", `“${fileName}”: ${text.error.issues[0]?.message}`);
  const { publishedAt, ...input } = metadata;
  const imported: ImportedFile = { fileName, mediaType: extracted.mediaType, bytes, pageStarts: extracted.pageStarts };
  const result = await importDocument(
    workspace,
    { ...input, publishedOn: publishedAt || null, text: text.data },
    imported,
  );
  return result.ok ? { ...result, text: text.data, title: input.title } : result;
}
