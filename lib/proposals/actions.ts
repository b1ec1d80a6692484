"use server";

import { revalidatePath } from "next/cache";
import {
  addProvision,
  createNegotiationProposal,
  deleteNegotiationProposal,
  removeProvision,
} from "@/lib/proposals/mutations";
import {
  AddProvisionSchema,
  CreateNegotiationProposalSchema,
  NegotiationProposalIdSchema,
  ProvisionIdSchema,
} from "@/lib/proposals/schema";
import { orRefuse, workspaceAction } from "@/lib/safe-action";

// Proposals show on their own pages, on cell pages and in the document reader (as quotes): a
// change revalidates the whole workspace. Changing a proposal or a provision in place has its
// mutation (lib/proposals/mutations.ts) but no action yet: the pages have no form for it.
const revalidateWorkspace = (slug: string) => revalidatePath(`/w/${slug}`, "layout");

export const createNegotiationProposalAction = workspaceAction
  .metadata({ name: "createNegotiationProposal", permission: "negotiation:write" })
  .inputSchema(CreateNegotiationProposalSchema)
  .action(async ({ parsedInput: { workspaceSlug: _slug, ...input }, ctx }) => {
    const done = orRefuse(await createNegotiationProposal(ctx.workspace, input));
    revalidateWorkspace(ctx.workspace.slug);
    return done;
  });

export const deleteNegotiationProposalAction = workspaceAction
  .metadata({ name: "deleteNegotiationProposal", permission: "negotiation:write" })
  .inputSchema(NegotiationProposalIdSchema)
  .action(async ({ parsedInput, ctx }) => {
    const done = orRefuse(await deleteNegotiationProposal(ctx.workspace, parsedInput.proposalId));
    revalidateWorkspace(ctx.workspace.slug);
    return done;
  });

export const addProvisionAction = workspaceAction
  .metadata({ name: "addProvision", permission: "negotiation:write" })
  .inputSchema(AddProvisionSchema)
  .action(async ({ parsedInput: { workspaceSlug: _slug, ...input }, ctx }) => {
    const done = orRefuse(await addProvision(ctx.workspace, input));
    revalidateWorkspace(ctx.workspace.slug);
    return done;
  });

export const removeProvisionAction = workspaceAction
  .metadata({ name: "removeProvision", permission: "negotiation:write" })
  .inputSchema(ProvisionIdSchema)
  .action(async ({ parsedInput, ctx }) => {
    const done = orRefuse(await removeProvision(ctx.workspace, parsedInput.provisionId));
    revalidateWorkspace(ctx.workspace.slug);
    return done;
  });
