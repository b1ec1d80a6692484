import { z } from "zod";
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
  cells: z.array(z.object({ issueId: z.string(), partyId: z.string(), statement: MatrixStatementSchema })),
});

export type MatrixView = z.infer<typeof MatrixViewSchema>;
export type MatrixStatement = z.infer<typeof MatrixStatementSchema>;
