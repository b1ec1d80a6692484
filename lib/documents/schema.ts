import { z } from "zod";
import { MAX_DOCUMENT_BYTES } from "@/lib/documents/limits";
import { PartialDateSchema } from "@/lib/matrix/dates";
import { id, int4, line, paragraphs, text } from "@/lib/platform/validation";
import { WorkspaceSlugSchema } from "@/lib/workspaces/schema";

export const LanguageSchema = line({ max: 35 }).regex(
  /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/,
  "Use a language code such as en, ru or pt-BR.",
);

// Not trimmed: quote offsets count from the text's first character.
export const DocumentTextSchema = text({
  max: MAX_DOCUMENT_BYTES,
  multiline: true,
  trim: false,
  tooLong: `The text is larger than ${MAX_DOCUMENT_BYTES / 1024 / 1024} MB; split it into parts.`,
})
  .refine((text) => text.trim().length > 0, "The document has no text.")
  .refine(
    (text) => Buffer.byteLength(text, "utf8") <= MAX_DOCUMENT_BYTES,
    `The text is larger than ${MAX_DOCUMENT_BYTES / 1024 / 1024} MB; split it into parts.`,
  );

export const DOCUMENT_TITLE_MAX = 500;

export const DocumentMetadataSchema = z.object({
  title: line({
    min: 1,
    max: DOCUMENT_TITLE_MAX,
    tooShort: "Give the document a title.",
    tooLong: `Keep the title to ${DOCUMENT_TITLE_MAX} characters.`,
  }),
  outlet: line({ max: 200 }).default(""),
  url: line({ max: 2000 })
    .pipe(
      z.union([z.literal(""), z.url({ protocol: /^https?$/, error: "Use an http(s) address, or leave it empty." })]),
    )
    .default(""),
  // Left out: guessed from the text on import.
  language: LanguageSchema.optional(),
  publishedOn: z
    .union([z.literal(""), PartialDateSchema])
    .nullish()
    .transform((v) => v || null),
});

/** The JSON body of POST /api/w/[slug]/documents (publishedAt there, as scripts expect). */
export const ImportDocumentRequestSchema = DocumentMetadataSchema.omit({ publishedOn: true }).extend({
  publishedAt: z.union([z.literal(""), PartialDateSchema]).nullish(),
  text: DocumentTextSchema,
});

/** The metadata fields of a multipart POST /api/w/[slug]/documents (the text comes from the file). */
export const ImportFileRequestSchema = DocumentMetadataSchema.omit({ publishedOn: true }).extend({
  publishedAt: z.union([z.literal(""), PartialDateSchema]).nullish(),
});

/** From the app's form: pasted text, or an uploaded file's content with its name (converted on the server). */
export const ImportDocumentSchema = DocumentMetadataSchema.extend({
  workspaceSlug: WorkspaceSlugSchema,
  text: DocumentTextSchema,
  fileName: line({ max: 255 }).optional(),
});

export const CorrectDocumentSchema = z.object({
  workspaceSlug: WorkspaceSlugSchema,
  documentId: id("No such document."),
  baseRevision: int4({ min: 1 }),
  text: DocumentTextSchema,
  note: paragraphs({ min: 1, max: 1000, tooShort: "Say what was corrected." }),
});

/** A document's language, and the document it translates (null: it is an original). */
export const SetDocumentLanguageSchema = z.object({
  workspaceSlug: WorkspaceSlugSchema,
  documentId: id("No such document."),
  language: LanguageSchema,
  translationOfId: id("No such document.").nullable(),
});

export const DismissSuggestionSchema = z.object({
  workspaceSlug: WorkspaceSlugSchema,
  revisionId: id("No such revision."),
  startOffset: int4({ min: 0 }),
  endOffset: int4({ min: 1 }),
});

export const ReviewAnchorSchema = z.object({
  workspaceSlug: WorkspaceSlugSchema,
  evidenceId: id("No such quote."),
  revisionId: id("No such revision."),
});

export type ImportDocumentInput = z.infer<typeof ImportDocumentSchema>;
