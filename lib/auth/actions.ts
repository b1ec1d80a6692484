"use server";

import { AuthError } from "next-auth";
import { z } from "zod";
import { signIn, signOut } from "@/lib/auth";
import { revokeCurrentSession } from "@/lib/auth/revoke";
import { safeRedirectPath } from "@/lib/auth/redirect";
import { SignInSchema } from "@/lib/auth/credentials";

export type SignInState = { error?: string; fieldErrors?: { email?: string[]; password?: string[] }; email?: string };

export async function signInAction(_previous: SignInState, formData: FormData): Promise<SignInState> {
  const parsed = SignInSchema.safeParse({ email: formData.get("email"), password: formData.get("password") });
  const email = String(formData.get("email") ?? "");
  if (!parsed.success) return { fieldErrors: z.flattenError(parsed.error).fieldErrors, email };
  try {
    await signIn("credentials", { ...parsed.data, redirectTo: safeRedirectPath(formData.get("callbackUrl")) });
    return {};
  } catch (error) {
    // signIn() throws NEXT_REDIRECT on success; only Auth.js's own errors are failures.
    if (error instanceof AuthError) {
      return {
        email,
        error: "That email and password do not match an account, or sign-in is paused after repeated failures. Check them, and if it keeps failing wait a few minutes.",
      };
    }
    throw error;
  }
}

export async function signOutAction(): Promise<void> {
  await revokeCurrentSession();
  await signOut({ redirectTo: "/sign-in" });
}
