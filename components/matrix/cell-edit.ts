"use client";

import { useMutation } from "@tanstack/react-query";
import { rememberOwnSubject, trackOwnSave } from "@/components/live/own-changes";
import { correctStatementAction, recordStatementAction, retractStatementAction } from "@/lib/matrix/actions";
import type { EditResult } from "@/lib/matrix/mutations";
import type { ConfidenceLevel, MatrixStatement, StatementQualities } from "@/lib/matrix/schema";

type Links = { evidenceId: string; relation: "SUPPORTS" | "CONTRADICTS" | "CONTEXT" }[];
type Position = "DEMANDS" | "SUPPORTS" | "OPEN" | "CONDITIONAL" | "OPPOSES" | "REJECTS" | "NO_POSITION";
/** In review mode: the proposer's reasons for their reading. */
type Rationale = { rationale?: string };
type Confidence = { confidence: ConfidenceLevel; confidenceRationale: string } & Qualities;
type Qualities = { redLine: boolean; conditionText: string; conditionCell: StatementQualities["conditionCell"] };

export type CellEdit =
  | ({
      kind: "record";
      issueId: string;
      partyId: string;
      baseVersion: number;
      position: Position;
      summary: string;
      statedOn: string;
      links: Links;
    } & Confidence &
      Rationale)
  | ({
      kind: "correct";
      issueId: string;
      partyId: string;
      statementId: string;
      baseVersion: number;
      position: Position;
      summary: string;
      statedOn: string;
      links: Links;
      reason: string;
    } & Confidence &
      Rationale)
  | ({
      kind: "retract";
      issueId: string;
      partyId: string;
      statementId: string;
      baseVersion: number;
      reason: string;
    } & Rationale);

export class EditFailure extends Error {
  constructor(
    message: string,
    readonly fieldErrors?: Record<string, string[] | undefined>,
  ) {
    super(message);
  }
}

type EditAnswer<Data> = { data?: Data; serverError?: { message: string }; validationErrors?: unknown } | undefined;

/** An edit action's data, or an EditFailure with its server error or its field errors (none: no answer came). */
export function editDataOrThrow<Data>(result: EditAnswer<Data>): Data {
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

export function pendingStatement(edit: Exclude<CellEdit, { kind: "retract" }>): MatrixStatement {
  return {
    id: "pending",
    position: edit.position,
    summary: edit.summary,
    statedOn: edit.statedOn,
    confidence: edit.confidence,
    confidenceRationale: edit.confidenceRationale || null,
    redLine: edit.redLine,
    conditionText: edit.conditionText || null,
    conditionCell: edit.conditionCell,
    evidenceCount: edit.links.length,
    links: edit.links,
  };
}

/**
 * Saves a cell edit. The action answers with the page re-rendered after the save (it revalidates
 * the workspace's path), so nothing here reads the matrix again; the board shows the edit as
 * pending until its props carry the new version. Conflicts come back as data for the editor.
 */
export function useCellEdit(slug: string) {
  return useMutation({
    mutationKey: ["cell-edit", { slug }],
    mutationFn: (edit: CellEdit) =>
      trackOwnSave([edit.kind === "record" ? null : edit.statementId], async () => {
        const result = await send(slug, edit);
        if (result.ok) rememberOwnSubject(result.statementId);
        return result;
      }),
  });
}
