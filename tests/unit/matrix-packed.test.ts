import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { packMatrix, unpackMatrix } from "@/lib/matrix/packed";
import type { MatrixStatement, MatrixView } from "@/lib/matrix/schema";

const ISSUES = ["issue-a", "issue-b", "issue-c"];
const PARTIES = ["party-x", "party-y"];
// Ids outside the lists too: a condition may name an archived issue or party.
const issueRef = fc.constantFrom(...ISSUES, "archived-issue");
const partyRef = fc.constantFrom(...PARTIES, "archived-party");

// The shape getMatrix returns: every quality present, nulls where there is none.
const statement: fc.Arbitrary<MatrixStatement> = fc.record({
  id: fc.uuid(),
  position: fc.constantFrom("DEMANDS", "OPEN", "CONDITIONAL", "REJECTS"),
  summary: fc.string(),
  statedOn: fc.constantFrom("2021-12-17", "2022-01-10", "2022-02-16"),
  confidence: fc.constantFrom("LOW", "MEDIUM", "HIGH"),
  confidenceRationale: fc.option(fc.string(), { nil: null }),
  redLine: fc.boolean(),
  conditionText: fc.option(fc.string(), { nil: null }),
  conditionCell: fc.option(
    fc.record({ issueId: issueRef, partyId: partyRef, minPosition: fc.constantFrom("OPEN", "SUPPORTS") }),
    { nil: null },
  ),
  evidenceCount: fc.nat(20),
  links: fc.array(
    fc.record({ evidenceId: fc.uuid(), relation: fc.constantFrom("SUPPORTS", "CONTRADICTS", "CONTEXT") }),
    { maxLength: 3 },
  ),
});

const view: fc.Arbitrary<MatrixView> = fc
  .array(
    fc.record({
      issueId: issueRef,
      partyId: partyRef,
      version: fc.nat(500),
      statement: fc.option(statement, { nil: null }),
    }),
    { maxLength: 12 },
  )
  .map((cells) => ({
    workspace: { slug: "talks", title: "Talks" },
    asOf: "2022-02-16",
    positionLabels: { DEMANDS: "Demands", OPEN: "Open" },
    parties: PARTIES.map((id) => ({ id, name: id, shortName: id.slice(-1), colour: "#000000" })),
    issues: ISSUES.map((id) => ({ id, title: id, description: "" })),
    cells,
  }));

describe("the matrix packed for the browser", () => {
  it("unpacks to exactly the matrix that was packed", () => {
    fc.assert(
      fc.property(view, (matrix) => {
        const trip = JSON.parse(JSON.stringify(packMatrix(matrix)));
        expect(unpackMatrix(trip)).toStrictEqual(JSON.parse(JSON.stringify(matrix)));
      }),
      { seed: 20_220_216, numRuns: 300 },
    );
  });

  it("names a cell's issue and party by their place in the lists, not by id", () => {
    const matrix = fc.sample(view, { seed: 7, numRuns: 20 }).find((m) => m.cells.some((c) => c.issueId === "issue-b"));
    const packed = JSON.stringify(packMatrix(matrix as MatrixView).cells);
    expect(packed).not.toContain('"issue-b"');
    expect(packed).not.toContain('"party-y"');
  });
});
