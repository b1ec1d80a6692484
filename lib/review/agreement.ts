// Agreement between coders, from the definitions: Krippendorff's alpha through the coincidence
// matrix (K. Krippendorff, "Computing Krippendorff's Alpha-Reliability", 2011) and Cohen's kappa
// for two coders (J. Cohen, 1960). Pure functions, usable on the server and in the browser.

export type Code = string | number;
/** A code, or null (or undefined) where the coder coded nothing. */
export type MaybeCode = Code | null | undefined;

export type Level = { level: "nominal" } | { level: "ordinal"; order: readonly Code[] };

export type AlphaResult = {
  /** Null when undefined: no pairable values, or every pairable value the same (no expected disagreement). */
  alpha: number | null;
  /** Units coded by at least two coders; the others drop out. */
  units: number;
  /** Pairable values: the codes in those units (n in Krippendorff's notation). */
  values: number;
};

export type KappaResult = {
  /** Null when undefined: no unit coded by both, or both coders used one and the same code throughout. */
  kappa: number | null;
  /** Units both coders coded. */
  units: number;
  observed: number;
  expected: number;
};

const present = (code: MaybeCode): code is Code => code !== null && code !== undefined;

/**
 * The coincidence matrix: each unit coded by m_u ≥ 2 coders contributes every ordered pair of its
 * values from different coders, weighted 1/(m_u − 1), so each pairable value counts once in total.
 */
function coincidences(units: readonly (readonly MaybeCode[])[]) {
  const matrix = new Map<Code, Map<Code, number>>();
  let pairable = 0;
  for (const unit of units) {
    const codes = unit.filter(present);
    const m = codes.length;
    if (m < 2) continue;
    pairable++;
    for (let i = 0; i < m; i++)
      for (let j = 0; j < m; j++) {
        if (i === j) continue;
        const row = matrix.get(codes[i]!) ?? new Map<Code, number>();
        row.set(codes[j]!, (row.get(codes[j]!) ?? 0) + 1 / (m - 1));
        matrix.set(codes[i]!, row);
      }
  }
  return { matrix, pairable };
}

type Distance = (c: Code, k: Code) => number;

const nominalDistance: Distance = (c, k) => (c === k ? 0 : 1);

/**
 * The ordinal metric: the squared mass of the marginal totals between two ranks, the ranks' own
 * totals counted half (δ²_ck = (Σ_{g=c..k} n_g − (n_c + n_k)/2)²).
 */
function ordinalDistance(order: readonly Code[], totals: Map<Code, number>): Distance {
  const rank = new Map(order.map((code, index) => [code, index]));
  return (c, k) => {
    const a = rank.get(c);
    const b = rank.get(k);
    if (a === undefined || b === undefined)
      throw new RangeError(`A code missing from the ordinal scale: ${String(a === undefined ? c : k)}`);
    if (a === b) return 0;
    const [low, high] = a < b ? [a, b] : [b, a];
    let sum = 0;
    for (let g = low; g <= high; g++) sum += totals.get(order[g]!) ?? 0;
    const between = sum - ((totals.get(order[low]!) ?? 0) + (totals.get(order[high]!) ?? 0)) / 2;
    return between * between;
  };
}

/**
 * Krippendorff's alpha for reliability data given unit by unit: `units[u][i]` is coder i's code
 * for unit u (null where missing). α = 1 − D_o / D_e, with D_o from the coincidences and D_e
 * from their marginal totals.
 */
export function krippendorffAlpha(units: readonly (readonly MaybeCode[])[], level: Level): AlphaResult {
  const { matrix, pairable } = coincidences(units);
  const totals = new Map<Code, number>();
  for (const [c, row] of matrix) for (const count of row.values()) totals.set(c, (totals.get(c) ?? 0) + count);
  const n = [...totals.values()].reduce((a, b) => a + b, 0);
  const values = Math.round(n);
  if (values < 2) return { alpha: null, units: pairable, values };
  const distance = level.level === "nominal" ? nominalDistance : ordinalDistance(level.order, totals);
  let observed = 0;
  for (const [c, row] of matrix) for (const [k, count] of row) observed += count * distance(c, k);
  let expected = 0;
  for (const [c, nc] of totals) for (const [k, nk] of totals) expected += nc * nk * distance(c, k);
  if (expected === 0) return { alpha: null, units: pairable, values };
  return { alpha: 1 - ((n - 1) * observed) / expected, units: pairable, values };
}

/**
 * Cohen's kappa for two coders: κ = (p_o − p_e) / (1 − p_e), with p_e from each coder's own
 * marginal proportions. Units either coder left uncoded drop out.
 */
export function cohenKappa(pairs: readonly (readonly [MaybeCode, MaybeCode])[]): KappaResult {
  const coded = pairs.filter(([a, b]) => present(a) && present(b)) as [Code, Code][];
  const units = coded.length;
  if (units === 0) return { kappa: null, units, observed: 0, expected: 0 };
  const first = new Map<Code, number>();
  const second = new Map<Code, number>();
  let agreeing = 0;
  for (const [a, b] of coded) {
    if (a === b) agreeing++;
    first.set(a, (first.get(a) ?? 0) + 1);
    second.set(b, (second.get(b) ?? 0) + 1);
  }
  const observed = agreeing / units;
  let expected = 0;
  for (const [code, count] of first) expected += (count / units) * ((second.get(code) ?? 0) / units);
  return { kappa: expected === 1 ? null : (observed - expected) / (1 - expected), units, observed, expected };
}
