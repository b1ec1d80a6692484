import { dictionary } from "@zxcvbn-ts/language-common";
import { secret } from "@/lib/platform/validation";

// NIST SP 800-63B / OWASP ASVS: length limits, no composition rules, refuse known-common
// passwords. Lengths count code points, so an emoji counts as one character, and nothing is
// ever truncated.
export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 128;

const commonPasswords = new Set((dictionary["passwords-common"] as string[]).map((p) => p.toLowerCase()));

function characterCount(value: string): number {
  return Array.from(value).length;
}

export function isCommonPassword(value: string): boolean {
  return commonPasswords.has(value.toLowerCase());
}

export const NewPasswordSchema = secret(PASSWORD_MAX_LENGTH)
  .refine((value) => characterCount(value) >= PASSWORD_MIN_LENGTH, `Use at least ${PASSWORD_MIN_LENGTH} characters.`)
  .refine((value) => characterCount(value) <= PASSWORD_MAX_LENGTH, `Use at most ${PASSWORD_MAX_LENGTH} characters.`)
  .refine((value) => !isCommonPassword(value), "This password is among the most common ones; choose another.");
