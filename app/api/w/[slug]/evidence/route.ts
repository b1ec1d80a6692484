import type { NextRequest } from "next/server";
import { z } from "zod";
import { authorizeWorkspace } from "@/lib/workspaces/access";
import { listEvidenceOptions } from "@/lib/evidence/data";
import { handleRoute } from "@/lib/http/route";

const QuerySchema = z.object({ q: z.string().trim().max(200, "Search at most 200 characters.").optional() });

export async function GET(request: NextRequest, { params }: { params: Promise<{ slug: string }> }) {
  return handleRoute(async () => {
    const { slug } = await params;
    const workspace = await authorizeWorkspace(slug, "workspace:read");
    const { q } = QuerySchema.parse({ q: request.nextUrl.searchParams.get("q") ?? undefined });
    return Response.json({ evidence: await listEvidenceOptions(workspace, q || undefined) }, { headers: { "Cache-Control": "private, no-store" } });
  });
}
