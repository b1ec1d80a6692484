import "server-only";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";

export async function findSessionUser(userId: string) {
  const user = await db().user.findUnique({
    where: { id: userId },
    select: { id: true, email: true, name: true, sessionVersion: true, disabledAt: true },
  });
  return user && !user.disabledAt ? user : null;
}

export async function canSignUpWithEmail(email: string): Promise<boolean> {
  if (env().PARLEY_OPEN_SIGNUP) return true;
  const existing = await db().user.findUnique({ where: { email: email.toLowerCase() }, select: { disabledAt: true } });
  return existing !== null && existing.disabledAt === null;
}
