import type { AmendmentKind, Confidence, EvidenceKind, EvidenceRelation, Position } from "@/lib/generated/prisma/enums";
import type { PositionLabels } from "@/lib/matrix/positions";

// What the matrix, briefing and annotation formatters read. data.ts fills these from the
// database; the formatters are pure functions of them, so they are tested without one.

export type ThreadComment = { author: string; body: string; createdAt: string; edited: boolean };

/** An open thread: its first comment (null when that was deleted) and its replies, oldest first. */
export type CommentThread = { id: string; root: ThreadComment | null; replies: ThreadComment[] };

export type Speaker = { name: string; role: string; affiliation: string };

export type SourceDocument = {
  id: string;
  title: string;
  outlet: string;
  url: string;
  publishedOn: string | null;
  revision: number;
};

export type Citation = {
  evidenceId: string;
  relation: EvidenceRelation;
  exact: string;
  kind: EvidenceKind;
  saidOn: string;
  speaker: Speaker | null;
  document: SourceDocument;
  threads: CommentThread[];
  /** For one side of a quote pair: every side (this one too), in the reader's order. */
  pair?: { evidenceId: string; role: "original" | "translation"; exact: string; language: string; title: string }[];
};

export type CellStatement = {
  id: string;
  position: Position;
  summary: string;
  statedOn: string;
  confidence: Confidence;
  confidenceRationale: string | null;
  /** Stated as non-negotiable. */
  redLine: boolean;
  /** A conditional offer's condition, in words and/or as another cell at a minimum step. */
  conditionText: string | null;
  conditionCell: { issue: string; party: string; minPosition: Position } | null;
  citations: Citation[];
  threads: CommentThread[];
};

/** One entry of the activity log, in the log's own sentence (lib/activity/sentences.ts). */
export type RecordedChange = { at: string; actor: string; text: string; detail: string | null };

/** The briefing's "What moved": the convergence digest between two dates, with absolute links. */
export type BriefingDigest = {
  from: string;
  to: string;
  sections: { title: string; entries: { sentence: string; href: string }[] }[];
};

export type MatrixExport = {
  workspace: { slug: string; title: string; description: string };
  asOf: string;
  positionLabels: PositionLabels;
  parties: { id: string; name: string; shortName: string; colour: string }[];
  issues: { id: string; title: string; description: string }[];
  /** Every issue × party, issues in matrix order and parties within each. */
  cells: { issueId: string; partyId: string; statement: CellStatement | null }[];
  /** The briefing's "What changed": the latest changes to the record up to the end of `asOf`, newest first. */
  changes: RecordedChange[];
  /** Briefings only: what moved between the export form's date (or the previous change date) and `asOf`. */
  whatMoved?: BriefingDigest | null;
};

export type AnnotatedEvidence = {
  id: string;
  exact: string;
  prefix: string;
  suffix: string;
  startOffset: number;
  endOffset: number;
  kind: EvidenceKind;
  saidOn: string;
  note: string;
  createdAt: string;
  creator: { id: string; name: string } | null;
  speaker: Speaker | null;
  document: SourceDocument & { language: string; revisionId: string };
  /** The original's quote this one translates (both sides of a pair are exported). */
  translationOfId?: string | null;
  links: {
    relation: EvidenceRelation;
    statement: {
      id: string;
      issueId: string;
      partyId: string;
      issue: string;
      party: string;
      position: Position;
      summary: string;
      statedOn: string;
      amendment: AmendmentKind | null;
    };
  }[];
};

export type EvidenceExport = {
  workspace: { id: string; slug: string; title: string };
  positionLabels: PositionLabels;
  evidence: AnnotatedEvidence[];
};
