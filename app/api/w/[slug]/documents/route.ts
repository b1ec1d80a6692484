import { MAX_DOCUMENT_BYTES, MAX_FILE_BYTES } from "@/lib/documents/limits";
import { type ImportResult, importDocument } from "@/lib/documents/mutations";
import { ImportDocumentRequestSchema } from "@/lib/documents/schema";
import { importedDocumentAnswer } from "@/lib/documents/suggestions";
import { importUploadedDocument } from "@/lib/documents/upload";
import { isSameOrigin } from "@/lib/platform/http/public-origin";
import { type RateLimitState, takeRateLimit, withRateLimit } from "@/lib/platform/http/rate-limit";
import { handleRoute, jsonError } from "@/lib/platform/http/route";
import { type AuthorizedWorkspace, authenticateRequest, authorizeWorkspace } from "@/lib/workspaces/access";

const UPLOAD_STATUS = { too_large: 413, bad_file: 400, invalid_request: 400 } as const;

/**
 * Import for scripts and for the app's file upload: a JSON body with the text, or
 * multipart/form-data with a `file` (PDF, DOCX, HTML, TXT, MD) and the same metadata fields.
 * Answers with the suggested quotes.
 */
export async function POST(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  return handleRoute(async () => {
    const { slug } = await params;
    // A browser on another site can send the session cookie with a simple POST, but not with a
    // JSON content type (that needs a CORS preflight, which this server never grants). A multipart
    // form is a simple request: for it the browser must also say the request comes from this site.
    if (!isSameOrigin(request.headers)) return jsonError(403, "cross_origin", "Requests from other sites are refused.");
    const contentType = request.headers.get("content-type")?.toLowerCase() ?? "";
    const multipart = contentType.startsWith("multipart/form-data");
    if (multipart && !["same-origin", "none", null].includes(request.headers.get("sec-fetch-site")))
      return jsonError(403, "cross_origin", "Requests from other sites are refused.");
    if (!multipart && !contentType.startsWith("application/json")) {
      return jsonError(
        415,
        "unsupported_media_type",
        "Send the document as JSON (Content-Type: application/json) or upload it as multipart/form-data with a `file` field.",
      );
    }
    const caller = await authenticateRequest(request);
    const workspace = await authorizeWorkspace(slug, "document:write", caller);
    if (multipart) {
      // Counted before the file is read: extraction is the expensive part.
      const limit = await takeRateLimit(caller, "writes");
      const result = await importUploadedDocument(workspace, request);
      if (!result.ok && result.code !== "duplicate")
        return withRateLimit(jsonError(UPLOAD_STATUS[result.code], result.code, result.message), limit);
      return answer(workspace, result, result.ok ? result : { text: "", title: "" }, limit);
    }
    if (Number(request.headers.get("content-length") ?? 0) > MAX_DOCUMENT_BYTES * 2) {
      return jsonError(
        413,
        "too_large",
        `The request is larger than the ${MAX_DOCUMENT_BYTES / 1024 / 1024} MB a document may have (upload files up to ${MAX_FILE_BYTES / 1024 / 1024} MB as multipart/form-data).`,
      );
    }
    const body = await request.json().catch(() => undefined);
    if (body === undefined)
      return jsonError(400, "invalid_json", "Send a JSON object: { title, outlet, url, language, publishedAt, text }.");
    const { publishedAt, ...input } = ImportDocumentRequestSchema.parse(body);
    const limit = await takeRateLimit(caller, "writes");
    return answer(
      workspace,
      await importDocument(workspace, { ...input, publishedOn: publishedAt || null }),
      input,
      limit,
    );
  });
}

async function answer(
  workspace: AuthorizedWorkspace,
  result: ImportResult,
  source: { text: string; title: string },
  limit: RateLimitState,
) {
  if (!result.ok)
    return withRateLimit(
      jsonError(409, "duplicate", `${result.message} (document ${result.details.documentId})`, {
        documentId: result.details.documentId,
      }),
      limit,
    );
  const created = Response.json(await importedDocumentAnswer(workspace, result, source), { status: 201 });
  return withRateLimit(created, limit);
}
