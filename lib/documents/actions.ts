"use server";

import { revalidatePath } from "next/cache";
import { extractText } from "@/lib/documents/extract-text";
import {
  correctDocument,
  dismissSuggestion,
  importDocument,
  markAnchorReviewed,
  setDocumentLanguage,
} from "@/lib/documents/mutations";
import {
  CorrectDocumentSchema,
  DismissSuggestionSchema,
  ImportDocumentSchema,
  ReviewAnchorSchema,
  SetDocumentLanguageSchema,
} from "@/lib/documents/schema";
import { workspaceAction } from "@/lib/safe-action";

export const importDocumentAction = workspaceAction
  .metadata({ name: "importDocument", permission: "document:write" })
  .inputSchema(ImportDocumentSchema)
  .action(async ({ parsedInput: { workspaceSlug, fileName, text, ...input }, ctx }) => {
    const extracted = fileName ? extractText(fileName, text) : ({ ok: true, text } as const);
    if (!extracted.ok) return { ok: false as const, reason: "unsupported_file" as const, message: extracted.message };
    const result = await importDocument(ctx.workspace, { ...input, text: extracted.text });
    if (result.ok) revalidatePath(`/w/${workspaceSlug}/documents`);
    return result;
  });

export const correctDocumentAction = workspaceAction
  .metadata({ name: "correctDocument", permission: "document:write" })
  .inputSchema(CorrectDocumentSchema)
  .action(async ({ parsedInput: { workspaceSlug, ...input }, ctx }) => {
    const result = await correctDocument(ctx.workspace, input);
    if (result.ok) revalidatePath(`/w/${workspaceSlug}`, "layout");
    return result;
  });

export const dismissSuggestionAction = workspaceAction
  .metadata({ name: "dismissSuggestion", permission: "evidence:write" })
  .inputSchema(DismissSuggestionSchema)
  .action(async ({ parsedInput: { workspaceSlug, ...input }, ctx }) => {
    const result = await dismissSuggestion(ctx.workspace, input);
    if (result.ok) revalidatePath(`/w/${workspaceSlug}/documents`, "layout");
    return result;
  });

export const markAnchorReviewedAction = workspaceAction
  .metadata({ name: "markAnchorReviewed", permission: "evidence:write" })
  .inputSchema(ReviewAnchorSchema)
  .action(async ({ parsedInput: { workspaceSlug, ...input }, ctx }) => {
    const result = await markAnchorReviewed(ctx.workspace, input);
    if (result.ok) revalidatePath(`/w/${workspaceSlug}/review`);
    return result;
  });

export const setDocumentLanguageAction = workspaceAction
  .metadata({ name: "setDocumentLanguage", permission: "document:write" })
  .inputSchema(SetDocumentLanguageSchema)
  .action(async ({ parsedInput: { workspaceSlug, ...input }, ctx }) => {
    const result = await setDocumentLanguage(ctx.workspace, input);
    if (result.ok) revalidatePath(`/w/${workspaceSlug}`, "layout");
    return result;
  });
