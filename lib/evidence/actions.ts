"use server";

import { revalidatePath } from "next/cache";
import { createEvidence, linkEvidence, pairQuote, unpairQuote } from "@/lib/evidence/mutations";
import { CreateEvidenceSchema, LinkEvidenceSchema, PairQuoteSchema, UnpairQuoteSchema } from "@/lib/evidence/schema";
import { workspaceAction } from "@/lib/safe-action";

export const createEvidenceAction = workspaceAction
  .metadata({ name: "createEvidence", permission: "evidence:write" })
  .inputSchema(CreateEvidenceSchema)
  .action(async ({ parsedInput: { workspaceSlug, ...input }, ctx }) => {
    const result = await createEvidence(ctx.workspace, input);
    if (result.ok) revalidatePath(`/w/${workspaceSlug}`, "layout");
    return result;
  });

export const pairQuoteAction = workspaceAction
  .metadata({ name: "pairQuote", permission: "evidence:write" })
  .inputSchema(PairQuoteSchema)
  .action(async ({ parsedInput: { workspaceSlug, ...input }, ctx }) => {
    const result = await pairQuote(ctx.workspace, input);
    if (result.ok) revalidatePath(`/w/${workspaceSlug}`, "layout");
    return result;
  });

export const unpairQuoteAction = workspaceAction
  .metadata({ name: "unpairQuote", permission: "evidence:write" })
  .inputSchema(UnpairQuoteSchema)
  .action(async ({ parsedInput: { workspaceSlug, ...input }, ctx }) => {
    const result = await unpairQuote(ctx.workspace, input);
    if (result.ok) revalidatePath(`/w/${workspaceSlug}`, "layout");
    return result;
  });

export const linkEvidenceAction = workspaceAction
  .metadata({ name: "linkEvidence", permission: "evidence:write" })
  .inputSchema(LinkEvidenceSchema)
  .action(async ({ parsedInput: { workspaceSlug, ...input }, ctx }) => {
    const result = await linkEvidence(ctx.workspace, input);
    if (result.ok) revalidatePath(`/w/${workspaceSlug}`, "layout");
    return result;
  });
