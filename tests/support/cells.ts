import { expect } from "vitest";
import type { EditResult } from "@/lib/matrix/mutations";
import { db } from "@/lib/platform/db/client";

/** Asserts that a cell edit went through, printing the refusal when it did not. */
export function expectEditOk(result: EditResult): asserts result is Extract<EditResult, { ok: true }> {
  expect(result, JSON.stringify(result)).toMatchObject({ ok: true });
}

/** A cell's current version, the baseVersion an edit of it must name (0 before its first statement). */
export async function cellVersion(workspaceId: string, cell: { issueId: string; partyId: string }): Promise<number> {
  const row = await db().stanceCell.findUnique({
    where: { workspaceId_issueId_partyId: { workspaceId, ...cell } },
    select: { version: true },
  });
  return row?.version ?? 0;
}
