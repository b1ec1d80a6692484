import type { Position } from "@/lib/generated/prisma/enums";

// The ordinal scale convergence is measured on, from the firmest "no" to the firmest "yes": one
// step between neighbours. Two positions of the Position enum are left off it on purpose:
// - NO_POSITION says a party has not taken a stance, so it is treated like an empty cell;
// - CONDITIONAL is a stance that turns into another once its condition is met (or not), so it has
//   no single place on the scale. A conditional party is reported beside the issue but takes no
//   part in the spread, the distances or the zone test, until conditions can be evaluated.
export const ORDINAL_SCALE = [
  "REJECTS",
  "OPPOSES",
  "OPEN",
  "SUPPORTS",
  "DEMANDS",
] as const satisfies readonly Position[];

export type OrdinalPosition = (typeof ORDINAL_SCALE)[number];

/** The position's step on the scale (0 = Rejects … 4 = Demands), or null when it has none. */
export function positionStep(position: Position | null | undefined): number | null {
  const step = ORDINAL_SCALE.indexOf(position as OrdinalPosition);
  return step < 0 ? null : step;
}

/** How many steps apart two positions are; null when either is off the scale or missing. */
export function positionDistance(a: Position | null | undefined, b: Position | null | undefined): number | null {
  const x = positionStep(a);
  const y = positionStep(b);
  return x === null || y === null ? null : Math.abs(x - y);
}

/** Steps between the furthest-apart positions on the scale; null when none is on it. */
export function positionSpread(positions: readonly (Position | null | undefined)[]): number | null {
  const steps = positions.map(positionStep).filter((step): step is number => step !== null);
  return steps.length === 0 ? null : Math.max(...steps) - Math.min(...steps);
}

/**
 * The zone of possible agreement: at least two parties on the scale, and every one of them within
 * one step of every other (which is a spread of at most one). A single voice is no agreement.
 */
export function isInZone(positions: readonly (Position | null | undefined)[]): boolean {
  const placed = positions.filter((position) => positionStep(position) !== null).length;
  const spread = positionSpread(positions);
  return placed >= 2 && spread !== null && spread <= 1;
}

/** The zone test on an issue's counts: at least two voices, on the scale within a step of each other. */
export function isZone(voices: number, spread: number | null): boolean {
  return voices >= 2 && (spread === null || spread <= 1);
}

/**
 * A party's shown stance. `conditionMet` is set only for a conditional offer (a statement with a
 * condition): true when its condition's cell stands at the minimum or better, false otherwise
 * (a condition in words alone cannot be evaluated, so it is never met).
 */
export type PartyPosition = { partyId: string; position: Position; conditionMet?: boolean };

export type IssueAssessment = {
  spread: number | null;
  inZone: boolean;
  /** Every pair of parties both on the scale, in the order given. */
  distances: { partyIds: [string, string]; distance: number }[];
  /** Parties whose stance is conditional and not (known to be) met: not placed on the scale. */
  conditionalPartyIds: string[];
  /** Parties whose conditional offer's condition is met: they count as agreeing (see assessIssue). */
  agreeingPartyIds: string[];
};

/**
 * Spread, distances and the zone of possible agreement of one issue. A conditional offer whose
 * condition is met counts as agreeing: it is one of the (at least two) voices the zone needs and
 * never widens the spread, whatever step it was stated at. One whose condition is not met is off
 * the scale, as a CONDITIONAL stance is.
 */
export function assessIssue(positions: readonly PartyPosition[]): IssueAssessment {
  const agreeing = positions.filter((p) => p.conditionMet === true);
  const unconditional = positions.filter((p) => p.conditionMet === undefined);
  const placed = unconditional.filter((p) => positionStep(p.position) !== null);
  const distances: IssueAssessment["distances"] = [];
  for (const [i, a] of placed.entries())
    for (const b of placed.slice(i + 1))
      distances.push({ partyIds: [a.partyId, b.partyId], distance: positionDistance(a.position, b.position) ?? 0 });
  const spread = positionSpread(placed.map((p) => p.position));
  return {
    spread,
    inZone: isZone(placed.length + agreeing.length, spread),
    distances,
    conditionalPartyIds: positions
      .filter((p) => p.conditionMet === false || (p.conditionMet === undefined && p.position === "CONDITIONAL"))
      .map((p) => p.partyId),
    agreeingPartyIds: agreeing.map((p) => p.partyId),
  };
}
