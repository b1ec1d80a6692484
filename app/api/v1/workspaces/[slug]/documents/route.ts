import { handleApiRoute, problem } from "@/lib/api/problem";
import { apiJson, authorizeApiRequest, readJsonBody } from "@/lib/api/request";
import { DocumentListSchema, ImportedDocumentSchema } from "@/lib/api/schemas";
import { listDocuments } from "@/lib/documents/data";
import { MAX_DOCUMENT_BYTES } from "@/lib/documents/limits";
import { importDocument } from "@/lib/documents/mutations";
import { ImportDocumentRequestSchema } from "@/lib/documents/schema";
import { importedDocumentAnswer } from "@/lib/documents/suggestions";
import { takeRateLimit, withRateLimit } from "@/lib/platform/http/rate-limit";

export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  return handleApiRoute(async () => {
    const { workspace } = await authorizeApiRequest(request, (await params).slug, "workspace:read");
    return apiJson(DocumentListSchema, { documents: await listDocuments(workspace) });
  });
}

/** Imports a text as the import form does; answers with the passages worth quoting. */
export async function POST(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  return handleApiRoute(async () => {
    if (Number(request.headers.get("content-length") ?? 0) > MAX_DOCUMENT_BYTES * 2)
      return problem(
        413,
        "too_large",
        `The request is larger than the ${MAX_DOCUMENT_BYTES / 1024 / 1024} MB a document may have.`,
      );
    const { caller, workspace } = await authorizeApiRequest(request, (await params).slug, "document:write");
    const body = await readJsonBody(request);
    const { publishedAt, ...input } = ImportDocumentRequestSchema.parse(body);
    const limit = await takeRateLimit(caller, "writes");
    const result = await importDocument(workspace, { ...input, publishedOn: publishedAt || null });
    if (!result.ok)
      return withRateLimit(
        problem(409, "duplicate", `${result.message} (document ${result.details.documentId})`, {
          details: { documentId: result.details.documentId },
        }),
        limit,
      );
    return withRateLimit(
      apiJson(ImportedDocumentSchema, await importedDocumentAnswer(workspace, result, input), { status: 201 }),
      limit,
    );
  });
}
