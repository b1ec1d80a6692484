import { editAnswer } from "@/lib/api/answers";
import { handleApiRoute, problem } from "@/lib/api/problem";
import { authorizeApiRequest, readJsonBody } from "@/lib/api/request";
import { retractStatement } from "@/lib/matrix/mutations";
import { RetractStatementSchema } from "@/lib/matrix/schema";
import { takeRateLimit } from "@/lib/platform/http/rate-limit";
import { requireDirectEditing } from "@/lib/review/mutations";

/** Withdraws a statement, as the editor's Retract does. */
export async function POST(request: Request, { params }: { params: Promise<{ slug: string; statementId: string }> }) {
  return handleApiRoute(async () => {
    const { slug, statementId } = await params;
    const { caller, workspace } = await authorizeApiRequest(request, slug, "stance:write");
    await requireDirectEditing(workspace);
    const body = await readJsonBody(request);
    if (!RetractStatementSchema.shape.statementId.safeParse(statementId).success)
      return problem(404, "not_found", "That statement does not exist in this workspace.");
    const input = RetractStatementSchema.parse({ ...body, statementId, workspaceSlug: workspace.slug });
    const limit = await takeRateLimit(caller, "writes");
    return editAnswer(await retractStatement(workspace, input), limit);
  });
}
