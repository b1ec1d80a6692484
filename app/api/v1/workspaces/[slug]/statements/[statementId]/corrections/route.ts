import { editAnswer } from "@/lib/api/answers";
import { handleApiRoute, problem } from "@/lib/api/problem";
import { authorizeApiRequest, readJsonBody } from "@/lib/api/request";
import { correctStatement } from "@/lib/matrix/mutations";
import { CorrectStatementSchema } from "@/lib/matrix/schema";
import { takeRateLimit } from "@/lib/platform/http/rate-limit";
import { requireDirectEditing } from "@/lib/review/mutations";

/** Replaces a statement with a corrected one, as the editor's Correct does. */
export async function POST(request: Request, { params }: { params: Promise<{ slug: string; statementId: string }> }) {
  return handleApiRoute(async () => {
    const { slug, statementId } = await params;
    const { caller, workspace } = await authorizeApiRequest(request, slug, "stance:write");
    await requireDirectEditing(workspace);
    const body = await readJsonBody(request);
    if (!CorrectStatementSchema.shape.statementId.safeParse(statementId).success)
      return problem(404, "not_found", "That statement does not exist in this workspace.");
    const input = CorrectStatementSchema.parse({ ...body, statementId, workspaceSlug: workspace.slug });
    const limit = await takeRateLimit(caller, "writes");
    return editAnswer(await correctStatement(workspace, input), limit);
  });
}
