import type { NextRequest } from "next/server";
import { takeRateLimit, withRateLimit } from "@/lib/platform/http/rate-limit";
import { handleRoute } from "@/lib/platform/http/route";
import { search, searchResultList } from "@/lib/search/data";
import { SearchQuerySchema } from "@/lib/search/schema";
import { authenticateRequest, authorizeWorkspace } from "@/lib/workspaces/access";

export async function GET(request: NextRequest, { params }: { params: Promise<{ slug: string }> }) {
  return handleRoute(async () => {
    const { slug } = await params;
    const caller = await authenticateRequest(request);
    const workspace = await authorizeWorkspace(slug, "workspace:read", caller);
    const query = SearchQuerySchema.parse(Object.fromEntries(request.nextUrl.searchParams));
    const limit = await takeRateLimit(caller, "expensive-reads");
    const results = await search(workspace, query);
    return withRateLimit(
      Response.json(
        { results: searchResultList(workspace.slug, results), counts: results.counts },
        { headers: { "Cache-Control": "private, no-store" } },
      ),
      limit,
    );
  });
}
