import { handleApiRoute } from "@/lib/api/problem";
import { apiJson, authorizeApiRequest, queryOf } from "@/lib/api/request";
import { MatrixQuerySchema, MatrixResponseSchema } from "@/lib/api/schemas";
import { diffMatrices } from "@/lib/matrix/compare";
import { getMatrix } from "@/lib/matrix/data";
import { todayCalendarDate } from "@/lib/matrix/dates";
import { takeRateLimit, withRateLimit } from "@/lib/platform/http/rate-limit";

export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  return handleApiRoute(async () => {
    const { caller, workspace } = await authorizeApiRequest(request, (await params).slug, "workspace:read");
    const { asOf = todayCalendarDate(), since } = MatrixQuerySchema.parse(queryOf(request));
    if (!since) return apiJson(MatrixResponseSchema, await getMatrix(workspace, asOf));
    // Two matrices for one answer: counted like the other comparisons.
    const limit = await takeRateLimit(caller, "expensive-reads");
    const [before, matrix] = await Promise.all([getMatrix(workspace, since), getMatrix(workspace, asOf)]);
    return withRateLimit(
      apiJson(MatrixResponseSchema, { ...matrix, since, changes: diffMatrices(before, matrix) }),
      limit,
    );
  });
}
