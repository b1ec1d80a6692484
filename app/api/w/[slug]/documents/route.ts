import { authorizeWorkspace } from "@/lib/workspaces/access";
import { handleRoute, jsonError } from "@/lib/http/route";
import { ImportDocumentRequestSchema } from "@/lib/documents/schema";
import { MAX_DOCUMENT_BYTES } from "@/lib/documents/extract-text";
import { importDocument } from "@/lib/documents/mutations";
import { listSuggestions } from "@/lib/documents/suggestions";

/** Import for scripts: the same import as the app's form, answering with the suggestions. */
export async function POST(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  return handleRoute(async () => {
    const { slug } = await params;
    // A browser on another site can send the session cookie with a simple POST, but not with a
    // JSON content type (that needs a CORS preflight, which this server never grants).
    const origin = request.headers.get("origin");
    if (origin && origin !== new URL(request.url).origin) return jsonError(403, "cross_origin", "Requests from other sites are refused.");
    if (!request.headers.get("content-type")?.toLowerCase().startsWith("application/json")) {
      return jsonError(415, "unsupported_media_type", "Send the document as JSON (Content-Type: application/json).");
    }
    const workspace = await authorizeWorkspace(slug, "document:write");
    if (Number(request.headers.get("content-length") ?? 0) > MAX_DOCUMENT_BYTES * 2) {
      return jsonError(413, "too_large", `The request is larger than the ${MAX_DOCUMENT_BYTES / 1024 / 1024} MB a document may have.`);
    }
    const body = await request.json().catch(() => undefined);
    if (body === undefined) return jsonError(400, "invalid_json", "Send a JSON object: { title, outlet, url, language, publishedAt, text }.");
    const { publishedAt, ...input } = ImportDocumentRequestSchema.parse(body);
    const result = await importDocument(workspace, { ...input, publishedOn: publishedAt || null });
    if (!result.ok) return jsonError(409, "duplicate", `${result.message} (document ${result.documentId})`, { documentId: result.documentId });
    const suggestions = await listSuggestions(workspace, { id: result.revisionId, text: input.text });
    return Response.json(
      { id: result.documentId, revisionId: result.revisionId, suggestions: suggestions.map((s) => ({ start: s.start, end: s.end, text: s.text, speaker: s.speaker?.name ?? s.speakerName })) },
      { status: 201 },
    );
  });
}
