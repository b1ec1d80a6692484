import { z } from "zod";
import { WorkspaceSlugSchema } from "@/lib/workspaces/schema";
import { PartialDateSchema } from "@/lib/matrix/dates";
import { MAX_DOCUMENT_BYTES } from "@/lib/documents/extract-text";


export const DocumentTextSchema = z
  .string()
  .refine((text) => text.trim().length > 0, "The document has no text.")
  .refine((text) => Buffer.byteLength(text, "utf8") <= MAX_DOCUMENT_BYTES, `The text is larger than ${MAX_DOCUMENT_BYTES / 1024 / 1024} MB; split it into parts.`);

export const DocumentMetadataSchema = z.object({
  title: z.string().trim().min(1, "Give the document a title.").max(500, "Keep the title under 500 characters."),
  outlet: z.string().trim().max(200).default(""),
  url: z.union([z.literal(""), z.url({ protocol: /^https?$/, error: "Use an http(s) address, or leave it empty." })]).default(""),
  language: z.string().trim().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, "Use a language code such as en, ru or pt-BR.").default("en"),
  publishedOn: z.union([z.literal(""), PartialDateSchema]).nullish().transform((v) => v || null),
});

/** The JSON body of POST /api/w/[slug]/documents (publishedAt there, as scripts expect). */
export const ImportDocumentRequestSchema = DocumentMetadataSchema.omit({ publishedOn: true }).extend({
  publishedAt: z.union([z.literal(""), PartialDateSchema]).nullish(),
  text: DocumentTextSchema,
});

/** From the app's form: pasted text, or an uploaded file's content with its name (converted on the server). */
export const ImportDocumentSchema = DocumentMetadataSchema.extend({
  workspaceSlug: WorkspaceSlugSchema,
  text: DocumentTextSchema,
  fileName: z.string().max(255).optional(),
});

export const CorrectDocumentSchema = z.object({
  workspaceSlug: WorkspaceSlugSchema,
  documentId: z.uuid({ error: "No such document." }),
  baseRevision: z.number().int().min(1),
  text: DocumentTextSchema,
  note: z.string().trim().min(1, "Say what was corrected.").max(1000),
});

export const DismissSuggestionSchema = z.object({
  workspaceSlug: WorkspaceSlugSchema,
  revisionId: z.uuid({ error: "No such revision." }),
  startOffset: z.number().int().min(0),
  endOffset: z.number().int().min(1),
});

export const ReviewAnchorSchema = z.object({ workspaceSlug: WorkspaceSlugSchema, evidenceId: z.uuid(), revisionId: z.uuid() });

export type ImportDocumentInput = z.infer<typeof ImportDocumentSchema>;
