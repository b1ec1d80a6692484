import type { NextRequest } from "next/server";
import { getConvergence, getWhatMoved } from "@/lib/convergence/data";
import { ConvergenceQuerySchema } from "@/lib/convergence/schema";
import { todayCalendarDate } from "@/lib/matrix/dates";
import { takeRateLimit, withRateLimit } from "@/lib/platform/http/rate-limit";
import { handleRoute } from "@/lib/platform/http/route";
import { authorizeWorkspaceReader } from "@/lib/workspaces/access";

export async function GET(request: NextRequest, { params }: { params: Promise<{ slug: string }> }) {
  return handleRoute(async () => {
    const { caller, workspace } = await authorizeWorkspaceReader(request, params);
    const search = request.nextUrl.searchParams;
    const query = ConvergenceQuerySchema.parse({
      asOf: search.get("asOf") ?? undefined,
      from: search.get("from") ?? undefined,
      to: search.get("to") ?? undefined,
    });
    // The digest between two dates reads every statement in between: an expensive read.
    const limit = query.from && query.to ? await takeRateLimit(caller, "expensive-reads") : null;
    const [convergence, whatMoved] = await Promise.all([
      getConvergence(workspace, query.asOf ?? todayCalendarDate()),
      query.from && query.to ? getWhatMoved(workspace, query.from, query.to) : null,
    ]);
    const response = Response.json(whatMoved ? { ...convergence, whatMoved } : convergence, {
      headers: { "Cache-Control": "private, no-store" },
    });
    return limit ? withRateLimit(response, limit) : response;
  });
}
