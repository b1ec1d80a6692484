import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cellKey, type DatedStatement, latestStatementsAsOf } from "@/lib/matrix/as-of";
import { type CellChange, diffMatrices } from "@/lib/matrix/compare";
import type { MatrixView } from "@/lib/matrix/schema";

// The references below are written the plain way on purpose (sort everything, take the last; walk
// the whole grid), so they share no code with the functions they check.

const ISSUES = ["issue-a", "issue-b", "issue-c"];
const PARTIES = ["party-x", "party-y", "party-z"];
const SEED = 20_220_216;

function day(offset: number): string {
  return new Date(Date.UTC(2022, 0, 1) + offset * 86_400_000).toISOString().slice(0, 10);
}

// Few dates, few recording instants and short ids, so same-day and same-instant ties are common.
const statementArbitrary = fc.record({
  issueId: fc.constantFrom(...ISSUES),
  partyId: fc.constantFrom(...PARTIES),
  statedOn: fc.integer({ min: 0, max: 20 }).map(day),
  recordedAt: fc.integer({ min: 0, max: 5 }).map((minute) => new Date(Date.UTC(2022, 5, 1, 12, minute))),
});

const statementsArbitrary = fc
  .uniqueArray(fc.string({ unit: fc.constantFrom("0", "1", "2", "a", "b", "f"), minLength: 1, maxLength: 3 }), {
    maxLength: 40,
  })
  .chain((ids) => fc.tuple(...ids.map((id) => statementArbitrary.map((s): DatedStatement => ({ ...s, id })))))
  .map((statements) => statements as DatedStatement[]);

function referenceLatest(statements: readonly DatedStatement[], asOf: string): Map<string, DatedStatement> {
  const ordered = [...statements].sort(
    (a, b) =>
      a.statedOn.localeCompare(b.statedOn, "en") ||
      a.recordedAt.getTime() - b.recordedAt.getTime() ||
      (a.id === b.id ? 0 : a.id < b.id ? -1 : 1),
  );
  const latest = new Map<string, DatedStatement>();
  for (const s of ordered) if (s.statedOn <= asOf) latest.set(`${s.issueId}:${s.partyId}`, s);
  return latest;
}

const ids = (map: Map<string, DatedStatement>) => Object.fromEntries([...map].map(([key, s]) => [key, s.id]));

describe("latestStatementsAsOf, against sort-everything-and-take-the-last", () => {
  it("picks the same statement in every cell, for any date", () => {
    fc.assert(
      fc.property(statementsArbitrary, fc.integer({ min: -2, max: 22 }).map(day), (statements, asOf) => {
        expect(ids(latestStatementsAsOf(statements, asOf))).toEqual(ids(referenceLatest(statements, asOf)));
      }),
      { seed: SEED, numRuns: 500 },
    );
  });

  it("does not depend on the order the statements arrive in", () => {
    fc.assert(
      fc.property(
        statementsArbitrary.chain((statements) =>
          fc.tuple(fc.constant(statements), fc.shuffledSubarray(statements, { minLength: statements.length })),
        ),
        fc.integer({ min: 0, max: 20 }).map(day),
        ([statements, shuffled], asOf) => {
          expect(ids(latestStatementsAsOf(shuffled, asOf))).toEqual(ids(latestStatementsAsOf(statements, asOf)));
        },
      ),
      { seed: SEED, numRuns: 200 },
    );
  });

  it("keys cells the way cellKey does", () => {
    const statements: DatedStatement[] = [
      { id: "1", issueId: "issue-a", partyId: "party-x", statedOn: day(0), recordedAt: new Date(0) },
    ];
    expect([...latestStatementsAsOf(statements, day(0)).keys()]).toEqual([cellKey("issue-a", "party-x")]);
  });
});

// A pool of statements with fixed positions: a statement id always means the same statement,
// as in real matrices.
const POOL = ["s1", "s2", "s3", "s4", "s5", "s6"].map((id, i) => ({
  id,
  position: ["SUPPORTS", "OPPOSES", "OPEN"][i % 3]!,
}));

type Cells = Pick<MatrixView, "cells">;

// Each grid cell is left out of the view, present with no statement, or showing a pool statement.
const viewArbitrary: fc.Arbitrary<Cells> = fc
  .tuple(
    ...ISSUES.flatMap((issueId) =>
      PARTIES.map((partyId) =>
        fc
          .option(fc.option(fc.constantFrom(...POOL)), { nil: undefined })
          .map((choice) => ({ issueId, partyId, choice })),
      ),
    ),
  )
  .chain((grid) => fc.shuffledSubarray(grid, { minLength: grid.length }))
  .map((grid) => ({
    cells: grid
      .filter((c) => c.choice !== undefined)
      .map((c) => ({
        issueId: c.issueId,
        partyId: c.partyId,
        version: 1,
        statement: c.choice
          ? {
              id: c.choice.id,
              position: c.choice.position,
              summary: `summary of ${c.choice.id}`,
              statedOn: "2022-01-10",
              confidence: "MEDIUM" as const,
              confidenceRationale: null,
              evidenceCount: 0,
              links: [],
            }
          : null,
      })),
  }));

function referenceDiff(from: Cells, to: Cells): CellChange[] {
  const shownIn = (view: Cells, issueId: string, partyId: string) => {
    const statement = view.cells.find((c) => c.issueId === issueId && c.partyId === partyId)?.statement;
    return statement ? { id: statement.id, position: statement.position } : null;
  };
  const changes: CellChange[] = [];
  for (const issueId of ISSUES) {
    for (const partyId of PARTIES) {
      const before = shownIn(from, issueId, partyId);
      const after = shownIn(to, issueId, partyId);
      if ((before?.id ?? null) !== (after?.id ?? null)) changes.push({ issueId, partyId, before, after });
    }
  }
  return changes;
}

const byCell = (changes: CellChange[]) =>
  [...changes].sort((a, b) => cellKey(a.issueId, a.partyId).localeCompare(cellKey(b.issueId, b.partyId)));

describe("diffMatrices, against a cell-by-cell walk of the whole grid", () => {
  it("reports exactly the cells whose shown statement differs, with both sides", () => {
    fc.assert(
      fc.property(viewArbitrary, viewArbitrary, (from, to) => {
        expect(byCell(diffMatrices(from, to))).toEqual(byCell(referenceDiff(from, to)));
      }),
      { seed: SEED, numRuns: 500 },
    );
  });

  it("finds nothing between a view and itself, and swaps before and after when reversed", () => {
    fc.assert(
      fc.property(viewArbitrary, viewArbitrary, (from, to) => {
        expect(diffMatrices(from, from)).toEqual([]);
        const reversed = diffMatrices(to, from).map((c) => ({ ...c, before: c.after, after: c.before }));
        expect(byCell(reversed)).toEqual(byCell(diffMatrices(from, to)));
      }),
      { seed: SEED, numRuns: 200 },
    );
  });

  it("returns its changes in a stable order, whatever order the cells come in", () => {
    fc.assert(
      fc.property(viewArbitrary, viewArbitrary, (from, to) => {
        const changes = diffMatrices(from, to);
        const keys = changes.map((c) => c.issueId + c.partyId);
        expect(keys).toEqual([...keys].sort());
        expect(diffMatrices({ cells: [...from.cells].reverse() }, { cells: [...to.cells].reverse() })).toEqual(changes);
      }),
      { seed: SEED, numRuns: 200 },
    );
  });
});
