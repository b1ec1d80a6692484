import { z } from "zod";
import { CalendarDateSchema } from "@/lib/matrix/dates";
import { RelationSchema } from "@/lib/matrix/schema";
import { id, int4, line, paragraphs, text } from "@/lib/platform/validation";
import { WorkspaceSlugSchema } from "@/lib/workspaces/schema";

export const EvidenceKindSchema = z.enum(
  ["DIRECT_QUOTE", "REPORTED_SPEECH", "EXPERT_ASSESSMENT", "OFFICIAL_DOCUMENT"],
  { error: "Choose what kind of evidence this is." },
);

export const NewPersonSchema = z.object({
  name: line({ min: 1, max: 200, tooShort: "Give the speaker's name." }),
  role: line({ max: 300 }).default(""),
  partyId: id("No such party.").nullish(),
  organisation: line({ max: 200 }).default(""),
});

// What a saved passage says about itself, whichever way it is located in the text.
const EvidenceDetails = {
  speakerId: id("No such speaker.").nullish(),
  newSpeaker: NewPersonSchema.nullish(),
  saidOn: z.union([z.literal(""), CalendarDateSchema]).nullish(),
  kind: EvidenceKindSchema,
  note: paragraphs({ max: 5000 }).default(""),
  links: z
    .array(z.object({ statementId: id("No such statement."), relation: RelationSchema }))
    .max(50)
    .default([]),
};

const EvidenceExact = text({
  min: 1,
  max: 10000,
  multiline: true,
  trim: false,
  tooShort: "Select some text first.",
  tooLong: "Select at most 10,000 characters.",
});

/**
 * A passage to save as evidence, by its place. Offsets count Unicode code points in the named
 * revision's text; the server checks them, the exact words and the surrounding context against
 * that text.
 */
export const EvidenceAnchorFieldsSchema = z.object({
  documentId: id("No such document."),
  revisionId: id("No such revision."),
  startOffset: int4({ min: 0, message: "The selection starts before the text." }),
  endOffset: int4({ min: 1 }),
  exact: EvidenceExact,
  prefix: text({ max: 32, multiline: true, trim: false }),
  suffix: text({ max: 32, multiline: true, trim: false }),
  ...EvidenceDetails,
});

function withEvidenceChecks<T extends z.ZodType<{ speakerId?: string | null; newSpeaker?: unknown }>>(schema: T) {
  return schema.refine((v) => !(v.speakerId && v.newSpeaker), {
    path: ["speakerId"],
    message: "Choose a speaker or create one, not both.",
  });
}

const nonEmptySelection = (v: { startOffset: number; endOffset: number }) => v.startOffset < v.endOffset;
const EMPTY_SELECTION = { path: ["endOffset"], message: "The selection is empty." };

export const CreateEvidenceSchema = withEvidenceChecks(
  EvidenceAnchorFieldsSchema.extend({ workspaceSlug: WorkspaceSlugSchema }).refine(nonEmptySelection, EMPTY_SELECTION),
);

/** The same passage for a script that names the workspace in the address. */
export const CreateEvidenceAtOffsetsSchema = withEvidenceChecks(
  EvidenceAnchorFieldsSchema.refine(nonEmptySelection, EMPTY_SELECTION),
);

/**
 * A passage by its words: the `occurrence`-th (from 0) verbatim occurrence of `quote` in the
 * document's current text, anchored and verified by the server like a selection.
 */
export const CreateEvidenceFromQuoteSchema = withEvidenceChecks(
  z.object({
    documentId: id("No such document."),
    quote: EvidenceExact,
    occurrence: int4({ max: 10000 }).default(0),
    ...EvidenceDetails,
  }),
);

export type CreateEvidenceInput = z.infer<typeof CreateEvidenceSchema>;
export type CreateEvidenceFromQuoteInput = z.infer<typeof CreateEvidenceFromQuoteSchema>;

/**
 * Pairs a quote of an original with its rendering in a translation of that document: either a
 * passage of the translation named by its exact words (saved as a quote, anchored and verified
 * like any other), or a quote already saved there.
 */
export const PairQuoteSchema = z
  .object({
    workspaceSlug: WorkspaceSlugSchema,
    originalId: id("No such quote."),
    documentId: id("No such document."),
    exact: text({
      max: 10000,
      multiline: true,
      trim: false,
      tooLong: "Give at most 10,000 characters.",
    }).optional(),
    translationId: id("No such quote.").optional(),
  })
  .refine((v) => (v.exact ? 1 : 0) + (v.translationId ? 1 : 0) === 1, {
    path: ["exact"],
    message: "Give the translated passage's exact words.",
  });

export const UnpairQuoteSchema = z.object({
  workspaceSlug: WorkspaceSlugSchema,
  evidenceId: id("No such quote."),
});

export type PairQuoteInput = z.infer<typeof PairQuoteSchema>;

/** A saved quote linked to a stance statement already recorded (its cell's current one, say). */
export const LinkEvidenceSchema = z.object({
  workspaceSlug: WorkspaceSlugSchema,
  evidenceId: id("No such quote."),
  statementId: id("No such statement."),
  relation: RelationSchema,
});

export type LinkEvidenceInput = z.infer<typeof LinkEvidenceSchema>;
