import { handleApiRoute } from "@/lib/api/problem";
import { apiJson, authorizeApiRequest } from "@/lib/api/request";
import { StructureSchema } from "@/lib/api/schemas";
import { listStructure } from "@/lib/structure/data";

export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  return handleApiRoute(async () => {
    const { workspace } = await authorizeApiRequest(request, (await params).slug, "workspace:read");
    return apiJson(StructureSchema, await listStructure(workspace));
  });
}
