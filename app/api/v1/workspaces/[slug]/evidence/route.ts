import { evidenceAnswer } from "@/lib/api/answers";
import { handleApiRoute } from "@/lib/api/problem";
import { apiJson, authorizeApiRequest, queryOf, readJsonBody } from "@/lib/api/request";
import { EvidenceListQuerySchema, EvidenceListSchema } from "@/lib/api/schemas";
import { listEvidenceOptions } from "@/lib/evidence/data";
import { createEvidence, createEvidenceFromQuote } from "@/lib/evidence/mutations";
import { CreateEvidenceAtOffsetsSchema, CreateEvidenceFromQuoteSchema } from "@/lib/evidence/schema";
import { takeRateLimit } from "@/lib/platform/http/rate-limit";

export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  return handleApiRoute(async () => {
    const { workspace } = await authorizeApiRequest(request, (await params).slug, "workspace:read");
    const { q } = EvidenceListQuerySchema.parse(queryOf(request));
    return apiJson(EvidenceListSchema, { evidence: await listEvidenceOptions(workspace, q || undefined) });
  });
}

/**
 * Saves a passage as evidence: by offsets in a revision (with the exact words and their context,
 * as the document page sends them), or by an exact `quote` the server finds in the current text.
 * Either way the server verifies the passage against the text before saving it.
 */
export async function POST(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  return handleApiRoute(async () => {
    const { caller, workspace } = await authorizeApiRequest(request, (await params).slug, "evidence:write");
    const body = await readJsonBody(request);
    const byQuote = "quote" in body;
    const input = byQuote ? CreateEvidenceFromQuoteSchema.parse(body) : CreateEvidenceAtOffsetsSchema.parse(body);
    const limit = await takeRateLimit(caller, "writes");
    const result =
      "quote" in input ? await createEvidenceFromQuote(workspace, input) : await createEvidence(workspace, input);
    return evidenceAnswer(result, limit);
  });
}
