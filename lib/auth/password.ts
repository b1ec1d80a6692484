import "server-only";
import { hash, verify } from "@node-rs/argon2";
import { dictionary } from "@zxcvbn-ts/language-common";
import { z } from "zod";

// OWASP's minimum for argon2id is m=19 MiB, t=2, p=1; these meet it.
const ARGON2_OPTIONS = { algorithm: 2 /* Algorithm.Argon2id, a const enum */, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 128;

const commonPasswords = new Set((dictionary["passwords-common"] as string[]).map((p) => p.toLowerCase()));

/** Length in code points, so an emoji counts as one character as a person would count it. */
function characterCount(value: string): number {
  return Array.from(value).length;
}

export const NewPasswordSchema = z
  .string()
  .refine((value) => characterCount(value) >= PASSWORD_MIN_LENGTH, `Use at least ${PASSWORD_MIN_LENGTH} characters.`)
  .refine((value) => characterCount(value) <= PASSWORD_MAX_LENGTH, `Use at most ${PASSWORD_MAX_LENGTH} characters.`)
  .refine((value) => !commonPasswords.has(value.toLowerCase()), "This password is among the most common ones; choose another.");

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | undefined;

/** Burns the same time as a real check, so an unknown email answers no faster than a known one. */
export async function verifyAgainstDummy(password: string): Promise<false> {
  dummyHash ??= hashPassword("parley-timing-equaliser");
  await verifyPassword(await dummyHash, password);
  return false;
}
