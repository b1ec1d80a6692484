import "server-only";
import { hashPassword } from "@/lib/platform/auth/password";
import { db } from "@/lib/platform/db/client";

export async function createUserWithPassword(input: { email: string; name: string; password: string }) {
  return db().user.create({
    data: { email: input.email.toLowerCase(), name: input.name, passwordHash: await hashPassword(input.password) },
    select: { id: true, email: true, name: true },
  });
}
