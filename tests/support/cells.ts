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

/** Generated parties "Party 0", "Party 1"… in that order, `archived` among them archived: a property test's matrix columns. */
export async function insertNumberedParties(workspaceId: string, partyIds: string[], archived: string | null) {
  await db().party.createMany({
    data: partyIds.map((id, i) => ({
      id,
      workspaceId,
      name: `Party ${i}`,
      shortName: `P${i}`,
      colour: "#123456",
      sortOrder: i,
      archivedAt: id === archived ? new Date() : null,
    })),
  });
}
