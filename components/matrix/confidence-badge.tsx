import { CONFIDENCE_LABELS, type ConfidenceLevel } from "@/lib/matrix/limits";

const STYLES: Record<ConfidenceLevel, string> = {
  LOW: "border-dashed border-slate-400 text-slate-600",
  MEDIUM: "border-slate-300 text-slate-700",
  HIGH: "border-emerald-400 text-emerald-800",
};

/** The recording analyst's confidence in a statement, with the rationale when they gave one. */
export function ConfidenceNote({ confidence, rationale }: { confidence: ConfidenceLevel; rationale: string | null }) {
  return (
    <p data-testid="statement-confidence" data-confidence={confidence} className="mt-2 text-sm text-slate-700">
      <span className={`rounded-full border px-2 py-0.5 text-xs font-medium ${STYLES[confidence]}`}>
        {CONFIDENCE_LABELS[confidence]} confidence
      </span>
      {rationale ? <span className="ml-2 whitespace-pre-line">{rationale}</span> : null}
    </p>
  );
}
