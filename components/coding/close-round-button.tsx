"use client";

import { useRouter } from "next/navigation";
import { useAction } from "next-safe-action/hooks";
import { actionErrorMessage } from "@/components/ui/action-error";
import { FormAlert } from "@/components/ui/form-feedback";
import { closeCodingRoundAction } from "@/lib/coding/actions";

/** Ends a round before every code is in; the agreement is then computed on what was coded. */
export function CloseRoundButton({ workspaceSlug, roundId }: { workspaceSlug: string; roundId: string }) {
  const router = useRouter();
  const close = useAction(closeCodingRoundAction, {
    onSuccess: () => router.refresh(),
  });
  const error = actionErrorMessage(close.result);
  return (
    <div className="mt-3">
      <button
        type="button"
        disabled={close.isPending}
        onClick={() => {
          close.execute({ workspaceSlug, roundId });
        }}
        className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm disabled:opacity-50"
      >
        Close the round now
      </button>
      {error ? (
        <div className="mt-2">
          <FormAlert>{error}</FormAlert>
        </div>
      ) : null}
    </div>
  );
}
