import { handleApiRoute } from "@/lib/api/problem";
import { authorizeApiRequest, queryOf } from "@/lib/api/request";
import { exportDownload, renderExport } from "@/lib/exports/render";
import { ExportQuerySchema } from "@/lib/exports/schema";
import { todayCalendarDate } from "@/lib/matrix/dates";
import { takeRateLimit, withRateLimit } from "@/lib/platform/http/rate-limit";

/** The app's exports, as GET /api/w/[slug]/export serves them: a download, never shown inline. */
export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  return handleApiRoute(async () => {
    const { caller, workspace } = await authorizeApiRequest(request, (await params).slug, "workspace:read");
    const query = ExportQuerySchema.parse(queryOf(request));
    const limit = await takeRateLimit(caller, "expensive-reads");
    const file = await renderExport(workspace, query.format, query.asOf ?? todayCalendarDate());
    return withRateLimit(exportDownload(file), limit);
  });
}
