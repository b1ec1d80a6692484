import { POSITIONS, type Position } from "@/lib/matrix/positions";
import {
  type AlphaResult,
  cohenKappa,
  type KappaResult,
  krippendorffAlpha,
  type MaybeCode,
} from "@/lib/review/agreement";

// Agreement figures of a coding round, from lib/review/agreement.ts. Pure, so the integration
// tests can recompute them from the same rows.

export type UnitCode = { evidenceId: string; coderId: string; partyId: string; issueId: string; position: Position };

type Variable = "party" | "issue" | "position";
const VARIABLES: readonly Variable[] = ["party", "issue", "position"];

const codeValue = (code: UnitCode | undefined, variable: Variable): MaybeCode =>
  code ? (variable === "party" ? code.partyId : variable === "issue" ? code.issueId : code.position) : null;

// Positions are ordinal in the matrix's order, from "demands" to "rejects"; "no stated position"
// sits outside that scale, so it counts as nominal-missing for the ordinal alpha.
const POSITION_SCALE = POSITIONS.filter((p) => p !== "NO_POSITION");
const ordinalPosition = (value: MaybeCode): MaybeCode => (value === "NO_POSITION" ? null : value);

export type PairFigures = { coderA: string; coderB: string } & Record<Variable, KappaResult>;
export type IssueFigures = {
  issueId: string;
  position: AlphaResult;
  pairs: { coderA: string; coderB: string; position: KappaResult }[];
};

export type RoundFigures = {
  units: number;
  alpha: Record<Variable, AlphaResult>;
  pairs: PairFigures[];
  issues: IssueFigures[];
};

function alphaOf(matrix: MaybeCode[][], variable: Variable): AlphaResult {
  return variable === "position"
    ? krippendorffAlpha(
        matrix.map((unit) => unit.map(ordinalPosition)),
        { level: "ordinal", order: POSITION_SCALE },
      )
    : krippendorffAlpha(matrix, { level: "nominal" });
}

export function roundFigures(
  coderIds: readonly string[],
  evidenceIds: readonly string[],
  codes: readonly UnitCode[],
): RoundFigures {
  const byUnit = new Map<string, Map<string, UnitCode>>();
  for (const code of codes) {
    const unit = byUnit.get(code.evidenceId) ?? new Map<string, UnitCode>();
    unit.set(code.coderId, code);
    byUnit.set(code.evidenceId, unit);
  }
  const cell = (evidenceId: string, coderId: string) => byUnit.get(evidenceId)?.get(coderId);
  const matrix = (variable: Variable, keep: (code: UnitCode) => boolean = () => true) =>
    evidenceIds.map((e) =>
      coderIds.map((c) => {
        const code = cell(e, c);
        return code && keep(code) ? codeValue(code, variable) : null;
      }),
    );
  const alpha = Object.fromEntries(VARIABLES.map((v) => [v, alphaOf(matrix(v), v)])) as Record<Variable, AlphaResult>;
  const pairsOf = <V extends Variable>(variables: readonly V[], keep: (code: UnitCode) => boolean = () => true) => {
    const pairs: ({ coderA: string; coderB: string } & Record<V, KappaResult>)[] = [];
    for (let i = 0; i < coderIds.length; i++)
      for (let j = i + 1; j < coderIds.length; j++) {
        const [a, b] = [coderIds[i]!, coderIds[j]!];
        const figures = Object.fromEntries(
          variables.map((v) => [
            v,
            cohenKappa(
              evidenceIds.map((e) => {
                const [x, y] = [cell(e, a), cell(e, b)];
                return [x && keep(x) ? codeValue(x, v) : null, y && keep(y) ? codeValue(y, v) : null] as const;
              }),
            ),
          ]),
        ) as Record<V, KappaResult>;
        pairs.push({ coderA: a, coderB: b, ...figures });
      }
    return pairs;
  };
  // Per issue: a coder's position counts for the issue they coded the quote under.
  const issueIds = [...new Set(codes.map((c) => c.issueId))];
  const issues = issueIds.map((issueId) => {
    const onIssue = (code: UnitCode) => code.issueId === issueId;
    return {
      issueId,
      position: alphaOf(matrix("position", onIssue), "position"),
      pairs: pairsOf(["position"], onIssue),
    };
  });
  const units = evidenceIds.filter((e) => (byUnit.get(e)?.size ?? 0) >= 2).length;
  return { units, alpha, pairs: pairsOf(VARIABLES), issues };
}

export type Disagreement = { evidenceId: string; fields: Variable[]; codes: UnitCode[] };

/** The units the coders coded differently, with the fields they differ on. */
export function findDisagreements(evidenceIds: readonly string[], codes: readonly UnitCode[]): Disagreement[] {
  return evidenceIds.flatMap((evidenceId) => {
    const unitCodes = codes.filter((c) => c.evidenceId === evidenceId);
    if (unitCodes.length < 2) return [];
    const fields = VARIABLES.filter((v) => new Set(unitCodes.map((c) => codeValue(c, v))).size > 1);
    return fields.length ? [{ evidenceId, fields, codes: unitCodes }] : [];
  });
}

export const formatCoefficient = (value: number | null) => (value === null ? "undefined" : value.toFixed(3));
