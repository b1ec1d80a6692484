"use server";

import { revalidatePath } from "next/cache";
import { changePassword, createApiToken, endAllSessions, revokeApiToken, signUp } from "@/lib/account/mutations";
import { ChangePasswordSchema, CreateApiTokenSchema, RevokeApiTokenSchema, SignUpSchema } from "@/lib/account/schema";
import { signInNewAccount } from "@/lib/account/sign-in-new-account";
import { signOut } from "@/lib/platform/auth";
import { currentClientAddress } from "@/lib/platform/auth/client-address";
import { takeAttempt, waitPhrase } from "@/lib/platform/auth/throttle";
import { env } from "@/lib/platform/env";
import { actionClient, orRefuse, refuse, userAction } from "@/lib/safe-action";

export const changePasswordAction = userAction
  .metadata({ name: "changePassword" })
  .inputSchema(ChangePasswordSchema)
  .action(async ({ parsedInput, ctx }) => {
    orRefuse(await changePassword(ctx.userId, parsedInput.currentPassword, parsedInput.newPassword));
    // Every session, this one included, is now void: sign in again with the new password.
    await signOut({ redirectTo: "/sign-in?notice=password-changed" });
  });

export const signOutEverywhereAction = userAction.metadata({ name: "signOutEverywhere" }).action(async ({ ctx }) => {
  await endAllSessions(ctx.userId);
  await signOut({ redirectTo: "/sign-in?notice=signed-out-everywhere" });
});

/** Session-only, like every action: a token cannot mint or revoke tokens. */
export const createApiTokenAction = userAction
  .metadata({ name: "createApiToken" })
  .inputSchema(CreateApiTokenSchema)
  .action(async ({ parsedInput, ctx }) => {
    const token = orRefuse(await createApiToken(ctx.userId, parsedInput));
    revalidatePath("/account");
    return token;
  });

export const revokeApiTokenAction = userAction
  .metadata({ name: "revokeApiToken" })
  .inputSchema(RevokeApiTokenSchema)
  .action(async ({ parsedInput, ctx }) => {
    orRefuse(await revokeApiToken(ctx.userId, parsedInput.tokenId));
    revalidatePath("/account");
    return { revoked: true };
  });

export const signUpAction = actionClient
  .metadata({ name: "signUp" })
  .inputSchema(SignUpSchema)
  .action(async ({ parsedInput }) => {
    if (!env().PARLEY_OPEN_SIGNUP)
      refuse("sign_up_closed", "New accounts are by invitation only. Ask a workspace owner for an invitation link.");
    // Open sign-up answers "email taken" by nature: throttled per client address like invitations.
    const attempt = await takeAttempt("registration", await currentClientAddress());
    if (!attempt.ok)
      refuse("throttled", `Too many attempts from your network. Try again ${waitPhrase(attempt.retryAt)}.`);
    orRefuse(await signUp(parsedInput));
    await signInNewAccount(parsedInput);
    return { created: true };
  });
