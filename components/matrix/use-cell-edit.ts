"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { matrixQueryKey } from "@/components/matrix/use-matrix";
import { correctStatementAction, recordStatementAction, retractStatementAction } from "@/lib/matrix/actions";
import type { EditResult } from "@/lib/matrix/mutations";
import type { ConfidenceLevel, MatrixStatement, MatrixView, StatementQualities } from "@/lib/matrix/schema";

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

function pendingStatement(edit: Exclude<CellEdit, { kind: "retract" }>): MatrixStatement {
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
 * Saves a cell edit with the matrix updated at once (marked pending) and put back if the server
 * refuses it. Conflicts come back as data for the editor to show.
 */
export function useCellEdit(slug: string, asOf: string) {
  const queryClient = useQueryClient();
  const router = useRouter();
  const key = matrixQueryKey(slug, asOf);
  return useMutation({
    mutationKey: ["cell-edit", { slug }],
    mutationFn: (edit: CellEdit) => send(slug, edit),
    onMutate: async (edit) => {
      await queryClient.cancelQueries({ queryKey: key });
      const previous = queryClient.getQueryData<MatrixView>(key);
      if (previous) {
        const shown = edit.kind !== "retract" && edit.statedOn <= asOf;
        queryClient.setQueryData<MatrixView>(key, {
          ...previous,
          cells: previous.cells
            .map((c) =>
              c.issueId === edit.issueId && c.partyId === edit.partyId && shown
                ? { ...c, statement: pendingStatement(edit) }
                : c,
            )
            .concat(
              shown && !previous.cells.some((c) => c.issueId === edit.issueId && c.partyId === edit.partyId)
                ? [
                    {
                      issueId: edit.issueId,
                      partyId: edit.partyId,
                      version: edit.baseVersion,
                      statement: pendingStatement(edit),
                    },
                  ]
                : [],
            ),
        });
      }
      return { previous };
    },
    onSuccess: (result, _edit, context) => {
      if (!result.ok && context?.previous) queryClient.setQueryData(key, context.previous);
    },
    onError: (_error, _edit, context) => {
      if (context?.previous) queryClient.setQueryData(key, context.previous);
    },
    onSettled: async () => {
      await queryClient.invalidateQueries({ queryKey: ["matrix", { slug }] });
      router.refresh();
    },
  });
}
