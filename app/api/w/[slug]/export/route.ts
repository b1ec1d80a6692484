import type { NextRequest } from "next/server";
import { authorizeWorkspace } from "@/lib/workspaces/access";
import { handleRoute } from "@/lib/http/route";
import { todayCalendarDate } from "@/lib/matrix/dates";
import { ExportQuerySchema } from "@/lib/exports/schema";
import { renderExport } from "@/lib/exports/render";

// GET ?format=csv|json|md|html|w3c|workspace&asOf=YYYY-MM-DD: a download. The body is never
// shown inline, and the sandbox keeps a briefing opened from here from running anything.
export async function GET(request: NextRequest, { params }: { params: Promise<{ slug: string }> }) {
  return handleRoute(async () => {
    const { slug } = await params;
    const workspace = await authorizeWorkspace(slug, "workspace:read");
    const search = request.nextUrl.searchParams;
    const query = ExportQuerySchema.parse({ format: search.get("format") ?? undefined, asOf: search.get("asOf") || undefined });
    const file = await renderExport(workspace, query.format, query.asOf ?? todayCalendarDate());
    return new Response(file.body, {
      headers: {
        "Content-Type": file.contentType,
        // Slugs are [a-z0-9-], so the file name needs no encoding.
        "Content-Disposition": `attachment; filename="${file.filename}"`,
        "Cache-Control": "private, no-store",
        "X-Content-Type-Options": "nosniff",
        "Content-Security-Policy": "sandbox; default-src 'none'; style-src 'unsafe-inline'",
      },
    });
  });
}
