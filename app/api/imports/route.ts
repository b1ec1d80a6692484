import { handleRoute } from "@/lib/platform/http/route";
import { listJobsOf } from "@/lib/platform/jobs/data";
import { IMPORT_JOB_KINDS } from "@/lib/platform/jobs/kinds";
import { requireSessionCaller } from "@/lib/workspaces/access";

/** The signed-in user's recent imports with their progress: the import form polls it. Session-only. */
export async function GET(request: Request) {
  return handleRoute(async () => {
    const userId = await requireSessionCaller(request);
    const imports = await listJobsOf(userId, IMPORT_JOB_KINDS);
    return Response.json({ imports }, { headers: { "Cache-Control": "private, no-store" } });
  });
}
