import "server-only";
import { db } from "@/lib/db/client";
import { ActionError } from "@/lib/safe-action";
import { hashPassword, verifyPassword } from "@/lib/auth/password";

/** Bumping the session version ends every session of the user at its next request. */
export async function endAllSessions(userId: string) {
  await db().user.update({ where: { id: userId }, data: { sessionVersion: { increment: 1 } } });
}

export async function changePassword(userId: string, currentPassword: string, newPassword: string) {
  const user = await db().user.findUniqueOrThrow({ where: { id: userId }, select: { passwordHash: true } });
  if (!user.passwordHash || !(await verifyPassword(user.passwordHash, currentPassword))) {
    throw new ActionError("wrong_password", "Your current password is not correct.");
  }
  await db().user.update({ where: { id: userId }, data: { passwordHash: await hashPassword(newPassword), sessionVersion: { increment: 1 } } });
}

export async function signUp(input: { name: string; email: string; password: string }) {
  const passwordHash = await hashPassword(input.password);
  const existing = await db().user.findUnique({ where: { email: input.email }, select: { id: true } });
  if (existing) throw new ActionError("email_taken", "An account with this email already exists: sign in instead.");
  return db().user.create({ data: { email: input.email, name: input.name, passwordHash }, select: { id: true } });
}
