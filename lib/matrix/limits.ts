// The matrix's limits and labels, apart from the zod schemas that enforce them (schema.ts), so that
// the browser's editor can show them without shipping zod.

export type ConfidenceLevel = "LOW" | "MEDIUM" | "HIGH";

export const CONFIDENCE_LEVELS = ["LOW", "MEDIUM", "HIGH"] as const satisfies readonly ConfidenceLevel[];

export const CONFIDENCE_LABELS: Record<ConfidenceLevel, string> = { LOW: "Low", MEDIUM: "Medium", HIGH: "High" };

export const CONFIDENCE_RATIONALE_MAX = 500;

/** The steps of the ordinal scale a condition's minimum may name, firmest "no" first. */
export const CONDITION_MIN_POSITIONS = ["REJECTS", "OPPOSES", "OPEN", "SUPPORTS", "DEMANDS"] as const;

export const CONDITION_TEXT_MAX = 1000;

export const SUMMARY_MAX = 600;
