"use client";

import { useMutation } from "@tanstack/react-query";
import { trackOwnSave } from "@/components/live/own-changes";
import type { CellEdit } from "@/components/matrix/use-cell-edit";
import { editDataOrThrow } from "@/components/matrix/use-cell-edit";
import { proposeEditAction } from "@/lib/review/actions";
import type { ProposeResult } from "@/lib/review/mutations";

function toProposal(workspaceSlug: string, edit: CellEdit) {
  const rationale = edit.rationale ?? "";
  if (edit.kind === "record") {
    const { kind: _kind, rationale: _r, ...fields } = edit;
    return { kind: "RECORD" as const, workspaceSlug, ...fields, rationale };
  }
  if (edit.kind === "correct") {
    const { kind: _kind, issueId: _i, partyId: _p, rationale: _r, ...fields } = edit;
    return { kind: "CORRECT" as const, workspaceSlug, ...fields, rationale };
  }
  return {
    kind: "RETRACT" as const,
    workspaceSlug,
    statementId: edit.statementId,
    baseVersion: edit.baseVersion,
    reason: edit.reason,
    rationale,
  };
}

/**
 * In review mode an editor's edit is proposed, not applied: the matrix keeps showing the current
 * statement (no optimistic change), and the cell's pending count goes up once the server agrees.
 */
export function useProposeEdit(slug: string) {
  return useMutation({
    mutationKey: ["propose-edit", { slug }],
    mutationFn: async (edit: CellEdit): Promise<ProposeResult> => {
      // The action answers with the page re-rendered (revalidatePath): no refresh after it.
      const result = await trackOwnSave([], () => proposeEditAction(toProposal(slug, edit)));
      return editDataOrThrow(result);
    },
  });
}
