import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cohenKappa, krippendorffAlpha, type MaybeCode } from "@/lib/review/agreement";

// Worked examples from K. Krippendorff, "Computing Krippendorff's Alpha-Reliability" (2011), and the
// two-rater example of Cohen's kappa on Wikipedia. Data written coder by coder, as published;
// `byUnit` turns the coders × units table into the units × coders form the functions take.
const byUnit = (coders: MaybeCode[][]) => coders[0]!.map((_, unit) => coders.map((coder) => coder[unit]));
const _ = null;

// Section C: nominal data, four observers, twelve units, missing data (unit 12 is coded once and drops out).
const FOUR_OBSERVERS = byUnit([
  [1, 2, 3, 3, 2, 1, 4, 1, 2, _, _, _],
  [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, _, 3],
  [_, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, _],
  [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, _],
]);

describe("Krippendorff's alpha on the published examples", () => {
  it("four observers, missing data, nominal: α = 0.743", () => {
    const result = krippendorffAlpha(FOUR_OBSERVERS, { level: "nominal" });
    expect(result.alpha).toBeCloseTo(0.743, 3);
    expect(result.units).toBe(11);
    expect(result.values).toBe(40);
  });

  it("the same data as ordinal: α = 0.815", () => {
    const result = krippendorffAlpha(FOUR_OBSERVERS, { level: "ordinal", order: [1, 2, 3, 4, 5] });
    expect(result.alpha).toBeCloseTo(0.815, 3);
  });

  it("section A, binary data, two observers: α = 0.095", () => {
    const units = byUnit([
      [0, 1, 0, 0, 0, 0, 0, 0, 1, 0],
      [1, 1, 1, 0, 0, 1, 0, 0, 0, 0],
    ]);
    expect(krippendorffAlpha(units, { level: "nominal" }).alpha).toBeCloseTo(0.095, 3);
  });

  it("section B, nominal data, two observers: α = 0.692", () => {
    const units = byUnit([
      ["a", "a", "b", "b", "d", "c", "c", "c", "e", "d", "d", "a"],
      ["b", "a", "b", "b", "b", "c", "c", "c", "e", "d", "d", "d"],
    ]);
    expect(krippendorffAlpha(units, { level: "nominal" }).alpha).toBeCloseTo(0.692, 3);
  });

  it("is undefined without pairable values or without variation", () => {
    expect(
      krippendorffAlpha(
        [
          [1, _],
          [_, 2],
        ],
        { level: "nominal" },
      ).alpha,
    ).toBeNull();
    expect(
      krippendorffAlpha(
        [
          [1, 1],
          [1, 1],
        ],
        { level: "nominal" },
      ).alpha,
    ).toBeNull();
  });
});

describe("Cohen's kappa on the published examples", () => {
  const table = (yesYes: number, yesNo: number, noYes: number, noNo: number) =>
    [
      ...Array<[string, string]>(yesYes).fill(["yes", "yes"]),
      ...Array<[string, string]>(yesNo).fill(["yes", "no"]),
      ...Array<[string, string]>(noYes).fill(["no", "yes"]),
      ...Array<[string, string]>(noNo).fill(["no", "no"]),
    ] as [string, string][];

  it("fifty grant proposals read by two readers: κ = 0.4", () => {
    const result = cohenKappa(table(20, 5, 10, 15));
    expect(result.observed).toBeCloseTo(0.7, 3);
    expect(result.expected).toBeCloseTo(0.5, 3);
    expect(result.kappa).toBeCloseTo(0.4, 3);
  });

  it("the same agreement, different marginals: κ = 0.130 and 0.259", () => {
    expect(cohenKappa(table(45, 15, 25, 15)).kappa).toBeCloseTo(0.1304, 3);
    expect(cohenKappa(table(25, 35, 5, 35)).kappa).toBeCloseTo(0.2593, 3);
  });

  it("drops the units one coder left out", () => {
    const result = cohenKappa([...table(20, 5, 10, 15), ["yes", null], [undefined, "no"]]);
    expect(result.units).toBe(50);
    expect(result.kappa).toBeCloseTo(0.4, 3);
  });
});

// ── Properties ──────────────────────────────────────────────────────────────────────────────
const SCALE = [1, 2, 3, 4, 5];
const code = fc.option(fc.constantFrom(...SCALE), { nil: null, freq: 4 });
const reliabilityData = fc
  .integer({ min: 2, max: 5 })
  .chain((coders) =>
    fc.array(fc.array(code, { minLength: coders, maxLength: coders }), { minLength: 1, maxLength: 30 }),
  );
const LEVELS = [{ level: "nominal" }, { level: "ordinal", order: SCALE }] as const;

describe("agreement properties", () => {
  it("perfect agreement gives 1 whenever alpha is defined", () => {
    const perfect = fc.record({
      codes: fc.array(fc.constantFrom(...SCALE), { minLength: 2, maxLength: 30 }),
      coders: fc.integer({ min: 2, max: 5 }),
    });
    fc.assert(
      fc.property(perfect, ({ codes, coders }) => {
        const units = codes.map((c) => Array<number>(coders).fill(c));
        const distinct = new Set(codes).size > 1;
        for (const level of LEVELS) {
          const { alpha } = krippendorffAlpha(units, level);
          if (distinct) expect(alpha).toBeCloseTo(1, 9);
          else expect(alpha).toBeNull();
        }
        const kappa = cohenKappa(codes.map((c) => [c, c])).kappa;
        if (distinct) expect(kappa).toBeCloseTo(1, 9);
        else expect(kappa).toBeNull();
      }),
    );
  });

  it("alpha does not depend on the order of the coders or of the units", () => {
    fc.assert(
      fc.property(reliabilityData, fc.integer(), fc.integer(), (units, unitSeed, coderSeed) => {
        const shuffledUnits = shuffle(units, unitSeed);
        const coderOrder = shuffle(
          units[0]!.map((_, i) => i),
          coderSeed,
        );
        const shuffledCoders = units.map((unit) => coderOrder.map((i) => unit[i]));
        for (const level of LEVELS) {
          const alpha = krippendorffAlpha(units, level).alpha;
          for (const other of [shuffledUnits, shuffledCoders]) {
            const again = krippendorffAlpha(other, level).alpha;
            if (alpha === null) expect(again).toBeNull();
            else expect(again).toBeCloseTo(alpha, 9);
          }
        }
      }),
    );
  });

  it("kappa is symmetric in its two coders and does not depend on the order of the units", () => {
    const pairs = fc.array(fc.tuple(code, code), { minLength: 1, maxLength: 40 });
    fc.assert(
      fc.property(pairs, fc.integer(), (list, seed) => {
        const kappa = cohenKappa(list).kappa;
        for (const other of [list.map(([a, b]) => [b, a] as const), shuffle(list, seed)]) {
          const again = cohenKappa(other).kappa;
          if (kappa === null) expect(again).toBeNull();
          else expect(again).toBeCloseTo(kappa, 9);
        }
      }),
    );
  });

  it("alpha never exceeds 1", () => {
    fc.assert(
      fc.property(reliabilityData, (units) => {
        for (const level of LEVELS) {
          const { alpha } = krippendorffAlpha(units, level);
          if (alpha !== null) expect(alpha).toBeLessThanOrEqual(1 + 1e-9);
        }
      }),
    );
  });
});

/** A deterministic Fisher–Yates shuffle from a seed (a linear congruential generator). */
function shuffle<T>(items: readonly T[], seed: number): T[] {
  const copy = [...items];
  let state = seed >>> 0;
  for (let i = copy.length - 1; i > 0; i--) {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    const j = state % (i + 1);
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}
