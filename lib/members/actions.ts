"use server";

import { revalidatePath } from "next/cache";
import { signInNewAccount } from "@/lib/account/sign-in-new-account";
import { sendInvitationMail } from "@/lib/members/invitation-mail";
import {
  acceptInvitation,
  changeMemberRole,
  createInvitation,
  registerWithInvitation,
  removeMember,
  requestInvitationCode,
  revokeInvitation,
} from "@/lib/members/mutations";
import {
  AcceptInvitationSchema,
  ChangeRoleSchema,
  CreateInvitationSchema,
  InvitationIdSchema,
  RegisterWithInvitationSchema,
  RemoveMemberSchema,
  RequestInvitationCodeSchema,
} from "@/lib/members/schema";
import { currentClientAddress } from "@/lib/platform/auth/client-address";
import { takeAttempt, waitPhrase } from "@/lib/platform/auth/throttle";
import { actionClient, orRefuse, refuse, userAction, workspaceAction } from "@/lib/safe-action";

export const createInvitationAction = workspaceAction
  .metadata({ name: "createInvitation", permission: "members:manage" })
  .inputSchema(CreateInvitationSchema)
  .action(async ({ parsedInput, ctx }) => {
    const invitation = await createInvitation(ctx.workspace, parsedInput);
    const mailed = invitation.email
      ? await sendInvitationMail({ to: invitation.email, path: invitation.path, workspaceTitle: ctx.workspace.title })
      : false;
    revalidatePath(`/w/${ctx.workspace.slug}/members`);
    return {
      path: invitation.path,
      email: invitation.email,
      role: invitation.role,
      expiresAt: invitation.expiresAt.toISOString(),
      mailed,
    };
  });

export const revokeInvitationAction = workspaceAction
  .metadata({ name: "revokeInvitation", permission: "members:manage" })
  .inputSchema(InvitationIdSchema)
  .action(async ({ parsedInput, ctx }) => {
    orRefuse(await revokeInvitation(ctx.workspace, parsedInput.invitationId));
    revalidatePath(`/w/${ctx.workspace.slug}/members`);
    return { revoked: true };
  });

export const changeMemberRoleAction = workspaceAction
  .metadata({ name: "changeMemberRole", permission: "members:manage" })
  .inputSchema(ChangeRoleSchema)
  .action(async ({ parsedInput, ctx }) => {
    orRefuse(await changeMemberRole(ctx.workspace, parsedInput.userId, parsedInput.role));
    revalidatePath(`/w/${ctx.workspace.slug}/members`);
    return { role: parsedInput.role };
  });

export const removeMemberAction = workspaceAction
  .metadata({ name: "removeMember", permission: "members:manage" })
  .inputSchema(RemoveMemberSchema)
  .action(async ({ parsedInput, ctx }) => {
    orRefuse(await removeMember(ctx.workspace, parsedInput.userId));
    revalidatePath(`/w/${ctx.workspace.slug}/members`);
    return { removed: true };
  });

export const acceptInvitationAction = userAction
  .metadata({ name: "acceptInvitation" })
  .inputSchema(AcceptInvitationSchema)
  .action(async ({ parsedInput, ctx }) =>
    orRefuse(await acceptInvitation(ctx.userId, parsedInput.token, parsedInput.code)),
  );

/** Registration and invitation attempts per client address (PARLEY_REGISTER_ADDRESS_*). */
async function throttleByAddress(scope: string): Promise<void> {
  const attempt = await takeAttempt(scope, await currentClientAddress());
  if (!attempt.ok)
    refuse("throttled", `Too many attempts from your network. Try again ${waitPhrase(attempt.retryAt)}.`, {
      details: { retryAt: attempt.retryAt.toISOString() },
    });
}

/** Open to visitors: mails a code to the invitation's bound address; answers alike for any link. */
export const requestInvitationCodeAction = actionClient
  .metadata({ name: "requestInvitationCode" })
  .inputSchema(RequestInvitationCodeSchema)
  .action(async ({ parsedInput }) => {
    await throttleByAddress("registration");
    await requestInvitationCode(parsedInput.token);
    return { requested: true };
  });

/** Open to visitors without a session: the invitation token is the credential. */
export const registerWithInvitationAction = actionClient
  .metadata({ name: "registerWithInvitation" })
  .inputSchema(RegisterWithInvitationSchema)
  .action(async ({ parsedInput }) => {
    await throttleByAddress("registration");
    const { workspaceSlug } = orRefuse(await registerWithInvitation(parsedInput));
    await signInNewAccount(parsedInput);
    return { workspaceSlug };
  });
