import type { TextAnchor } from "@/lib/evidence/anchor";
import { createEvidence } from "@/lib/evidence/mutations";
import type { EvidenceKind } from "@/lib/generated/prisma/enums";
import type { AuthorizedWorkspace } from "@/lib/workspaces/access";

/** A quote of the revision at the anchor, with no speaker, note or links: the result as createEvidence gives it. */
export function saveBareQuote(
  workspace: AuthorizedWorkspace,
  revision: { documentId: string; revisionId: string },
  anchor: TextAnchor,
  kind: EvidenceKind = "DIRECT_QUOTE",
) {
  return createEvidence(workspace, { ...revision, ...anchor, kind, note: "", links: [] });
}
