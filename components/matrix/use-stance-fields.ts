"use client";

import { useState } from "react";
import type { CellEdit } from "@/components/matrix/cell-edit";
import type { EvidenceRelation } from "@/lib/enums";
import type { CONDITION_MIN_POSITIONS, ConfidenceLevel } from "@/lib/matrix/limits";
import type { POSITIONS } from "@/lib/matrix/positions";
import type { MatrixStatement } from "@/lib/matrix/schema";

export type Position = (typeof POSITIONS)[number];
export type MinPosition = (typeof CONDITION_MIN_POSITIONS)[number];
export type QuoteLink = { evidenceId: string; relation: EvidenceRelation };

/** What a recorded or corrected statement says: the fields a retraction has none of. */
export type StanceFields = {
  position: Position;
  summary: string;
  statedOn: string;
  links: QuoteLink[];
  confidence: ConfidenceLevel;
  confidenceRationale: string;
  redLine: boolean;
  conditionText: string;
  conditionIssueId: string;
  conditionPartyId: string;
  conditionMin: MinPosition;
};

export type SetStanceField = <K extends keyof StanceFields>(name: K, value: StanceFields[K]) => void;

/** The user's own edit when the editor reopens after the server refused it, else a new statement's defaults. */
function initialFields(draft: CellEdit | undefined, statement: MatrixStatement | null, asOf: string): StanceFields {
  const kept = draft && draft.kind !== "retract" ? draft : null;
  return {
    position: kept ? kept.position : ((statement?.position as Position) ?? "NO_POSITION"),
    summary: kept ? kept.summary : "",
    statedOn: kept ? kept.statedOn : asOf,
    links: kept ? kept.links : [],
    confidence: kept ? kept.confidence : "MEDIUM",
    confidenceRationale: kept ? kept.confidenceRationale : "",
    redLine: kept ? kept.redLine : false,
    conditionText: kept ? kept.conditionText : "",
    conditionIssueId: kept?.conditionCell?.issueId ?? "",
    conditionPartyId: kept?.conditionCell?.partyId ?? "",
    conditionMin: kept?.conditionCell?.minPosition ?? "SUPPORTS",
  };
}

/** A statement as it stands, quotes and their relations included, for a correction to start from. */
function statementFields(statement: MatrixStatement): StanceFields {
  return {
    position: statement.position as Position,
    summary: statement.summary,
    statedOn: statement.statedOn,
    links: statement.links,
    confidence: statement.confidence,
    confidenceRationale: statement.confidenceRationale ?? "",
    redLine: statement.redLine ?? false,
    conditionText: statement.conditionText ?? "",
    conditionIssueId: statement.conditionCell?.issueId ?? "",
    conditionPartyId: statement.conditionCell?.partyId ?? "",
    conditionMin: statement.conditionCell?.minPosition ?? "SUPPORTS",
  };
}

/** The fields as an edit carries them: a condition on another cell only once both its party and issue are chosen. */
export function stanceOfFields({ conditionIssueId, conditionPartyId, conditionMin, ...fields }: StanceFields) {
  const conditionCell =
    conditionIssueId && conditionPartyId
      ? { issueId: conditionIssueId, partyId: conditionPartyId, minPosition: conditionMin }
      : null;
  return { ...fields, conditionCell };
}

/** The cell editor's statement fields: what the party said, how sure we are, its qualities and quotes. */
export function useStanceFields(draft: CellEdit | undefined, statement: MatrixStatement | null, asOf: string) {
  const [fields, setFields] = useState(() => initialFields(draft, statement, asOf));
  const set: SetStanceField = (name, value) => setFields((current) => ({ ...current, [name]: value }));
  const fillFrom = (shown: MatrixStatement) => setFields(statementFields(shown));
  return { fields, set, fillFrom };
}
