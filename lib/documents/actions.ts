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
import { orRefuse, refuse, workspaceAction } from "@/lib/safe-action";

export const importDocumentAction = workspaceAction
  .metadata({ name: "importDocument", permission: "document:write" })
  .inputSchema(ImportDocumentSchema)
  .action(async ({ parsedInput: { workspaceSlug, fileName, text, ...input }, ctx }) => {
    const extracted = fileName ? extractText(fileName, text) : ({ ok: true, text } as const);
    if (!extracted.ok) return refuse("unsupported_file", extracted.message);
    const imported = orRefuse(await importDocument(ctx.workspace, { ...input, text: extracted.text }));
    revalidatePath(`/w/${workspaceSlug}/documents`);
    return imported;
  });

export const correctDocumentAction = workspaceAction
  .metadata({ name: "correctDocument", permission: "document:write" })
  .inputSchema(CorrectDocumentSchema)
  .action(async ({ parsedInput: { workspaceSlug, ...input }, ctx }) => {
    const done = orRefuse(await correctDocument(ctx.workspace, input));
    revalidatePath(`/w/${workspaceSlug}`, "layout");
    return done;
  });

export const dismissSuggestionAction = workspaceAction
  .metadata({ name: "dismissSuggestion", permission: "evidence:write" })
  .inputSchema(DismissSuggestionSchema)
  .action(async ({ parsedInput: { workspaceSlug, ...input }, ctx }) => {
    const done = orRefuse(await dismissSuggestion(ctx.workspace, input));
    revalidatePath(`/w/${workspaceSlug}/documents`, "layout");
    return done;
  });

export const markAnchorReviewedAction = workspaceAction
  .metadata({ name: "markAnchorReviewed", permission: "evidence:write" })
  .inputSchema(ReviewAnchorSchema)
  .action(async ({ parsedInput: { workspaceSlug, ...input }, ctx }) => {
    const done = orRefuse(await markAnchorReviewed(ctx.workspace, input));
    revalidatePath(`/w/${workspaceSlug}/review`);
    return done;
  });

export const setDocumentLanguageAction = workspaceAction
  .metadata({ name: "setDocumentLanguage", permission: "document:write" })
  .inputSchema(SetDocumentLanguageSchema)
  .action(async ({ parsedInput: { workspaceSlug, ...input }, ctx }) => {
    const done = orRefuse(await setDocumentLanguage(ctx.workspace, input));
    revalidatePath(`/w/${workspaceSlug}`, "layout");
    return done;
  });
