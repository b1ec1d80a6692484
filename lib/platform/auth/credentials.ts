import "server-only";
import { z } from "zod";
import { LOCAL_CLIENT } from "@/lib/platform/auth/client-address";
import { PASSWORD_MAX_LENGTH, verifyAgainstDummy, verifyPassword } from "@/lib/platform/auth/password";
import { readThrottle, recordLoginAttempt } from "@/lib/platform/auth/throttle";
import { db } from "@/lib/platform/db/client";
import { EmailSchema } from "@/lib/platform/validation";

export const SignInSchema = z.object({
  email: EmailSchema,
  // Sign-in checks only what could ever be valid; policy (common passwords etc.) is for new ones.
  password: z
    .string()
    .min(1, "Enter your password.")
    .max(PASSWORD_MAX_LENGTH * 4),
});

export type AuthenticatedUser = { id: string; email: string; name: string; sessionVersion: number };

export type SignInContext = { address: string; now?: Date };

export type PasswordCheck =
  | { ok: true; user: AuthenticatedUser }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "throttled"; retryAt: Date };

/**
 * Checks an email and password from one client address. Unknown account, wrong password and
 * disabled account are all "invalid" after a full argon2 verification, so neither the answer
 * nor its timing tells them apart. While the account or the address is throttled the attempt is
 * refused without looking at the password and without being counted (unknown accounts are
 * throttled alike, so that answer tells nothing about the account either).
 */
export async function checkPassword(input: unknown, context: SignInContext): Promise<PasswordCheck> {
  const parsed = SignInSchema.safeParse(input);
  if (!parsed.success) return { ok: false, reason: "invalid" };
  const { email, password } = parsed.data;
  const now = context.now ?? new Date();

  const [throttle, user] = await Promise.all([
    readThrottle(email, context.address, now),
    db().user.findUnique({
      where: { email },
      select: { id: true, email: true, name: true, passwordHash: true, sessionVersion: true, disabledAt: true },
    }),
  ]);
  if (throttle.retryAt) return { ok: false, reason: "throttled", retryAt: throttle.retryAt };

  const passwordMatches = user?.passwordHash
    ? await verifyPassword(user.passwordHash, password)
    : await verifyAgainstDummy(password);
  const allowed = passwordMatches && user !== null && !user.disabledAt;
  await recordLoginAttempt(email, context.address, allowed, context.now);
  if (!allowed || !user) return { ok: false, reason: "invalid" };
  return {
    ok: true,
    user: { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion },
  };
}

/** The Credentials provider's answer: the user, or null for every kind of refusal. */
export async function authenticateWithPassword(
  input: unknown,
  context: SignInContext = { address: LOCAL_CLIENT },
): Promise<AuthenticatedUser | null> {
  const result = await checkPassword(input, context);
  return result.ok ? result.user : null;
}
