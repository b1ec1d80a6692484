import { handleApiRoute } from "@/lib/api/problem";
import { apiJson, authorizeApiRequest, queryOf } from "@/lib/api/request";
import { SearchResponseSchema } from "@/lib/api/schemas";
import { takeRateLimit, withRateLimit } from "@/lib/platform/http/rate-limit";
import { search, searchResultList } from "@/lib/search/data";
import { SearchQuerySchema } from "@/lib/search/schema";

export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  return handleApiRoute(async () => {
    const { caller, workspace } = await authorizeApiRequest(request, (await params).slug, "workspace:read");
    const query = SearchQuerySchema.parse(queryOf(request));
    const limit = await takeRateLimit(caller, "expensive-reads");
    const results = await search(workspace, query);
    return withRateLimit(
      apiJson(SearchResponseSchema, { results: searchResultList(workspace.slug, results), counts: results.counts }),
      limit,
    );
  });
}
