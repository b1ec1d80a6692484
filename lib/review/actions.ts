"use server";

import { revalidatePath } from "next/cache";
import { after } from "next/server";
import {
  acceptProposal,
  proposeEdit,
  rebaseProposal,
  recordOwnReading,
  rejectProposal,
  setReviewMode,
} from "@/lib/review/mutations";
import { sendProposalNotificationMails } from "@/lib/review/notification-mail";
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

/** After the response: mail the notices a committed proposal or decision left, when SMTP is set up. */
function mailAfterwards(
  workspace: { slug: string; title: string },
  result: { ok: true; proposalId?: string; rejected?: string[] } | { ok: false },
) {
  if (!result.ok) return;
  const decided = result.rejected !== undefined;
  const proposalIds = [...(result.proposalId ? [result.proposalId] : []), ...(result.rejected ?? [])];
  after(() =>
    sendProposalNotificationMails({
      workspace,
      proposalIds,
      kinds: decided ? ["PROPOSAL_ACCEPTED", "PROPOSAL_REJECTED"] : ["PROPOSAL_WAITING"],
    }),
  );
}

export const proposeEditAction = workspaceAction
  .metadata({ name: "proposeEdit", permission: "stance:write" })
  .inputSchema(ProposeEditSchema)
  .action(async ({ parsedInput, ctx }) => {
    const result = await proposeEdit(ctx.workspace, parsedInput);
    mailAfterwards(ctx.workspace, result);
    return revalidateWorkspace(ctx.workspace.slug, result);
  });

export const acceptProposalAction = workspaceAction
  .metadata({ name: "acceptProposal", permission: "proposal:review" })
  .inputSchema(DecideProposalSchema)
  .action(async ({ parsedInput, ctx }) => {
    const result = await acceptProposal(ctx.workspace, parsedInput);
    mailAfterwards(ctx.workspace, result);
    return revalidateWorkspace(ctx.workspace.slug, result);
  });

export const rejectProposalAction = workspaceAction
  .metadata({ name: "rejectProposal", permission: "proposal:review" })
  .inputSchema(DecideProposalSchema)
  .action(async ({ parsedInput, ctx }) => {
    const result = await rejectProposal(ctx.workspace, parsedInput);
    mailAfterwards(ctx.workspace, result);
    return revalidateWorkspace(ctx.workspace.slug, result);
  });

export const recordOwnReadingAction = workspaceAction
  .metadata({ name: "recordOwnReading", permission: "proposal:review" })
  .inputSchema(OwnReadingSchema)
  .action(async ({ parsedInput, ctx }) => {
    const result = await recordOwnReading(ctx.workspace, parsedInput);
    mailAfterwards(ctx.workspace, result);
    return revalidateWorkspace(ctx.workspace.slug, result);
  });

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
