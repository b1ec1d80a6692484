import type { NextRequest } from "next/server";
import { parseQuoteOrder, QUOTE_ORDER_COOKIE } from "@/lib/evidence/pairs";
import { exportDownload, renderExport } from "@/lib/exports/render";
import { ExportQuerySchema } from "@/lib/exports/schema";
import { todayCalendarDate } from "@/lib/matrix/dates";
import { takeRateLimit, withRateLimit } from "@/lib/platform/http/rate-limit";
import { handleRoute } from "@/lib/platform/http/route";
import { authorizeWorkspaceReader } from "@/lib/workspaces/access";

// GET ?format=csv|json|md|html|w3c|workspace&asOf=YYYY-MM-DD[&from=YYYY-MM-DD]: a download. The body is never
// shown inline, and the sandbox keeps a briefing opened from here from running anything.
export async function GET(request: NextRequest, { params }: { params: Promise<{ slug: string }> }) {
  return handleRoute(async () => {
    const { caller, workspace } = await authorizeWorkspaceReader(request, params);
    const search = request.nextUrl.searchParams;
    const query = ExportQuerySchema.parse({
      format: search.get("format") ?? undefined,
      asOf: search.get("asOf") || undefined,
      from: search.get("from") || undefined,
    });
    const limit = await takeRateLimit(caller, "expensive-reads");
    // A reader's choice of original or translation first orders quote pairs in briefings too.
    const quoteOrder = parseQuoteOrder(request.cookies.get(QUOTE_ORDER_COOKIE)?.value);
    const file = await renderExport(workspace, query.format, query.asOf ?? todayCalendarDate(), quoteOrder, query.from);
    return withRateLimit(exportDownload(file), limit);
  });
}
