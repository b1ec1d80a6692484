import "server-only";
import type { z } from "zod";
import { editAnswer } from "@/lib/api/answers";
import { handleApiRoute, problem } from "@/lib/api/problem";
import { authorizeApiRequest, readJsonBody } from "@/lib/api/request";
import type { EditResult } from "@/lib/matrix/mutations";
import { takeRateLimit } from "@/lib/platform/http/rate-limit";
import { requireDirectEditing } from "@/lib/review/mutations";
import type { AuthorizedWorkspace } from "@/lib/workspaces/access";

type AmendmentSchema<Input> = { shape: { statementId: z.ZodType }; parse: (value: unknown) => Input };
type StatementParams = { params: Promise<{ slug: string; statementId: string }> };

/** The POST of an API route that amends the statement in its path (correct, retract) as the editor does. */
export function amendStatementRoute<Input>(
  schema: AmendmentSchema<Input>,
  amend: (workspace: AuthorizedWorkspace, input: Input) => Promise<EditResult>,
) {
  return async function amendFromRequest(request: Request, { params }: StatementParams) {
    return handleApiRoute(async () => {
      const { slug, statementId } = await params;
      const { caller, workspace } = await authorizeApiRequest(request, slug, "stance:write");
      await requireDirectEditing(workspace);
      const body = await readJsonBody(request);
      if (!schema.shape.statementId.safeParse(statementId).success)
        return problem(404, "not_found", "That statement does not exist in this workspace.");
      const input = schema.parse({ ...body, statementId, workspaceSlug: workspace.slug });
      const limit = await takeRateLimit(caller, "writes");
      return editAnswer(await amend(workspace, input), limit);
    });
  };
}
