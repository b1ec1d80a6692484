import { z } from "zod";
import { CalendarDateSchema, toCalendarDate } from "@/lib/matrix/dates";
import {
  CONDITION_MIN_POSITIONS,
  CONDITION_TEXT_MAX,
  CONFIDENCE_LABELS,
  CONFIDENCE_LEVELS,
  CONFIDENCE_RATIONALE_MAX,
  type ConfidenceLevel,
  SUMMARY_MAX,
} from "@/lib/matrix/limits";
import { id, int4, line, paragraphs } from "@/lib/platform/validation";
import { WorkspaceSlugSchema } from "@/lib/workspaces/schema";

export const AsOfSchema = CalendarDateSchema;

export const MatrixQuerySchema = z.object({ asOf: AsOfSchema.optional() });

export const CellParamsSchema = z.object({ issueId: id("No such issue."), partyId: id("No such party.") });

export const RelationSchema = z.enum(["SUPPORTS", "CONTRADICTS", "CONTEXT"], {
  error: "Choose supports, contradicts or context.",
});

export const ConfidenceSchema = z.enum(CONFIDENCE_LEVELS, {
  error: "Choose low, medium or high confidence.",
});

export type { ConfidenceLevel };
export { CONDITION_MIN_POSITIONS, CONDITION_TEXT_MAX, CONFIDENCE_LABELS, CONFIDENCE_RATIONALE_MAX, SUMMARY_MAX };

/** Why the analyst is as sure as they are; an empty rationale is none. */
export const ConfidenceRationaleSchema = paragraphs({
  max: CONFIDENCE_RATIONALE_MAX,
  tooLong: `Keep the confidence rationale to ${CONFIDENCE_RATIONALE_MAX} characters.`,
});

/** Another cell of the same workspace that must stand at `minPosition` or better. */
export const ConditionCellSchema = z.object({
  issueId: id("No such issue."),
  partyId: id("No such party."),
  minPosition: z.enum(CONDITION_MIN_POSITIONS, { error: "Choose a position on the scale, from Rejects to Demands." }),
});

export const StatementQualitiesSchema = z.object({
  redLine: z.boolean(),
  conditionText: z.string().nullable(),
  conditionCell: ConditionCellSchema.nullable(),
});

export type StatementQualities = z.infer<typeof StatementQualitiesSchema>;

export const MatrixStatementSchema = z.object({
  id: z.string(),
  position: z.string(),
  summary: z.string(),
  statedOn: CalendarDateSchema,
  confidence: ConfidenceSchema,
  confidenceRationale: z.string().nullable(),
  // Absent: no red line, no condition.
  redLine: z.boolean().optional(),
  conditionText: z.string().nullable().optional(),
  conditionCell: ConditionCellSchema.nullable().optional(),
  evidenceCount: z.number().int(),
  links: z.array(z.object({ evidenceId: z.string(), relation: RelationSchema })),
});

export const MatrixViewSchema = z.object({
  workspace: z.object({ slug: z.string(), title: z.string() }),
  asOf: CalendarDateSchema,
  positionLabels: z.record(z.string(), z.string()),
  parties: z.array(z.object({ id: z.string(), name: z.string(), shortName: z.string(), colour: z.string() })),
  issues: z.array(z.object({ id: z.string(), title: z.string(), description: z.string() })),
  cells: z.array(
    z.object({
      issueId: z.string(),
      partyId: z.string(),
      version: z.number().int(),
      statement: MatrixStatementSchema.nullable(),
    }),
  ),
});

export type MatrixView = z.infer<typeof MatrixViewSchema>;
export type MatrixStatement = z.infer<typeof MatrixStatementSchema>;

// ── Editing ────────────────────────────────────────────────────────────────────────────────

export const PositionSchema = z.enum(
  ["DEMANDS", "SUPPORTS", "OPEN", "CONDITIONAL", "OPPOSES", "REJECTS", "NO_POSITION"],
  {
    error: "Choose a position from the scale.",
  },
);

/** A stated date: a real calendar day, not before 1900 (CalendarDateSchema) and not in the future. */
export const StatedOnSchema = CalendarDateSchema.refine(
  (d) => d <= toCalendarDate(new Date()),
  "That date is in the future: record what was stated, once it has been.",
);

export const SummarySchema = paragraphs({
  min: 1,
  max: SUMMARY_MAX,
  tooShort: "Write a one- or two-sentence summary.",
  tooLong: `Keep the summary to ${SUMMARY_MAX} characters.`,
});

const EvidenceLinkListSchema = z
  .array(z.object({ evidenceId: id("No such quote."), relation: RelationSchema }))
  .max(50, "Link at most 50 quotes.")
  .refine((links) => new Set(links.map((l) => l.evidenceId)).size === links.length, "A quote is linked twice.");

export const EvidenceLinksSchema = EvidenceLinkListSchema.default([]);

const CellVersion = int4({ min: 0 });

const ConditionTextSchema = line({
  max: CONDITION_TEXT_MAX,
  tooLong: `Keep the condition to ${CONDITION_TEXT_MAX} characters.`,
});

export const RecordStatementSchema = z.object({
  workspaceSlug: WorkspaceSlugSchema,
  issueId: id("No such issue."),
  partyId: id("No such party."),
  baseVersion: CellVersion,
  position: PositionSchema,
  summary: SummarySchema,
  statedOn: StatedOnSchema,
  links: EvidenceLinksSchema,
  // Left out: medium, and no rationale.
  confidence: ConfidenceSchema.optional(),
  confidenceRationale: ConfidenceRationaleSchema.optional(),
  // Left out: no red line and no condition. An empty condition text is none.
  redLine: z.boolean().optional(),
  conditionText: ConditionTextSchema.optional(),
  conditionCell: ConditionCellSchema.nullable().optional(),
});

export const CorrectStatementSchema = RecordStatementSchema.omit({ issueId: true, partyId: true }).extend({
  statementId: id("No such statement."),
  // Left out, the correction keeps the corrected statement's quotes; an empty list removes them.
  links: EvidenceLinkListSchema.optional(),
  // Likewise its confidence and rationale; an empty rationale removes it.
  confidence: ConfidenceSchema.optional(),
  confidenceRationale: ConfidenceRationaleSchema.optional(),
  // Likewise its red line and condition; an empty text or a null cell removes that part.
  redLine: z.boolean().optional(),
  conditionText: ConditionTextSchema.optional(),
  conditionCell: ConditionCellSchema.nullable().optional(),
  reason: paragraphs({ min: 1, max: 1000, tooShort: "Say why the statement is being corrected." }),
});

export const RetractStatementSchema = z.object({
  workspaceSlug: WorkspaceSlugSchema,
  statementId: id("No such statement."),
  baseVersion: CellVersion,
  reason: paragraphs({ min: 1, max: 1000, tooShort: "Say why the statement is being retracted." }),
});

export const CompareQuerySchema = z.object({ from: CalendarDateSchema, to: CalendarDateSchema });

export type RecordStatementInput = z.infer<typeof RecordStatementSchema>;
export type CorrectStatementInput = z.infer<typeof CorrectStatementSchema>;
export type RetractStatementInput = z.infer<typeof RetractStatementSchema>;

/** Where a page of the statement list ends: opaque to clients, checked on the way back in. */
export const StatementCursorSchema = z
  .string()
  .max(200)
  .regex(/^[A-Za-z0-9_-]+$/, "Not a cursor from this list: pass `nextCursor` back as it came.");

/** Every statement ever recorded (amended ones too), oldest recording first, narrowed by cell and stated date. */
export const StatementListQuerySchema = z.object({
  issueId: id("No such issue.").optional(),
  partyId: id("No such party.").optional(),
  from: CalendarDateSchema.optional(),
  to: CalendarDateSchema.optional(),
  cursor: StatementCursorSchema.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export type StatementListQuery = z.infer<typeof StatementListQuerySchema>;
