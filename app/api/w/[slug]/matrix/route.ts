import type { NextRequest } from "next/server";
import { getMatrix } from "@/lib/matrix/data";
import { todayCalendarDate } from "@/lib/matrix/dates";
import { MatrixQuerySchema } from "@/lib/matrix/schema";
import { handleRoute } from "@/lib/platform/http/route";
import { authenticateRequest, authorizeWorkspace } from "@/lib/workspaces/access";

export async function GET(request: NextRequest, { params }: { params: Promise<{ slug: string }> }) {
  return handleRoute(async () => {
    const { slug } = await params;
    const workspace = await authorizeWorkspace(slug, "workspace:read", await authenticateRequest(request));
    const query = MatrixQuerySchema.parse({ asOf: request.nextUrl.searchParams.get("asOf") ?? undefined });
    const matrix = await getMatrix(workspace, query.asOf ?? todayCalendarDate());
    return Response.json(matrix, { headers: { "Cache-Control": "private, no-store" } });
  });
}
