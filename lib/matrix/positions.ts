import { Position } from "@/lib/generated/prisma/enums";

export { Position };

export const POSITIONS = [
  Position.DEMANDS,
  Position.SUPPORTS,
  Position.OPEN,
  Position.CONDITIONAL,
  Position.OPPOSES,
  Position.REJECTS,
  Position.NO_POSITION,
] as const;

export const DEFAULT_POSITION_LABELS: Record<Position, string> = {
  DEMANDS: "Demands",
  SUPPORTS: "Supports",
  OPEN: "Open to negotiate",
  CONDITIONAL: "Conditional",
  OPPOSES: "Opposes",
  REJECTS: "Rejects",
  NO_POSITION: "No stated position",
};

// Fixed per position so the same colour means the same thing in every workspace.
export const POSITION_STYLES: Record<Position, { swatch: string; fill: string; cell: string; text: string }> = {
  DEMANDS: {
    swatch: "bg-violet-700",
    fill: "fill-violet-700",
    cell: "bg-violet-50 border-violet-300",
    text: "text-violet-900",
  },
  SUPPORTS: {
    swatch: "bg-emerald-600",
    fill: "fill-emerald-600",
    cell: "bg-emerald-50 border-emerald-300",
    text: "text-emerald-900",
  },
  OPEN: { swatch: "bg-sky-500", fill: "fill-sky-500", cell: "bg-sky-50 border-sky-300", text: "text-sky-900" },
  CONDITIONAL: {
    swatch: "bg-amber-500",
    fill: "fill-amber-500",
    cell: "bg-amber-50 border-amber-300",
    text: "text-amber-900",
  },
  OPPOSES: {
    swatch: "bg-orange-600",
    fill: "fill-orange-600",
    cell: "bg-orange-50 border-orange-300",
    text: "text-orange-900",
  },
  REJECTS: { swatch: "bg-red-700", fill: "fill-red-700", cell: "bg-red-50 border-red-300", text: "text-red-900" },
  NO_POSITION: {
    swatch: "bg-slate-400",
    fill: "fill-slate-400",
    cell: "bg-slate-50 border-slate-300",
    text: "text-slate-700",
  },
};

export type PositionLabels = Record<Position, string>;

/** Workspace overrides stored as JSON; anything unknown or empty falls back to the default. */
export function resolvePositionLabels(stored: unknown): PositionLabels {
  const labels = { ...DEFAULT_POSITION_LABELS };
  if (stored && typeof stored === "object") {
    for (const position of POSITIONS) {
      const value = (stored as Record<string, unknown>)[position];
      if (typeof value === "string" && value.trim()) labels[position] = value.trim();
    }
  }
  return labels;
}
