import type { Confidence, EvidenceRelation, Position } from "@/lib/generated/prisma/enums";

export declare const MATRIX_AS_OF_SQL: string;

/** A row of MATRIX_AS_OF_SQL: a cell, and its statement's columns (all null when it has none). */
export type MatrixAsOfRow = {
  issueId: string;
  partyId: string;
  version: number;
  id: string | null;
  position: Position | null;
  summary: string | null;
  statedOn: Date | null;
  confidence: Confidence | null;
  confidenceRationale: string | null;
  redLine: boolean | null;
  conditionText: string | null;
  conditionIssueId: string | null;
  conditionPartyId: string | null;
  conditionMinPosition: Position | null;
  evidenceCount: number;
  links: { evidenceId: string; relation: EvidenceRelation }[];
};
