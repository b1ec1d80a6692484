import { z } from "zod";
import { getDocumentFile } from "@/lib/documents/data";
import { handleRoute, jsonError } from "@/lib/platform/http/route";
import { authenticateRequest, authorizeWorkspace } from "@/lib/workspaces/access";

/** The original file a document was imported from, as uploaded. */
export async function GET(request: Request, { params }: { params: Promise<{ slug: string; documentId: string }> }) {
  return handleRoute(async () => {
    const { slug, documentId } = await params;
    const workspace = await authorizeWorkspace(slug, "workspace:read", await authenticateRequest(request));
    const file = z.uuid().safeParse(documentId).success ? await getDocumentFile(workspace, documentId) : null;
    if (!file)
      return jsonError(404, "not_found", "This document has no original file (it was pasted or imported as text).");
    return new Response(file.bytes, {
      headers: {
        // Served as a download, never rendered here: an uploaded HTML page must not run on this origin.
        "Content-Type": file.mediaType.startsWith("text/html") ? "application/octet-stream" : file.mediaType,
        "Content-Disposition": `attachment; filename="${file.fileName.replace(/[^\x20-\x7e]|["\\]/g, "_")}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
        "Content-Length": String(file.size),
        "Cache-Control": "private, no-store",
        "X-Content-Type-Options": "nosniff",
        "Content-Security-Policy": "default-src 'none'; sandbox",
        "Repr-Digest": `sha-256=:${Buffer.from(file.sha256, "hex").toString("base64")}:`,
      },
    });
  });
}
