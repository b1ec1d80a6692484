import type { MatrixExport } from "@/lib/exports/model";
import { matrixCellsByIssue } from "@/lib/exports/text";

export const MATRIX_JSON_FORMAT = "parley.matrix";

/** The matrix as of a date, each statement with the quotes it cites and their sources. */
export function formatMatrixJson(matrix: MatrixExport): string {
  const document = {
    format: MATRIX_JSON_FORMAT,
    version: 1,
    workspace: { slug: matrix.workspace.slug, title: matrix.workspace.title },
    asOf: matrix.asOf,
    positionLabels: matrix.positionLabels,
    parties: matrix.parties,
    issues: matrix.issues,
    cells: matrixCellsByIssue(matrix).flatMap(({ issue, cells }) =>
      cells.map(({ party, statement }) => ({
        issueId: issue.id,
        issue: issue.title,
        partyId: party.id,
        party: party.name,
        statement: statement && {
          id: statement.id,
          position: statement.position,
          positionLabel: matrix.positionLabels[statement.position],
          summary: statement.summary,
          statedOn: statement.statedOn,
          confidence: statement.confidence,
          confidenceRationale: statement.confidenceRationale,
          redLine: statement.redLine,
          conditionText: statement.conditionText,
          conditionCell: statement.conditionCell,
          citations: statement.citations.map((c) => ({
            evidenceId: c.evidenceId,
            relation: c.relation,
            quote: c.exact,
            kind: c.kind,
            saidOn: c.saidOn,
            speaker: c.speaker,
            source: {
              documentId: c.document.id,
              title: c.document.title,
              outlet: c.document.outlet,
              url: c.document.url,
              publishedOn: c.document.publishedOn,
              revision: c.document.revision,
            },
            ...(c.pair ? { pair: c.pair } : {}),
          })),
        },
      })),
    ),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}
