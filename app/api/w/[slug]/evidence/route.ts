import type { NextRequest } from "next/server";
import { z } from "zod";
import { listEvidenceOptions, listStatementQuotes } from "@/lib/evidence/data";
import { handleRoute } from "@/lib/platform/http/route";
import { searchText } from "@/lib/platform/validation";
import { authenticateRequest, authorizeWorkspace } from "@/lib/workspaces/access";

const QuerySchema = z.object({
  q: searchText(200),
  // A cell of the matrix: its quotes come first.
  issueId: z.uuid().optional(),
  partyId: z.uuid().optional(),
  // A statement: only the quotes linked to it, the latest said first.
  statementId: z.uuid().optional(),
});

export async function GET(request: NextRequest, { params }: { params: Promise<{ slug: string }> }) {
  return handleRoute(async () => {
    const { slug } = await params;
    const workspace = await authorizeWorkspace(slug, "workspace:read", await authenticateRequest(request));
    const search = request.nextUrl.searchParams;
    const { q, issueId, partyId, statementId } = QuerySchema.parse({
      q: search.get("q") ?? undefined,
      issueId: search.get("issueId") ?? undefined,
      partyId: search.get("partyId") ?? undefined,
      statementId: search.get("statementId") ?? undefined,
    });
    if (statementId)
      return Response.json(
        { evidence: await listStatementQuotes(workspace, statementId) },
        { headers: { "Cache-Control": "private, no-store" } },
      );
    const cell = issueId && partyId ? { issueId, partyId } : undefined;
    return Response.json(
      { evidence: await listEvidenceOptions(workspace, q || undefined, cell) },
      { headers: { "Cache-Control": "private, no-store" } },
    );
  });
}
