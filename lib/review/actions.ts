"use server";

import { revalidatePath } from "next/cache";
import {
  acceptProposal,
  proposeEdit,
  rebaseProposal,
  recordOwnReading,
  rejectProposal,
  setReviewMode,
} from "@/lib/review/mutations";
import {
  DecideProposalSchema,
  OwnReadingSchema,
  ProposeEditSchema,
  RebaseProposalSchema,
  ReviewModeSchema,
} from "@/lib/review/schema";
import { workspaceAction } from "@/lib/safe-action";

// Refusals (stale, already decided, missing quotes) come back as data for the page to show.

function revalidateWorkspace<T extends { ok: boolean }>(slug: string, result: T): T {
  if (result.ok) revalidatePath(`/w/${slug}`, "layout");
  return result;
}

export const proposeEditAction = workspaceAction
  .metadata({ name: "proposeEdit", permission: "stance:write" })
  .inputSchema(ProposeEditSchema)
  .action(async ({ parsedInput, ctx }) =>
    revalidateWorkspace(ctx.workspace.slug, await proposeEdit(ctx.workspace, parsedInput)),
  );

export const acceptProposalAction = workspaceAction
  .metadata({ name: "acceptProposal", permission: "proposal:review" })
  .inputSchema(DecideProposalSchema)
  .action(async ({ parsedInput, ctx }) =>
    revalidateWorkspace(ctx.workspace.slug, await acceptProposal(ctx.workspace, parsedInput)),
  );

export const rejectProposalAction = workspaceAction
  .metadata({ name: "rejectProposal", permission: "proposal:review" })
  .inputSchema(DecideProposalSchema)
  .action(async ({ parsedInput, ctx }) =>
    revalidateWorkspace(ctx.workspace.slug, await rejectProposal(ctx.workspace, parsedInput)),
  );

export const recordOwnReadingAction = workspaceAction
  .metadata({ name: "recordOwnReading", permission: "proposal:review" })
  .inputSchema(OwnReadingSchema)
  .action(async ({ parsedInput, ctx }) =>
    revalidateWorkspace(ctx.workspace.slug, await recordOwnReading(ctx.workspace, parsedInput)),
  );

export const rebaseProposalAction = workspaceAction
  .metadata({ name: "rebaseProposal", permission: "stance:write" })
  .inputSchema(RebaseProposalSchema)
  .action(async ({ parsedInput, ctx }) =>
    revalidateWorkspace(ctx.workspace.slug, await rebaseProposal(ctx.workspace, parsedInput.proposalId)),
  );

export const setReviewModeAction = workspaceAction
  .metadata({ name: "setReviewMode", permission: "workspace:settings" })
  .inputSchema(ReviewModeSchema)
  .action(async ({ parsedInput, ctx }) => {
    await setReviewMode(ctx.workspace, parsedInput.reviewMode);
    revalidatePath(`/w/${ctx.workspace.slug}`, "layout");
    return { ok: true as const, reviewMode: parsedInput.reviewMode };
  });
