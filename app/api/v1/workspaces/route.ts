import { handleApiRoute } from "@/lib/api/problem";
import { apiJson } from "@/lib/api/request";
import { WorkspaceListSchema } from "@/lib/api/schemas";
import { authenticateRequest, listCallerWorkspaces } from "@/lib/workspaces/access";

export async function GET(request: Request) {
  return handleApiRoute(async () => {
    const memberships = await listCallerWorkspaces(await authenticateRequest(request));
    return apiJson(WorkspaceListSchema, {
      workspaces: memberships.map(({ role, workspace }) => ({
        slug: workspace.slug,
        title: workspace.title,
        description: workspace.description,
        role,
        archived: workspace.archivedAt !== null,
      })),
    });
  });
}
