"use client";

import { useAction } from "next-safe-action/hooks";
import { useState } from "react";
import { ActionErrorAlert } from "@/components/ui/action-error";
import { setReviewModeAction } from "@/lib/review/actions";

/** The owner's switch between direct editing and review before a stance counts. */
export function ReviewModeForm({ workspaceSlug, reviewMode }: { workspaceSlug: string; reviewMode: boolean }) {
  const [checked, setChecked] = useState(reviewMode);
  const save = useAction(setReviewModeAction);
  const saved = save.result.data?.reviewMode;
  return (
    <form
      className="space-y-3 rounded-lg border border-slate-200 bg-white p-4"
      onSubmit={(e) => {
        e.preventDefault();
        save.execute({ workspaceSlug, reviewMode: checked });
      }}
    >
      <label className="flex items-start gap-3">
        <input
          type="checkbox"
          name="reviewMode"
          checked={checked}
          onChange={(e) => setChecked(e.target.checked)}
          aria-describedby="review-mode-hint"
          className="mt-1 size-4"
        />
        <span>
          <span className="font-medium">Review mode</span>
          <span id="review-mode-hint" className="block text-sm text-slate-600">
            Editors’ new statements, corrections and retractions become proposals that a reviewer or owner accepts or
            rejects with a rationale. Off: editors change the matrix directly.
          </span>
        </span>
      </label>
      <ActionErrorAlert result={save.result} />
      <div className="flex items-center gap-3">
        <button
          type="submit"
          disabled={save.isPending || checked === (saved ?? reviewMode)}
          className="rounded-md bg-indigo-700 px-4 py-2 text-sm font-medium text-white disabled:opacity-50"
        >
          Save review mode
        </button>
        <p role="status" className="text-sm text-emerald-800">
          {saved === undefined ? "" : saved ? "Review mode is on." : "Review mode is off."}
        </p>
      </div>
    </form>
  );
}
