import { CalendarDate } from "@/components/ui/calendar-date";
import type { RedLineMark } from "@/lib/matrix/qualities";
import type { StatementQualities } from "@/lib/matrix/schema";

/**
 * The small marks a matrix cell carries: a red line, a condition. Each has an accessible name; the
 * badge's "if" is drawn by CSS, not written as text, so that the cell's visible words stay exactly
 * those its own name reads (WCAG 2.5.3, label in name).
 */
export function QualityIcons({ qualities }: { qualities: Partial<StatementQualities> }) {
  const conditional = Boolean(qualities.conditionText || qualities.conditionCell);
  if (!qualities.redLine && !conditional) return null;
  return (
    <span className="inline-flex items-center gap-0.5 align-middle">
      {qualities.redLine ? (
        <span
          role="img"
          aria-label="Red line"
          title="Red line: stated as non-negotiable"
          data-testid="red-line-icon"
          className="inline-block h-3 w-3 rounded-sm border-2 border-red-700 bg-red-100"
        />
      ) : null}
      {conditional ? (
        <span
          role="img"
          aria-label="Conditional"
          title={`Conditional${qualities.conditionText ? `: ${qualities.conditionText}` : ""}`}
          data-testid="conditional-icon"
          className="inline-flex h-3.5 min-w-3.5 items-center justify-center rounded-full bg-amber-200 px-0.5 text-[9px] font-bold leading-none text-amber-950 after:content-['if']"
        />
      ) : null}
    </span>
  );
}

const MARKS: Record<RedLineMark, string> = {
  drawn: "Red line first drawn on",
  redrawn: "Red line drawn again on",
  softened: "Red line softened on",
};

/** A statement's red line and condition as the cell history states them. */
export function QualitiesNote({
  qualities,
  statedOn,
  mark,
  conditionCell,
  labels,
}: {
  qualities: StatementQualities;
  statedOn: string;
  mark: RedLineMark | undefined;
  /** The names of the condition's issue and party. */
  conditionCell: { issue: string; party: string } | null;
  labels: Record<string, string>;
}) {
  const condition = qualities.conditionCell;
  if (!qualities.redLine && !mark && !qualities.conditionText && !condition) return null;
  return (
    <div className="mt-2 space-y-1 text-sm">
      {qualities.redLine ? (
        <p data-testid="statement-red-line" className="text-red-900">
          <span className="rounded-full border border-red-300 bg-red-50 px-2 py-0.5 text-xs font-medium">Red line</span>{" "}
          stated as non-negotiable.
        </p>
      ) : null}
      {mark ? (
        <p className={mark === "softened" ? "text-emerald-900" : "text-red-900"}>
          {MARKS[mark]} <CalendarDate value={statedOn} />.
        </p>
      ) : null}
      {qualities.conditionText || condition ? (
        <p data-testid="statement-condition" className="text-amber-950">
          <span className="rounded-full border border-amber-300 bg-amber-50 px-2 py-0.5 text-xs font-medium">
            Conditional
          </span>{" "}
          {condition && conditionCell
            ? `Only if ${conditionCell.party} on ${conditionCell.issue} is at ${labels[condition.minPosition] ?? condition.minPosition} or better`
            : null}
          {condition && qualities.conditionText ? ": " : null}
          {qualities.conditionText}
          {condition || qualities.conditionText ? "." : null}
        </p>
      ) : null}
    </div>
  );
}
