"use client";

import type { Mode } from "@/components/matrix/use-cell-editor";
import { useDates } from "@/components/ui/date-locale";
import { LocalTime } from "@/components/ui/local-time";
import type { CellState } from "@/lib/matrix/mutations";

type Amendment = NonNullable<NonNullable<CellState["target"]>["amendment"]>;

/** Someone else's change that beat the user's edit: who changed what, what the cell shows now, and re-applying. */
export function ConflictPanel({
  conflict,
  mode,
  targetAmendment,
  labels,
  canReapply,
  onReapply,
}: {
  conflict: CellState;
  mode: Mode;
  targetAmendment: Amendment | null;
  labels: Record<string, string>;
  canReapply: boolean;
  onReapply: () => void;
}) {
  const dates = useDates();
  return (
    <div role="alert" className="rounded-md border border-amber-400 bg-amber-50 p-3 text-sm text-amber-950">
      <p className="font-semibold">Someone else changed this cell while you were editing. Your edit was not saved.</p>
      {targetAmendment && mode !== "record" ? (
        <p className="mt-1" data-testid="conflict-target">
          The statement you were {mode === "correct" ? "correcting" : "retracting"} was already{" "}
          {targetAmendment.kind === "CORRECTED" ? "corrected" : "retracted"} by{" "}
          <strong>{targetAmendment.by ?? "someone"}</strong> (<LocalTime iso={targetAmendment.at} />
          ): “{targetAmendment.reason}”
        </p>
      ) : conflict.lastEdit ? (
        <p className="mt-1" data-testid="conflict-last-edit">
          Last change: {conflict.lastEdit.kind} by <strong>{conflict.lastEdit.by ?? "someone"}</strong> (
          <LocalTime iso={conflict.lastEdit.at} />)
        </p>
      ) : null}
      {conflict.latest ? (
        <p className="mt-1">
          Now: <strong>{labels[conflict.latest.position]}</strong> — {conflict.latest.summary} (
          {dates.calendar(conflict.latest.statedOn)}
          {conflict.latest.recordedBy ? `, recorded by ${conflict.latest.recordedBy}` : ""})
        </p>
      ) : (
        <p className="mt-1">The cell now has no statement.</p>
      )}
      {canReapply ? (
        <button
          type="button"
          onClick={onReapply}
          className="mt-2 rounded-md bg-amber-600 px-3 py-1.5 font-medium text-white"
        >
          {mode === "correct" && targetAmendment ? "Re-apply my edit to their correction" : "Re-apply my edit"}
        </button>
      ) : (
        <p className="mt-1">There is nothing left to {mode}: record a new statement instead.</p>
      )}
    </div>
  );
}
