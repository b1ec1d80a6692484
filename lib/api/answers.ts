import "server-only";
import { problem } from "@/lib/api/problem";
import { apiJson } from "@/lib/api/request";
import { CreatedEvidenceSchema, EditedSchema } from "@/lib/api/schemas";
import type { CreateEvidenceResult } from "@/lib/evidence/mutations";
import type { EditResult } from "@/lib/matrix/mutations";
import { type RateLimitState, withRateLimit } from "@/lib/platform/http/rate-limit";

// The outcomes of the app's mutations as HTTP answers: what the editor shows a person, a script
// gets as a status and a problem with the same facts (a conflict carries the cell as it now is).

export function editAnswer(result: EditResult, limit: RateLimitState): Response {
  if (result.ok)
    return withRateLimit(
      apiJson(EditedSchema, { statementId: result.statementId, version: result.version }, { status: 201 }),
      limit,
    );
  switch (result.code) {
    case "conflict":
      return withRateLimit(
        problem(
          409,
          "conflict",
          `The cell was edited since the version you based this on; it is now at version ${result.details.current.version}. Nothing was saved: look at \`current\` and send again with its version.`,
          { current: result.details.current },
        ),
        limit,
      );
    case "already_amended":
      return withRateLimit(
        problem(409, "already_amended", result.message, { amendment: result.details.amendment }),
        limit,
      );
    case "not_found":
      return withRateLimit(problem(404, "not_found", result.message), limit);
    case "evidence_not_found":
      return withRateLimit(problem(422, "evidence_not_found", result.message), limit);
  }
}

const EVIDENCE_STATUS = {
  not_found: 404,
  stale_revision: 409,
  anchor_mismatch: 422,
  quote_not_found: 422,
  speaker_not_found: 422,
  statement_not_found: 422,
  date_required: 422,
} as const;

export function evidenceAnswer(result: CreateEvidenceResult, limit: RateLimitState): Response {
  if (result.ok)
    return withRateLimit(apiJson(CreatedEvidenceSchema, { id: result.evidenceId }, { status: 201 }), limit);
  return withRateLimit(problem(EVIDENCE_STATUS[result.code], result.code, result.message), limit);
}
