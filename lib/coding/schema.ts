import { z } from "zod";
import { POSITIONS } from "@/lib/matrix/positions";
import { id, int4, line } from "@/lib/platform/validation";
import { WorkspaceSlugSchema } from "@/lib/workspaces/schema";

export const ROUND_TITLE_MAX = 200;
export const SAMPLE_MAX = 500;

/** The quotes a round codes: every quote of one document, or a random sample of the workspace's. */
export const RoundScopeSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("document"), documentId: id("No such document.") }),
  z.object({
    kind: z.literal("sample"),
    size: int4({ min: 2, max: SAMPLE_MAX, message: `Sample between 2 and ${SAMPLE_MAX} quotes.` }),
  }),
]);

export const StartCodingRoundSchema = z.object({
  workspaceSlug: WorkspaceSlugSchema,
  title: line({
    min: 1,
    max: ROUND_TITLE_MAX,
    tooShort: "Give the round a title.",
    tooLong: `Keep the title to ${ROUND_TITLE_MAX} characters.`,
  }),
  scope: RoundScopeSchema,
  coderIds: z
    .array(id("No such member."))
    .min(2, { error: "Assign at least two coders." })
    .max(20, { error: "Assign at most 20 coders." })
    .refine((ids) => new Set(ids).size === ids.length, { error: "Each coder once." }),
});

export type StartCodingRoundInput = z.infer<typeof StartCodingRoundSchema>;

export const RecordCodeSchema = z.object({
  workspaceSlug: WorkspaceSlugSchema,
  roundId: id("No such coding round."),
  evidenceId: id("No such quote in this round."),
  partyId: id("No such party."),
  issueId: id("No such issue."),
  position: z.enum(POSITIONS, { error: "Choose a position." }),
});

export type RecordCodeInput = z.infer<typeof RecordCodeSchema>;

export const CloseCodingRoundSchema = z.object({
  workspaceSlug: WorkspaceSlugSchema,
  roundId: id("No such coding round."),
});
