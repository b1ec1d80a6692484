import { randomUUID } from "node:crypto";
import { securityGuarantees } from "@/prisma/demo/security-guarantees";

/** A slug no other test will take, so test files can share one database in any order. */
export function uniqueSlug(prefix: string): string {
  return `${prefix}-${randomUUID().slice(0, 8)}`;
}

/** The demo's parties and issues with nothing recorded: no people, documents, quotes, statements, events or proposals. */
export const DEMO_STRUCTURE_ONLY = {
  ...securityGuarantees,
  people: [],
  documents: [],
  evidence: [],
  statements: [],
  events: [],
  proposals: [],
};
