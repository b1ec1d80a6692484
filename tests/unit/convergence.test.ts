import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildWhatMoved } from "@/lib/convergence/digest";
import { heatMapColumns, type LandedCell, landedCode, sweepHeatMap } from "@/lib/convergence/heat-map";
import { assessIssue, isInZone, positionDistance, positionSpread, positionStep } from "@/lib/convergence/scale";
import { convergenceOf } from "@/lib/convergence/view";
import { DEFAULT_POSITION_LABELS, POSITIONS } from "@/lib/matrix/positions";

// The references are written the plain way on purpose (a rank table, every pair compared, every
// statement walked for every date), so they share no code with the functions they check.

const SEED = 20_220_127;
const RANK: Record<string, number | undefined> = { REJECTS: 1, OPPOSES: 2, OPEN: 3, SUPPORTS: 4, DEMANDS: 5 };
type P = (typeof POSITIONS)[number];

function referenceSpread(positions: (P | null)[]): number | null {
  let widest: number | null = null;
  for (const a of positions)
    for (const b of positions) {
      const ra = a ? RANK[a] : undefined;
      const rb = b ? RANK[b] : undefined;
      if (ra === undefined || rb === undefined) continue;
      widest = Math.max(widest ?? 0, Math.abs(ra - rb));
    }
  return widest;
}

function referenceInZone(positions: (P | null)[]): boolean {
  const placed = positions.filter((p) => p && RANK[p] !== undefined) as P[];
  if (placed.length < 2) return false;
  return placed.every((a) => placed.every((b) => Math.abs(RANK[a]! - RANK[b]!) <= 1));
}

const positionArbitrary = fc.constantFrom<P | null>(...POSITIONS, null);

describe("the ordinal scale", () => {
  it("runs Rejects < Opposes < Open < Supports < Demands; Conditional and No position are off it", () => {
    expect(["REJECTS", "OPPOSES", "OPEN", "SUPPORTS", "DEMANDS"].map((p) => positionStep(p as P))).toEqual([
      0, 1, 2, 3, 4,
    ]);
    expect(positionStep("CONDITIONAL")).toBeNull();
    expect(positionStep("NO_POSITION")).toBeNull();
    expect(positionStep(null)).toBeNull();
  });

  it("measures the demo's non-enlargement gap as four steps, with no zone", () => {
    expect(positionSpread(["DEMANDS", "REJECTS", "REJECTS"])).toBe(4);
    expect(isInZone(["DEMANDS", "REJECTS", "REJECTS"])).toBe(false);
    expect(isInZone(["OPEN", "SUPPORTS", "CONDITIONAL", "NO_POSITION"])).toBe(true);
    expect(isInZone(["SUPPORTS", "NO_POSITION", "CONDITIONAL"])).toBe(false);
  });

  it("spread and zone agree with the pairwise reference, whatever parties lack a position", () => {
    fc.assert(
      fc.property(fc.array(positionArbitrary, { maxLength: 12 }), (positions) => {
        expect(positionSpread(positions)).toBe(referenceSpread(positions));
        expect(isInZone(positions)).toBe(referenceInZone(positions));
      }),
      { seed: SEED, numRuns: 500 },
    );
  });

  it("distance is the rank difference: symmetric, zero on itself, and obeys the triangle inequality", () => {
    fc.assert(
      fc.property(positionArbitrary, positionArbitrary, positionArbitrary, (a, b, c) => {
        const ra = a ? RANK[a] : undefined;
        const rb = b ? RANK[b] : undefined;
        expect(positionDistance(a, b)).toBe(ra === undefined || rb === undefined ? null : Math.abs(ra - rb));
        expect(positionDistance(a, b)).toBe(positionDistance(b, a));
        if (ra !== undefined) expect(positionDistance(a, a)).toBe(0);
        const [ab, bc, ac] = [positionDistance(a, b), positionDistance(b, c), positionDistance(a, c)];
        if (ab !== null && bc !== null && ac !== null) expect(ac).toBeLessThanOrEqual(ab + bc);
      }),
      { seed: SEED, numRuns: 300 },
    );
  });

  it("assessIssue lists every pair on the scale once, the widest pair being the spread", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...POSITIONS), { maxLength: 8 }), (positions) => {
        const parties = positions.map((position, i) => ({ partyId: `p${i}`, position }));
        const assessed = assessIssue(parties);
        const placed = parties.filter((p) => RANK[p.position] !== undefined);
        expect(assessed.distances).toHaveLength((placed.length * (placed.length - 1)) / 2);
        for (const { partyIds, distance } of assessed.distances) {
          const [a, b] = partyIds.map((id) => parties.find((p) => p.partyId === id)!.position);
          expect(distance).toBe(Math.abs(RANK[a!]! - RANK[b!]!));
        }
        const widest = assessed.distances.reduce<number | null>((m, d) => Math.max(m ?? 0, d.distance), null);
        expect(assessed.spread).toBe(placed.length === 0 ? null : (widest ?? 0));
        expect(assessed.inZone).toBe(referenceInZone(positions));
        expect(assessed.conditionalPartyIds).toEqual(
          parties.filter((p) => p.position === "CONDITIONAL").map((p) => p.partyId),
        );
      }),
      { seed: SEED, numRuns: 300 },
    );
  });
});

/** The zone, written plainly: unconditional voices on the scale pairwise within a step, met offers agreeing. */
function referenceZoneWithOffers(parties: { position: P; conditionMet?: boolean }[]): boolean {
  const plain = parties.filter((p) => p.conditionMet === undefined && RANK[p.position] !== undefined);
  const met = parties.filter((p) => p.conditionMet === true);
  if (plain.length + met.length < 2) return false;
  return plain.every((a) => plain.every((b) => Math.abs(RANK[a.position]! - RANK[b.position]!) <= 1));
}

describe("conditional offers in the zone of possible agreement", () => {
  const offerArbitrary = fc.array(
    fc.record({
      position: fc.constantFrom(...POSITIONS),
      conditionMet: fc.constantFrom<boolean | undefined>(undefined, true, false),
    }),
    { maxLength: 8 },
  );

  it("count an offer whose condition is met as agreeing, and leave an unmet one off the scale", () => {
    fc.assert(
      fc.property(offerArbitrary, (offers) => {
        const parties = offers.map((o, i) => ({
          partyId: `p${i}`,
          position: o.position,
          ...(o.conditionMet === undefined ? {} : { conditionMet: o.conditionMet }),
        }));
        const assessed = assessIssue(parties);
        expect(assessed.inZone).toBe(referenceZoneWithOffers(offers));
        const plain = offers.filter((o) => o.conditionMet === undefined).map((o) => o.position);
        expect(assessed.spread).toBe(referenceSpread(plain));
        expect(assessed.agreeingPartyIds).toEqual(parties.filter((p) => p.conditionMet === true).map((p) => p.partyId));
        expect(assessed.conditionalPartyIds).toEqual(
          parties
            .filter((p) => p.conditionMet === false || (p.conditionMet === undefined && p.position === "CONDITIONAL"))
            .map((p) => p.partyId),
        );
        // Without offers, the rule is the plain one.
        if (offers.every((o) => o.conditionMet === undefined)) expect(assessed.inZone).toBe(referenceInZone(plain));
      }),
      { seed: SEED, numRuns: 400 },
    );
  });

  it("reads the condition's cell off the same matrix: met at the minimum or better, not below it", () => {
    const matrix = (usOnNonExpansion: P) => ({
      workspace: { slug: "demo", title: "Demo" },
      asOf: "2022-02-16",
      positionLabels: DEFAULT_POSITION_LABELS,
      parties: ["ru", "us", "nato"].map((id) => ({ id, name: id, shortName: id, colour: "#000000" })),
      issues: [
        { id: "missiles", title: "Missiles", description: "" },
        { id: "expansion", title: "Expansion", description: "" },
      ],
      cells: [
        statementCell("missiles", "ru", "OPEN"),
        {
          ...statementCell("missiles", "us", "CONDITIONAL"),
          statement: {
            ...statementCell("missiles", "us", "CONDITIONAL").statement,
            conditionText: "Reciprocal measures by Russia.",
            conditionCell: { issueId: "expansion", partyId: "us", minPosition: "SUPPORTS" as const },
          },
        },
        statementCell("expansion", "us", usOnNonExpansion),
      ],
    });
    const missiles = (p: P) => convergenceOf(matrix(p)).issues.find((i) => i.issueId === "missiles")!;
    expect(missiles("SUPPORTS")).toMatchObject({ inZone: true, agreeingPartyIds: ["us"], conditionalPartyIds: [] });
    expect(missiles("DEMANDS")).toMatchObject({ inZone: true, agreeingPartyIds: ["us"] });
    expect(missiles("OPEN")).toMatchObject({ inZone: false, agreeingPartyIds: [], conditionalPartyIds: ["us"] });
    expect(missiles("CONDITIONAL")).toMatchObject({ inZone: false, conditionalPartyIds: ["us"] });
  });
});

function statementCell(issueId: string, partyId: string, position: P) {
  return {
    issueId,
    partyId,
    version: 1,
    statement: {
      id: `${issueId}-${partyId}`,
      position,
      summary: "s",
      statedOn: "2022-01-26",
      confidence: "MEDIUM" as const,
      confidenceRationale: null,
      evidenceCount: 0,
      links: [],
    } as {
      id: string;
      position: P;
      summary: string;
      statedOn: string;
      confidence: "MEDIUM";
      confidenceRationale: null;
      evidenceCount: number;
      links: never[];
      conditionText?: string;
      conditionCell?: { issueId: string; partyId: string; minPosition: "SUPPORTS" };
    },
  };
}

const day = (offset: number) => new Date(Date.UTC(2022, 0, 1) + offset * 86_400_000).toISOString().slice(0, 10);

// A history: statements in order of recording (the array order breaks same-day ties), some retracted.
const historyArbitrary = fc.record({
  statements: fc.array(
    fc.record({
      issueId: fc.constantFrom("i1", "i2"),
      partyId: fc.constantFrom("p1", "p2", "p3", "p4"),
      position: fc.constantFrom(...POSITIONS),
      statedOn: fc.integer({ min: 0, max: 30 }).map(day),
      retracted: fc.boolean(),
    }),
    { maxLength: 40 },
  ),
  columns: fc.uniqueArray(fc.integer({ min: -2, max: 33 }).map(day), { minLength: 1, maxLength: 8 }),
});

/** A cell's last statement landing in a column, as the heat map's query reads it. */
type BucketedPosition = {
  issueId: string;
  partyId: string;
  position: P;
  bucket: number;
  conditionText?: string | null;
  conditionIssueId?: string | null;
  conditionPartyId?: string | null;
  conditionMinPosition?: P | null;
};

/** Later statements first, as the heat map's query orders them (the same day: the later recorded). */
function newestFirst<T extends { statedOn: string; order: number }>(statements: T[]): T[] {
  return [...statements].sort((a, b) =>
    a.statedOn === b.statedOn ? b.order - a.order : a.statedOn < b.statedOn ? 1 : -1,
  );
}

/** What the heat map's query hands over for those statements (given newest first): one row of codes per cell. */
function landedCells(rows: readonly BucketedPosition[]): LandedCell[] {
  const cells = new Map<
    string,
    LandedCell & { landed: number[]; conditionIssueIds: string[]; conditionPartyIds: string[] }
  >();
  for (const row of rows) {
    const key = `${row.issueId}:${row.partyId}`;
    const cell = cells.get(key) ?? {
      issueId: row.issueId,
      partyId: row.partyId,
      landed: [],
      conditionIssueIds: [],
      conditionPartyIds: [],
    };
    cells.set(key, cell);
    const condition = row.conditionIssueId
      ? { minPosition: row.conditionMinPosition ?? null }
      : row.conditionText
        ? { minPosition: null }
        : null;
    cell.landed.push(row.bucket * 64 + landedCode(row.position, condition));
    if (row.conditionIssueId && row.conditionPartyId) {
      cell.conditionIssueIds.push(row.conditionIssueId);
      cell.conditionPartyIds.push(row.conditionPartyId);
    }
  }
  return [...cells.values()];
}

describe("the heat map sweep", () => {
  it("gives every issue on every column the spread and zone of the statements standing that day", () => {
    fc.assert(
      fc.property(historyArbitrary, ({ statements, columns: unsorted }) => {
        const columns = [...unsorted].sort();
        const live = statements.map((s, order) => ({ ...s, order })).filter((s) => !s.retracted);
        // What the heat-map query hands over: every live statement up to the last column, newest first.
        const handed = newestFirst(
          live.map((s) => ({ ...s, bucket: columns.filter((c) => c < s.statedOn).length })),
        ).filter((s) => s.bucket < columns.length);
        const swept = sweepHeatMap(["i1", "i2"], columns, landedCells(handed));
        for (const issueId of ["i1", "i2"]) {
          for (const [c, date] of columns.entries()) {
            const standing = ["p1", "p2", "p3", "p4"].map((partyId) => {
              let latest: (typeof live)[number] | null = null;
              for (const s of live)
                if (s.issueId === issueId && s.partyId === partyId && s.statedOn <= date)
                  if (!latest || s.statedOn >= latest.statedOn) latest = s;
              return latest?.position ?? null;
            });
            const cell = swept.get(issueId)![c]!;
            expect(cell.date).toBe(date);
            expect(cell.spread, `${issueId} on ${date}`).toBe(referenceSpread(standing));
            expect(cell.inZone).toBe(referenceInZone(standing));
            expect(cell.placed).toBe(standing.filter((p) => p && RANK[p] !== undefined).length);
          }
        }
      }),
      { seed: SEED, numRuns: 300 },
    );
  });

  it("judges conditional offers on every column against the cells standing that day, as the zone list does", () => {
    const conditionArbitrary = fc.option(
      fc.record({
        issueId: fc.constantFrom("i1", "i2"),
        partyId: fc.constantFrom("p1", "p2", "p3", "p4"),
        minPosition: fc.constantFrom<P>("REJECTS", "OPPOSES", "OPEN", "SUPPORTS", "DEMANDS"),
        inWordsOnly: fc.boolean(),
      }),
      { nil: null },
    );
    const offersArbitrary = fc.record({
      statements: fc.array(
        fc.record({
          issueId: fc.constantFrom("i1", "i2"),
          partyId: fc.constantFrom("p1", "p2", "p3", "p4"),
          position: fc.constantFrom(...POSITIONS),
          statedOn: fc.integer({ min: 0, max: 20 }).map(day),
          condition: conditionArbitrary,
        }),
        { maxLength: 30 },
      ),
      columns: fc.uniqueArray(fc.integer({ min: 0, max: 22 }).map(day), { minLength: 1, maxLength: 6 }),
    });
    fc.assert(
      fc.property(offersArbitrary, ({ statements, columns: unsorted }) => {
        const columns = [...unsorted].sort();
        const ordered = statements.map((s, order) => ({ ...s, order }));
        const handed = newestFirst(
          ordered.map((s): BucketedPosition & { statedOn: string; order: number } => {
            const c = s.condition;
            return {
              ...s,
              bucket: columns.filter((column) => column < s.statedOn).length,
              conditionText: c ? "Only if." : null,
              conditionIssueId: c && !c.inWordsOnly ? c.issueId : null,
              conditionPartyId: c && !c.inWordsOnly ? c.partyId : null,
              conditionMinPosition: c && !c.inWordsOnly ? c.minPosition : null,
            };
          }),
        ).filter((s) => s.bucket < columns.length);
        const swept = sweepHeatMap(["i1", "i2"], columns, landedCells(handed));
        for (const [col, date] of columns.entries()) {
          const standingOf = (issueId: string, partyId: string) => {
            let latest: (typeof ordered)[number] | null = null;
            for (const s of ordered)
              if (s.issueId === issueId && s.partyId === partyId && s.statedOn <= date)
                if (!latest || s.statedOn >= latest.statedOn) latest = s;
            return latest;
          };
          for (const issueId of ["i1", "i2"]) {
            const parties = ["p1", "p2", "p3", "p4"].flatMap((partyId): { position: P; conditionMet?: boolean }[] => {
              const s = standingOf(issueId, partyId);
              if (!s) return [];
              if (!s.condition) return [{ position: s.position }];
              if (s.condition.inWordsOnly) return [{ position: s.position, conditionMet: false }];
              const other = standingOf(s.condition.issueId, s.condition.partyId)?.position;
              const met =
                other !== undefined && RANK[other] !== undefined && RANK[other]! >= RANK[s.condition.minPosition]!;
              return [{ position: s.position, conditionMet: met }];
            });
            const cell = swept.get(issueId)![col]!;
            expect(cell.inZone, `${issueId} on ${date}`).toBe(referenceZoneWithOffers(parties));
            const plain = parties.filter((p) => p.conditionMet === undefined).map((p) => p.position);
            expect(cell.spread).toBe(referenceSpread(plain));
          }
        }
      }),
      { seed: SEED, numRuns: 300 },
    );
  });

  it("puts the demo's Aegis Ashore offer in the zone once its condition's cell reaches the minimum", () => {
    const offer = {
      issueId: "missiles",
      partyId: "us",
      position: "SUPPORTS" as const,
      bucket: 0,
      conditionText: "Reciprocal measures by Russia.",
      conditionIssueId: "transparency",
      conditionPartyId: "ru",
      conditionMinPosition: "OPEN" as const,
    };
    const rows: BucketedPosition[] = [
      offer,
      { issueId: "missiles", partyId: "ru", position: "DEMANDS", bucket: 0 },
      { issueId: "transparency", partyId: "ru", position: "OPPOSES", bucket: 0 },
      { issueId: "transparency", partyId: "ru", position: "OPEN", bucket: 1 },
    ];
    const swept = sweepHeatMap(["missiles"], ["2022-01-10", "2022-01-26"], landedCells(rows)).get("missiles")!;
    expect(swept.map((c) => c.inZone)).toEqual([false, true]);
    // Only Russia is on the scale for the spread; the met offer agrees whatever step it was stated at.
    expect(swept.map((c) => [c.spread, c.placed])).toEqual([
      [0, 1],
      [0, 2],
    ]);
  });

  it("uses the change dates as columns when they are few, else weeks ending on the last change", () => {
    expect(heatMapColumns(["2022-01-10", "2022-01-27"])).toEqual(["2022-01-10", "2022-01-27"]);
    const many = Array.from({ length: 100 }, (_, i) => day(i * 3));
    const weekly = heatMapColumns(many);
    expect(weekly[0]).toBe(many[0]);
    expect(weekly.at(-1)).toBe(many.at(-1));
    expect(weekly.length).toBe(Math.ceil(297 / 7) + 1);
  });
});

describe("what moved", () => {
  const parties = [
    { id: "ru", name: "Russia" },
    { id: "us", name: "United States" },
  ];
  const issues = [{ id: "arms", title: "Arms control" }];
  const cell = (partyId: string, position: P, statedOn: string) => ({
    issueId: "arms",
    partyId,
    statement: { position, statedOn },
  });

  it("says who moved from what to what, what was newly stated and what was retracted, with links", () => {
    const digest = buildWhatMoved({
      slug: "demo",
      from: "2022-01-20",
      to: "2022-02-16",
      labels: DEFAULT_POSITION_LABELS,
      issues,
      parties,
      before: [cell("ru", "CONDITIONAL", "2022-01-10")],
      after: [cell("ru", "OPEN", "2022-02-16"), cell("us", "SUPPORTS", "2022-01-26")],
      statements: [
        {
          id: "s1",
          issueId: "arms",
          partyId: "us",
          position: "SUPPORTS",
          summary: "Yes.",
          statedOn: "2022-01-26",
          amendment: null,
        },
        {
          id: "s2",
          issueId: "arms",
          partyId: "ru",
          position: "OPEN",
          summary: "Maybe.",
          statedOn: "2022-02-16",
          amendment: null,
        },
        {
          id: "s3",
          issueId: "arms",
          partyId: "us",
          position: "REJECTS",
          summary: "No.",
          statedOn: "2022-01-25",
          amendment: { kind: "RETRACTED", reason: "Misattributed." },
        },
        {
          id: "s0",
          issueId: "arms",
          partyId: "us",
          position: "OPEN",
          summary: "Old.",
          statedOn: "2022-01-20",
          amendment: null,
        },
      ],
    });
    expect(digest.moved.map((m) => m.sentence)).toEqual([
      "Russia moved from Conditional to Open to negotiate on Arms control (16 Feb 2022).",
      "United States took a position on Arms control: Supports (26 Jan 2022).",
    ]);
    expect(digest.moved[0]!.href).toBe("/w/demo?asOf=2022-02-16&cell=arms:ru");
    expect(digest.stated.map((s) => s.statementId)).toEqual(["s1", "s2"]);
    expect(digest.stated[0]!.sentence).toBe("On 26 Jan 2022, United States stated Supports on Arms control: Yes.");
    expect(digest.retracted).toMatchObject([
      {
        statementId: "s3",
        href: "/w/demo?asOf=2022-01-25&cell=arms:us",
        sentence: "United States's statement of 25 Jan 2022 on Arms control (Rejects) was retracted: Misattributed.",
      },
    ]);
  });

  it("reports a position that no longer stands", () => {
    const digest = buildWhatMoved({
      slug: "demo",
      from: "2022-01-01",
      to: "2022-02-01",
      labels: DEFAULT_POSITION_LABELS,
      issues,
      parties,
      before: [cell("ru", "DEMANDS", "2021-12-17")],
      after: [],
      statements: [],
    });
    expect(digest.moved).toMatchObject([{ from: "DEMANDS", to: null, href: "/w/demo?asOf=2022-02-01&cell=arms:ru" }]);
  });
});
