"use client";

import { MutationObserver, type QueryClient } from "@tanstack/react-query";
import { rememberOwnSubject, trackOwnSave } from "@/components/live/own-changes";
import { type CellEdit, cellEditKey, EditFailure, proposeEditKey } from "@/components/matrix/cell-edit";
import { correctStatementAction, recordStatementAction, retractStatementAction } from "@/lib/matrix/actions";
import type { EditResult } from "@/lib/matrix/mutations";
import { proposeEditAction } from "@/lib/review/actions";
import type { ProposeResult } from "@/lib/review/mutations";

// Sending an edit is needed only once the editor (itself loaded on first use) submits one, so
// this module, with the server actions' stubs, stays out of the matrix page's first load. The
// mutations still go through the page's query client, where the board sees those in flight.

type EditAnswer<Data> = { data?: Data; serverError?: { message: string }; validationErrors?: unknown } | undefined;

/** An edit action's data, or an EditFailure with its server error or its field errors (none: no answer came). */
function editDataOrThrow<Data>(result: EditAnswer<Data>): Data {
  if (!result) throw new EditFailure("No answer from the server; check your connection and try again.");
  if (result.serverError) throw new EditFailure(result.serverError.message);
  if (result.validationErrors) {
    const { formErrors = [], fieldErrors = {} } = result.validationErrors as {
      formErrors?: string[];
      fieldErrors?: Record<string, string[] | undefined>;
    };
    throw new EditFailure(
      [...formErrors, ...Object.values(fieldErrors).flat()].filter(Boolean).join(" ") || "Check the fields.",
      fieldErrors,
    );
  }
  return result.data!;
}

async function send(workspaceSlug: string, edit: CellEdit): Promise<EditResult> {
  const result =
    edit.kind === "record"
      ? await recordStatementAction({
          workspaceSlug,
          issueId: edit.issueId,
          partyId: edit.partyId,
          baseVersion: edit.baseVersion,
          position: edit.position,
          summary: edit.summary,
          statedOn: edit.statedOn,
          links: edit.links,
          confidence: edit.confidence,
          confidenceRationale: edit.confidenceRationale,
          redLine: edit.redLine,
          conditionText: edit.conditionText,
          conditionCell: edit.conditionCell,
        })
      : edit.kind === "correct"
        ? await correctStatementAction({
            workspaceSlug,
            statementId: edit.statementId,
            baseVersion: edit.baseVersion,
            position: edit.position,
            summary: edit.summary,
            statedOn: edit.statedOn,
            links: edit.links,
            reason: edit.reason,
            confidence: edit.confidence,
            confidenceRationale: edit.confidenceRationale,
            redLine: edit.redLine,
            conditionText: edit.conditionText,
            conditionCell: edit.conditionCell,
          })
        : await retractStatementAction({
            workspaceSlug,
            statementId: edit.statementId,
            baseVersion: edit.baseVersion,
            reason: edit.reason,
          });
  return editDataOrThrow(result);
}

/**
 * Saves a cell edit. The action answers with the page re-rendered after the save (it revalidates
 * the workspace's path), so nothing here reads the matrix again; the board shows the edit as
 * pending until its props carry the new version. Conflicts come back as data for the editor.
 */
export function saveCellEdit(client: QueryClient, slug: string, edit: CellEdit): Promise<EditResult> {
  return new MutationObserver(client, {
    mutationKey: cellEditKey(slug),
    mutationFn: (request: CellEdit) =>
      trackOwnSave([request.kind === "record" ? null : request.statementId], async () => {
        const result = await send(slug, request);
        if (result.ok) rememberOwnSubject(result.statementId);
        return result;
      }),
  }).mutate(edit);
}

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
export function proposeCellEdit(client: QueryClient, slug: string, edit: CellEdit): Promise<ProposeResult> {
  return new MutationObserver(client, {
    mutationKey: proposeEditKey(slug),
    // The action answers with the page re-rendered (revalidatePath): no refresh after it.
    mutationFn: async (request: CellEdit): Promise<ProposeResult> =>
      editDataOrThrow(await trackOwnSave([], () => proposeEditAction(toProposal(slug, request)))),
  }).mutate(edit);
}
