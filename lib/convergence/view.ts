import { assessIssue, ORDINAL_SCALE, positionStep } from "@/lib/convergence/scale";
import type { Position } from "@/lib/generated/prisma/enums";
import type { MatrixView } from "@/lib/matrix/schema";

export type ConvergenceIssue = {
  issueId: string;
  title: string;
  /** Every party with a statement shown as of the date, in the matrix's party order. */
  positions: {
    partyId: string;
    position: Position;
    step: number | null;
    statedOn: string;
    statementId: string;
    /** Set for a conditional offer only: whether its condition is met as of the date. */
    conditionMet?: boolean;
  }[];
  spread: number | null;
  inZone: boolean;
  distances: { partyIds: [string, string]; distance: number }[];
  conditionalPartyIds: string[];
  agreeingPartyIds: string[];
};

export type ConvergenceView = {
  workspace: MatrixView["workspace"];
  asOf: string;
  scale: typeof ORDINAL_SCALE;
  positionLabels: MatrixView["positionLabels"];
  parties: MatrixView["parties"];
  issues: ConvergenceIssue[];
};

/** The convergence of every issue, read off the matrix as of its date. */
export function convergenceOf(matrix: MatrixView): ConvergenceView {
  const partyOrder = new Map(matrix.parties.map((party, i) => [party.id, i]));
  const shown = new Map(matrix.cells.map((cell) => [`${cell.issueId}:${cell.partyId}`, cell.statement]));
  const conditionMet = (statement: NonNullable<MatrixView["cells"][number]["statement"]>): boolean | undefined => {
    if (!statement.conditionText && !statement.conditionCell) return undefined;
    const condition = statement.conditionCell;
    if (!condition) return false;
    const step = positionStep(shown.get(`${condition.issueId}:${condition.partyId}`)?.position as Position | undefined);
    return step !== null && step >= (positionStep(condition.minPosition) ?? Number.POSITIVE_INFINITY);
  };
  return {
    workspace: matrix.workspace,
    asOf: matrix.asOf,
    scale: ORDINAL_SCALE,
    positionLabels: matrix.positionLabels,
    parties: matrix.parties,
    issues: matrix.issues.map((issue) => {
      const positions = matrix.cells
        .flatMap((cell) =>
          cell.issueId === issue.id && cell.statement && partyOrder.has(cell.partyId)
            ? [
                {
                  partyId: cell.partyId,
                  position: cell.statement.position as Position,
                  step: positionStep(cell.statement.position as Position),
                  statedOn: cell.statement.statedOn,
                  statementId: cell.statement.id,
                  ...(conditionMet(cell.statement) === undefined ? {} : { conditionMet: conditionMet(cell.statement) }),
                },
              ]
            : [],
        )
        .sort((a, b) => (partyOrder.get(a.partyId) ?? 0) - (partyOrder.get(b.partyId) ?? 0));
      return { issueId: issue.id, title: issue.title, positions, ...assessIssue(positions) };
    }),
  };
}
