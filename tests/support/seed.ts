import { randomUUID } from "node:crypto";

/** A slug no other test will take, so test files can share one database in any order. */
export function uniqueSlug(prefix: string): string {
  return `${prefix}-${randomUUID().slice(0, 8)}`;
}
