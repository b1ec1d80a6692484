"use client";

import { useRouter } from "next/navigation";
import { useAction } from "next-safe-action/hooks";
import { useId, useState } from "react";
import { actionErrorMessage } from "@/components/ui/action-error";
import { acceptProposalAction, rebaseProposalAction, rejectProposalAction } from "@/lib/review/actions";

/** A reviewer's decision on one proposal: a rationale, then accept or reject. */
export function ProposalDecision({
  workspaceSlug,
  proposalId,
  label,
}: {
  workspaceSlug: string;
  proposalId: string;
  /** Names the proposal, so the buttons of several cards side by side stay distinct. */
  label: string;
}) {
  const router = useRouter();
  const [rationale, setRationale] = useState("");
  const [refusal, setRefusal] = useState<string | null>(null);
  const onSuccess = ({ data }: { data?: { ok: boolean; message?: string } }) => {
    if (data && !data.ok) setRefusal(data.message ?? "Refused.");
    else router.refresh();
  };
  const accept = useAction(acceptProposalAction, { onSuccess });
  const reject = useAction(rejectProposalAction, { onSuccess });
  const fieldId = useId();
  const error = refusal ?? actionErrorMessage(accept.result) ?? actionErrorMessage(reject.result);
  const busy = accept.isPending || reject.isPending;
  const decide = (action: typeof accept) => {
    setRefusal(null);
    action.execute({ workspaceSlug, proposalId, rationale });
  };
  return (
    <div className="mt-3 border-t border-slate-200 pt-3">
      <label htmlFor={fieldId} className="block text-sm font-medium">
        Decision rationale
      </label>
      <textarea
        id={fieldId}
        value={rationale}
        onChange={(e) => setRationale(e.target.value)}
        rows={2}
        maxLength={2000}
        className="mt-1 w-full rounded-md border border-slate-300 px-2 py-1.5 text-sm"
      />
      {error ? (
        <p role="alert" className="mt-1 rounded-md border border-red-300 bg-red-50 p-2 text-sm text-red-900">
          {error}
        </p>
      ) : null}
      <div className="mt-2 flex flex-wrap gap-2">
        <button
          type="button"
          disabled={busy}
          onClick={() => decide(accept)}
          aria-label={`Accept ${label}`}
          className="rounded-md bg-emerald-700 px-3 py-1.5 text-sm font-medium text-white disabled:opacity-50"
        >
          Accept
        </button>
        <button
          type="button"
          disabled={busy}
          onClick={() => decide(reject)}
          aria-label={`Reject ${label}`}
          className="rounded-md border border-slate-300 px-3 py-1.5 text-sm disabled:opacity-50"
        >
          Reject
        </button>
      </div>
    </div>
  );
}

/** The author re-proposes a stale proposal on the cell as it stands now. */
export function RebaseProposalButton({ workspaceSlug, proposalId }: { workspaceSlug: string; proposalId: string }) {
  const router = useRouter();
  const [refusal, setRefusal] = useState<string | null>(null);
  const rebase = useAction(rebaseProposalAction, {
    onSuccess: ({ data }) => {
      if (data && !data.ok) setRefusal(data.message);
      else router.refresh();
    },
  });
  const error = refusal ?? actionErrorMessage(rebase.result);
  return (
    <div className="mt-2">
      <button
        type="button"
        disabled={rebase.isPending}
        onClick={() => rebase.execute({ workspaceSlug, proposalId })}
        className="rounded-md bg-amber-600 px-3 py-1.5 text-sm font-medium text-white disabled:opacity-50"
      >
        Rebase on the current statement
      </button>
      {error ? (
        <p role="alert" className="mt-1 text-sm text-red-800">
          {error}
        </p>
      ) : null}
    </div>
  );
}
