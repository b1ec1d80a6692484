"use server";

import { AuthError } from "next-auth";
import { z } from "zod";
import { signIn, signOut } from "@/lib/platform/auth";
import { currentClientAddress } from "@/lib/platform/auth/client-address";
import { SignInSchema } from "@/lib/platform/auth/credentials";
import { safeRedirectPath } from "@/lib/platform/auth/redirect";
import { revokeCurrentSession } from "@/lib/platform/auth/revoke";
import { readThrottle, waitPhrase } from "@/lib/platform/auth/throttle";

export type SignInState = {
  error?: string;
  /** While sign-in is paused: when it may be tried again (ISO time), for the form to show. */
  retryAt?: string;
  fieldErrors?: { email?: string[]; password?: string[] };
  email?: string;
};

async function pausedState(email: string, address: string): Promise<SignInState | null> {
  const { retryAt, reason } = await readThrottle(email, address);
  if (!retryAt) return null;
  return {
    email,
    retryAt: retryAt.toISOString(),
    error:
      reason === "address"
        ? `Too many failed sign-ins from your network. Try again ${waitPhrase(retryAt)}.`
        : `Sign-in to this account is paused after repeated failures. Try again ${waitPhrase(retryAt)}.`,
  };
}

export async function signInAction(_previous: SignInState, formData: FormData): Promise<SignInState> {
  // A public endpoint: anything may arrive in place of the form.
  if (!(formData instanceof FormData)) return { error: "Send the sign-in form." };
  const parsed = SignInSchema.safeParse({ email: formData.get("email"), password: formData.get("password") });
  const email = String(formData.get("email") ?? "");
  if (!parsed.success) return { fieldErrors: z.flattenError(parsed.error).fieldErrors, email };
  const address = await currentClientAddress();
  // Told before trying, so that the right password typed too early is not spent (nor counted).
  const paused = await pausedState(parsed.data.email, address);
  if (paused) return paused;
  try {
    await signIn("credentials", { ...parsed.data, redirectTo: safeRedirectPath(formData.get("callbackUrl")) });
    return {};
  } catch (error) {
    // signIn() throws NEXT_REDIRECT on success; only Auth.js's own errors are failures.
    if (error instanceof AuthError) {
      return (
        (await pausedState(parsed.data.email, address)) ?? {
          email,
          error: "That email and password do not match an account. Check them and try again.",
        }
      );
    }
    throw error;
  }
}

export async function signOutAction(): Promise<void> {
  await revokeCurrentSession();
  await signOut({ redirectTo: "/sign-in" });
}
