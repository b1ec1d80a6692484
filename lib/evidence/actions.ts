"use server";

import { revalidatePath } from "next/cache";
import { createEvidence, linkEvidence, pairQuote, unpairQuote } from "@/lib/evidence/mutations";
import { CreateEvidenceSchema, LinkEvidenceSchema, PairQuoteSchema, UnpairQuoteSchema } from "@/lib/evidence/schema";
import { orRefuse, workspaceAction } from "@/lib/safe-action";

export const createEvidenceAction = workspaceAction
  .metadata({ name: "createEvidence", permission: "evidence:write" })
  .inputSchema(CreateEvidenceSchema)
  .action(async ({ parsedInput: { workspaceSlug, ...input }, ctx }) => {
    const created = orRefuse(await createEvidence(ctx.workspace, input));
    revalidatePath(`/w/${workspaceSlug}`, "layout");
    return created;
  });

export const pairQuoteAction = workspaceAction
  .metadata({ name: "pairQuote", permission: "evidence:write" })
  .inputSchema(PairQuoteSchema)
  .action(async ({ parsedInput: { workspaceSlug, ...input }, ctx }) => {
    const paired = orRefuse(await pairQuote(ctx.workspace, input));
    revalidatePath(`/w/${workspaceSlug}`, "layout");
    return paired;
  });

export const unpairQuoteAction = workspaceAction
  .metadata({ name: "unpairQuote", permission: "evidence:write" })
  .inputSchema(UnpairQuoteSchema)
  .action(async ({ parsedInput: { workspaceSlug, ...input }, ctx }) => {
    const unpaired = orRefuse(await unpairQuote(ctx.workspace, input));
    revalidatePath(`/w/${workspaceSlug}`, "layout");
    return unpaired;
  });

export const linkEvidenceAction = workspaceAction
  .metadata({ name: "linkEvidence", permission: "evidence:write" })
  .inputSchema(LinkEvidenceSchema)
  .action(async ({ parsedInput: { workspaceSlug, ...input }, ctx }) => {
    const linked = orRefuse(await linkEvidence(ctx.workspace, input));
    revalidatePath(`/w/${workspaceSlug}`, "layout");
    return linked;
  });
