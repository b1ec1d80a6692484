import { z } from "zod";
import { WorkspaceSlugSchema } from "@/lib/workspaces/schema";
import { CalendarDateSchema } from "@/lib/matrix/dates";

export const AsOfSchema = CalendarDateSchema;

export const MatrixQuerySchema = z.object({ asOf: AsOfSchema.optional() });

export const CellParamsSchema = z.object({ issueId: z.uuid(), partyId: z.uuid() });

export const MatrixStatementSchema = z.object({
  id: z.string(),
  position: z.string(),
  summary: z.string(),
  statedOn: CalendarDateSchema,
  evidenceCount: z.number().int(),
});

export const MatrixViewSchema = z.object({
  workspace: z.object({ slug: z.string(), title: z.string() }),
  asOf: CalendarDateSchema,
  positionLabels: z.record(z.string(), z.string()),
  parties: z.array(z.object({ id: z.string(), name: z.string(), shortName: z.string(), colour: z.string() })),
  issues: z.array(z.object({ id: z.string(), title: z.string(), description: z.string() })),
  cells: z.array(z.object({ issueId: z.string(), partyId: z.string(), version: z.number().int(), statement: MatrixStatementSchema.nullable() })),
});

export type MatrixView = z.infer<typeof MatrixViewSchema>;
export type MatrixStatement = z.infer<typeof MatrixStatementSchema>;

// ── Editing ────────────────────────────────────────────────────────────────────────────────

export const PositionSchema = z.enum(["DEMANDS", "SUPPORTS", "OPEN", "CONDITIONAL", "OPPOSES", "REJECTS", "NO_POSITION"], {
  error: "Choose a position from the scale.",
});

export const RelationSchema = z.enum(["SUPPORTS", "CONTRADICTS", "CONTEXT"], { error: "Choose supports, contradicts or context." });

/** A stated date: a real calendar day, not before 1900 and not in the future. */
export const StatedOnSchema = CalendarDateSchema.refine((d) => d >= "1900-01-01", "Dates before 1900 are not accepted.").refine(
  (d) => d <= new Date().toISOString().slice(0, 10),
  "That date is in the future: record what was stated, once it has been.",
);

export const SummarySchema = z.string().trim().min(1, "Write a one- or two-sentence summary.").max(600, "Keep the summary to 600 characters.");

export const EvidenceLinksSchema = z
  .array(z.object({ evidenceId: z.uuid({ error: "No such quote." }), relation: RelationSchema }))
  .max(50, "Link at most 50 quotes.")
  .refine((links) => new Set(links.map((l) => l.evidenceId)).size === links.length, "A quote is linked twice.")
  .default([]);

const CellVersion = z.number().int().min(0);

export const RecordStatementSchema = z.object({
  workspaceSlug: WorkspaceSlugSchema,
  issueId: z.uuid({ error: "No such issue." }),
  partyId: z.uuid({ error: "No such party." }),
  baseVersion: CellVersion,
  position: PositionSchema,
  summary: SummarySchema,
  statedOn: StatedOnSchema,
  links: EvidenceLinksSchema,
});

export const CorrectStatementSchema = RecordStatementSchema.omit({ issueId: true, partyId: true }).extend({
  statementId: z.uuid({ error: "No such statement." }),
  reason: z.string().trim().min(1, "Say why the statement is being corrected.").max(1000),
});

export const RetractStatementSchema = z.object({
  workspaceSlug: WorkspaceSlugSchema,
  statementId: z.uuid({ error: "No such statement." }),
  baseVersion: CellVersion,
  reason: z.string().trim().min(1, "Say why the statement is being retracted.").max(1000),
});

export const CompareQuerySchema = z.object({ from: CalendarDateSchema, to: CalendarDateSchema });

export type RecordStatementInput = z.infer<typeof RecordStatementSchema>;
export type CorrectStatementInput = z.infer<typeof CorrectStatementSchema>;
export type RetractStatementInput = z.infer<typeof RetractStatementSchema>;
