import "server-only";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { verifyAgainstDummy, verifyPassword, PASSWORD_MAX_LENGTH } from "@/lib/auth/password";
import { readThrottle, recordLoginAttempt } from "@/lib/auth/throttle";

export const EmailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email({ error: "Enter an email address, like name@example.org." }).max(320));

export const SignInSchema = z.object({
  email: EmailSchema,
  // Sign-in checks only what could ever be valid; policy (common passwords etc.) is for new ones.
  password: z.string().min(1, "Enter your password.").max(PASSWORD_MAX_LENGTH * 4),
});

export type AuthenticatedUser = { id: string; email: string; name: string; sessionVersion: number };

/**
 * Checks an email and password. Unknown account, wrong password, disabled account and
 * throttled account all return null after a full argon2 verification, so neither the answer
 * nor its timing tells them apart.
 */
export async function authenticateWithPassword(input: unknown): Promise<AuthenticatedUser | null> {
  const parsed = SignInSchema.safeParse(input);
  if (!parsed.success) return null;
  const { email, password } = parsed.data;

  const [throttle, user] = await Promise.all([
    readThrottle(email),
    db().user.findUnique({
      where: { email },
      select: { id: true, email: true, name: true, passwordHash: true, sessionVersion: true, disabledAt: true },
    }),
  ]);

  const passwordMatches = user?.passwordHash ? await verifyPassword(user.passwordHash, password) : await verifyAgainstDummy(password);
  const allowed = passwordMatches && !throttle.retryAt && user !== null && !user.disabledAt;
  await recordLoginAttempt(email, allowed);
  if (!allowed || !user) return null;
  return { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion };
}
