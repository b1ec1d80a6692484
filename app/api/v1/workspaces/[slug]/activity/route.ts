import { listActivitySince } from "@/lib/activity/data";
import { ActivitySinceQuerySchema } from "@/lib/activity/schema";
import { handleApiRoute } from "@/lib/api/problem";
import { apiJson, authorizeApiRequest, queryOf } from "@/lib/api/request";
import { ActivityResponseSchema } from "@/lib/api/schemas";

export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  return handleApiRoute(async () => {
    const { workspace } = await authorizeApiRequest(request, (await params).slug, "workspace:read");
    const query = ActivitySinceQuerySchema.parse(queryOf(request));
    return apiJson(ActivityResponseSchema, await listActivitySince(workspace, query));
  });
}
