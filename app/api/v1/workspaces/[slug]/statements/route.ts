import { editAnswer } from "@/lib/api/answers";
import { handleApiRoute, problem } from "@/lib/api/problem";
import { apiJson, authorizeApiRequest, queryOf, readJsonBody } from "@/lib/api/request";
import { RecordStatementBodySchema, StatementListSchema } from "@/lib/api/schemas";
import { listStatements } from "@/lib/matrix/data";
import { recordStatement } from "@/lib/matrix/mutations";
import { StatementListQuerySchema } from "@/lib/matrix/schema";
import { takeRateLimit } from "@/lib/platform/http/rate-limit";
import { requireDirectEditing } from "@/lib/review/mutations";

export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  return handleApiRoute(async () => {
    const { workspace } = await authorizeApiRequest(request, (await params).slug, "workspace:read");
    const page = await listStatements(workspace, StatementListQuerySchema.parse(queryOf(request)));
    if (!page) return problem(400, "invalid_request", "cursor: not a cursor from this list.");
    return apiJson(StatementListSchema, page);
  });
}

/** Records a statement in a cell, compare-and-set on the cell's version as in the editor. */
export async function POST(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  return handleApiRoute(async () => {
    const { caller, workspace } = await authorizeApiRequest(request, (await params).slug, "stance:write");
    await requireDirectEditing(workspace);
    const body = await readJsonBody(request);
    const input = RecordStatementBodySchema.parse(body);
    const limit = await takeRateLimit(caller, "writes");
    return editAnswer(await recordStatement(workspace, { ...input, workspaceSlug: workspace.slug }), limit);
  });
}
