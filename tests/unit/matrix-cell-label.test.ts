import { describe, expect, it } from "vitest";
import { type CellShown, cellLabel } from "@/components/matrix/cell-label";
import type { MatrixStatement } from "@/lib/matrix/schema";

const labels = { SUPPORTS: "Supports", OPPOSES: "Opposes", OPEN: "Open" };
const statement: MatrixStatement = {
  id: "s1",
  position: "SUPPORTS",
  summary: "Backs the guarantee.",
  statedOn: "2022-02-16",
  confidence: "MEDIUM",
  confidenceRationale: null,
  evidenceCount: 1,
  links: [],
};
const cell = (shown: Partial<CellShown>): CellShown => ({
  partyName: "NATO",
  issueTitle: "Guarantees",
  statement,
  change: undefined,
  isPending: false,
  wording: undefined,
  comments: undefined,
  proposals: 0,
  labels,
  calendar: (date) => `on ${date}`,
  ...shown,
});

describe("a matrix cell's accessible name", () => {
  it("says what the cell is, then its visible words in the order shown", () => {
    expect(cellLabel(cell({}))).toBe(
      "NATO on Guarantees: Supports. Supports Backs the guarantee. on 2022-02-16 1 quote",
    );
  });

  it("names an empty cell", () => {
    expect(cellLabel(cell({ statement: null }))).toBe("NATO on Guarantees: no statement. No statement yet");
  });

  it("holds the qualities, the change, saving, the wording change and the badges' words", () => {
    const label = cellLabel(
      cell({
        statement: { ...statement, redLine: true, conditionText: "if paid", confidence: "LOW", evidenceCount: 2 },
        change: { issueId: "i", partyId: "p", before: { id: "a", position: "OPPOSES" }, after: null },
        isPending: true,
        wording: [
          { text: "Backs ", change: "same" },
          { text: "the", change: "removed" },
          { text: "a", change: "added" },
          { text: " guarantee.", change: "same" },
        ],
        comments: { comments: 1, unresolved: 1 },
        proposals: 2,
      }),
    );
    expect(label).toBe(
      "NATO on Guarantees: Supports, red line, conditional, low confidence (changed) (saving). Saving… Opposes → — " +
        "Supports Backs a guarantee. (wording was: Backs the guarantee.) on 2022-02-16 2 quotes 1 comment, 1 open 2 pending",
    );
  });
});
