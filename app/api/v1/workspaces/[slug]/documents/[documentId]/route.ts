import { z } from "zod";
import { handleApiRoute, problem } from "@/lib/api/problem";
import { apiJson, authorizeApiRequest } from "@/lib/api/request";
import { DocumentDetailSchema } from "@/lib/api/schemas";
import { getDocument, listDocumentRevisions } from "@/lib/documents/data";

/** A document's metadata, its current text and the list of its revisions. */
export async function GET(request: Request, { params }: { params: Promise<{ slug: string; documentId: string }> }) {
  return handleApiRoute(async () => {
    const { slug, documentId } = await params;
    const { workspace } = await authorizeApiRequest(request, slug, "workspace:read");
    const document = z.uuid().safeParse(documentId).success ? await getDocument(workspace, documentId) : null;
    if (!document) return problem(404, "not_found", "That document does not exist in this workspace.");
    const { revision, importedAt, ...meta } = document;
    const revisions = await listDocumentRevisions(workspace, documentId);
    return apiJson(DocumentDetailSchema, {
      ...meta,
      importedAt: importedAt.toISOString(),
      text: revision.text,
      revision: revisions.find((r) => r.id === revision.id) ?? revisions[0]!,
      revisions,
    });
  });
}
