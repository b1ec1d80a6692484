import { z } from "zod";
import {
  ConditionCellSchema,
  CorrectStatementSchema,
  EvidenceLinksSchema,
  RecordStatementSchema,
  RetractStatementSchema,
} from "@/lib/matrix/schema";
import { id, paragraphs } from "@/lib/platform/validation";
import { WorkspaceSlugSchema } from "@/lib/workspaces/schema";

export const RATIONALE_MAX = 2000;

/** The proposer's reasons for their reading, or the reviewer's for a decision. */
const ProposalRationaleSchema = paragraphs({
  max: RATIONALE_MAX,
  tooLong: `Keep the rationale to ${RATIONALE_MAX} characters.`,
});

const DecisionRationaleSchema = paragraphs({
  min: 1,
  max: RATIONALE_MAX,
  tooShort: "Say why: the rationale stays in the cell's history.",
  tooLong: `Keep the rationale to ${RATIONALE_MAX} characters.`,
});

// The same fields as the direct edits, so a proposal is exactly the edit it would make.
export const ProposeEditSchema = z.discriminatedUnion("kind", [
  RecordStatementSchema.extend({ kind: z.literal("RECORD"), rationale: ProposalRationaleSchema.default("") }),
  CorrectStatementSchema.extend({
    kind: z.literal("CORRECT"),
    links: EvidenceLinksSchema,
    rationale: ProposalRationaleSchema.default(""),
  }),
  RetractStatementSchema.extend({ kind: z.literal("RETRACT"), rationale: ProposalRationaleSchema.default("") }),
]);

export type ProposeEditInput = z.infer<typeof ProposeEditSchema>;

export const DecideProposalSchema = z.object({
  workspaceSlug: WorkspaceSlugSchema,
  proposalId: id("No such proposal."),
  rationale: DecisionRationaleSchema,
});

export type DecideProposalInput = z.infer<typeof DecideProposalSchema>;

/** The reviewer's own reading of a cell, recorded in place of the proposed ones, and why. */
export const OwnReadingSchema = RecordStatementSchema.extend({ rationale: DecisionRationaleSchema });

export type OwnReadingInput = z.infer<typeof OwnReadingSchema>;

export const RebaseProposalSchema = z.object({
  workspaceSlug: WorkspaceSlugSchema,
  proposalId: id("No such proposal."),
});

export const ReviewModeSchema = z.object({ workspaceSlug: WorkspaceSlugSchema, reviewMode: z.boolean() });

export const ProposalLinksSchema = z.array(
  z.object({ evidenceId: z.string(), relation: z.enum(["SUPPORTS", "CONTRADICTS", "CONTEXT"]) }),
);

export const ReviewQueueQuerySchema = z.object({
  issue: z.uuid().optional().catch(undefined),
  party: z.uuid().optional().catch(undefined),
  author: z.uuid().optional().catch(undefined),
});

/** A proposal's red line and condition: only what it names (a correction carries the rest). */
export const ProposalQualitiesSchema = z.object({
  redLine: z.boolean().optional(),
  conditionText: z.string().optional(),
  conditionCell: ConditionCellSchema.nullable().optional(),
});
