import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cellKey, compareStatements, type DatedStatement, latestStatementsAsOf } from "@/lib/matrix/as-of";

function statement(
  id: string,
  statedOn: string,
  recordedAt: string,
  cell: { issueId?: string; partyId?: string } = {},
): DatedStatement {
  return {
    id,
    statedOn,
    recordedAt: new Date(recordedAt),
    issueId: cell.issueId ?? "issue",
    partyId: cell.partyId ?? "party",
  };
}

const pick = (result: Map<string, DatedStatement>, issueId = "issue", partyId = "party") =>
  result.get(cellKey(issueId, partyId))?.id;

describe("latestStatementsAsOf", () => {
  it("shows the statement with the later date, whatever order they were recorded in", () => {
    const statements = [
      statement("later-date", "2022-01-27", "2022-01-01T10:00:00Z"),
      statement("earlier-date", "2022-01-10", "2022-03-01T10:00:00Z"),
    ];
    expect(pick(latestStatementsAsOf(statements, "2022-02-16"))).toBe("later-date");
    expect(pick(latestStatementsAsOf(statements, "2022-01-26"))).toBe("earlier-date");
  });

  it("on the same day, shows the one recorded later", () => {
    const statements = [
      statement("recorded-second", "2022-01-27", "2022-01-27T12:00:00Z"),
      statement("recorded-first", "2022-01-27", "2022-01-27T09:00:00Z"),
    ];
    expect(pick(latestStatementsAsOf(statements, "2022-01-27"))).toBe("recorded-second");
    expect(pick(latestStatementsAsOf([...statements].reverse(), "2022-01-27"))).toBe("recorded-second");
  });

  it("breaks an exact tie by id, so the answer never depends on input order", () => {
    const a = statement("a", "2022-01-27", "2022-01-27T12:00:00Z");
    const b = statement("b", "2022-01-27", "2022-01-27T12:00:00Z");
    expect(pick(latestStatementsAsOf([a, b], "2022-01-27"))).toBe("b");
    expect(pick(latestStatementsAsOf([b, a], "2022-01-27"))).toBe("b");
    expect(compareStatements(a, a)).toBe(0);
  });

  it("ignores statements made after the date, and leaves a cell with none out", () => {
    const statements = [
      statement("future", "2022-02-16", "2022-02-16T10:00:00Z"),
      statement("past", "2022-01-10", "2022-01-10T10:00:00Z"),
    ];
    expect(pick(latestStatementsAsOf(statements, "2022-02-15"))).toBe("past");
    expect(pick(latestStatementsAsOf(statements, "2022-02-16"))).toBe("future");
    expect(latestStatementsAsOf(statements, "2022-01-09").size).toBe(0);
  });

  it("keeps cells apart", () => {
    const statements = [
      statement("ru", "2022-01-10", "2022-01-10T10:00:00Z", { partyId: "ru" }),
      statement("us", "2022-01-26", "2022-01-26T10:00:00Z", { partyId: "us" }),
      statement("ru-other-issue", "2022-02-01", "2022-02-01T10:00:00Z", { partyId: "ru", issueId: "other" }),
    ];
    const result = latestStatementsAsOf(statements, "2022-03-01");
    expect(result.size).toBe(3);
    expect(pick(result, "issue", "ru")).toBe("ru");
    expect(pick(result, "issue", "us")).toBe("us");
    expect(pick(result, "other", "ru")).toBe("ru-other-issue");
  });

  it("agrees with sorting each cell's history and taking the last one stated by the date", () => {
    const day = fc.integer({ min: 1, max: 28 }).map((d) => `2022-01-${String(d).padStart(2, "0")}`);
    // Few distinct values, so that same-day and same-instant ties are common.
    const recordedAt = fc.integer({ min: 0, max: 5 }).map((h) => new Date(Date.UTC(2022, 2, 1, h)));
    const arbitraryStatement = fc.record({
      id: fc.string({ unit: fc.constantFrom("a", "b", "c", "d"), minLength: 1, maxLength: 3 }),
      issueId: fc.constantFrom("i1", "i2"),
      partyId: fc.constantFrom("p1", "p2", "p3"),
      statedOn: day,
      recordedAt,
    });
    const statements = fc.uniqueArray(arbitraryStatement, { selector: (s) => s.id, maxLength: 30 });

    fc.assert(
      fc.property(statements, day, (all, asOf) => {
        const reference = new Map<string, DatedStatement>();
        // Fixed-width fields, so comparing the joined strings compares the tuples.
        const sortKey = (s: DatedStatement) => `${s.statedOn}|${s.recordedAt.toISOString()}|${s.id}`;
        const sorted = all
          .filter((s) => s.statedOn <= asOf)
          .sort((a, b) => (sortKey(a) < sortKey(b) ? -1 : sortKey(a) > sortKey(b) ? 1 : 0));
        for (const s of sorted) reference.set(cellKey(s.issueId, s.partyId), s);

        const result = latestStatementsAsOf(all, asOf);
        expect(new Map([...result].map(([key, s]) => [key, s.id]))).toEqual(
          new Map([...reference].map(([key, s]) => [key, s.id])),
        );
        expect(latestStatementsAsOf([...all].reverse(), asOf)).toEqual(result);
      }),
    );
  });
});
