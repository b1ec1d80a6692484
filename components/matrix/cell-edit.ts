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

/** The mutations that save a workspace's cell edits (the board shows those in flight as pending). */
export const cellEditKey = (slug: string) => ["cell-edit", { slug }] as const;
/** The mutations that propose a workspace's cell edits for review. */
export const proposeEditKey = (slug: string) => ["propose-edit", { slug }] as const;

/** A refused edit: the server's message, or the fields it refused and why. */
export class EditFailure extends Error {
  constructor(
    message: string,
    readonly fieldErrors?: Record<string, string[] | undefined>,
  ) {
    super(message);
  }
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
