import "server-only";
import { AuthError } from "next-auth";
import { signIn } from "@/lib/platform/auth";
import { refuse } from "@/lib/safe-action";

/** Signs in the account just created (by open sign-up or an invitation); when that fails the account stays. */
export async function signInNewAccount({ email, password }: { email: string; password: string }) {
  try {
    await signIn("credentials", { email, password, redirect: false });
  } catch (error) {
    if (error instanceof AuthError)
      refuse("sign_in_failed", "Your account was created, but signing in failed: sign in with your new password.");
    throw error;
  }
}
