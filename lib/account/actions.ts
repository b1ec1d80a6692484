"use server";

import { AuthError } from "next-auth";
import { actionClient, userAction, ActionError } from "@/lib/safe-action";
import { signIn, signOut } from "@/lib/auth";
import { env } from "@/lib/env";
import { ChangePasswordSchema, SignUpSchema } from "@/lib/account/schema";
import { changePassword, endAllSessions, signUp } from "@/lib/account/mutations";

export const changePasswordAction = userAction
  .metadata({ name: "changePassword" })
  .inputSchema(ChangePasswordSchema)
  .action(async ({ parsedInput, ctx }) => {
    await changePassword(ctx.userId, parsedInput.currentPassword, parsedInput.newPassword);
    // Every session, this one included, is now void: sign in again with the new password.
    await signOut({ redirectTo: "/sign-in?notice=password-changed" });
  });

export const signOutEverywhereAction = userAction.metadata({ name: "signOutEverywhere" }).action(async ({ ctx }) => {
  await endAllSessions(ctx.userId);
  await signOut({ redirectTo: "/sign-in?notice=signed-out-everywhere" });
});

export const signUpAction = actionClient
  .metadata({ name: "signUp" })
  .inputSchema(SignUpSchema)
  .action(async ({ parsedInput }) => {
    if (!env().PARLEY_OPEN_SIGNUP) throw new ActionError("sign_up_closed", "New accounts are by invitation only. Ask a workspace owner for an invitation link.");
    await signUp(parsedInput);
    try {
      await signIn("credentials", { email: parsedInput.email, password: parsedInput.password, redirect: false });
    } catch (error) {
      if (error instanceof AuthError) throw new ActionError("sign_in_failed", "Your account was created, but signing in failed: sign in with your new password.");
      throw error;
    }
    return { created: true };
  });
