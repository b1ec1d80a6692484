import type { ReactNode } from "react";
import { InlineAlert } from "@/components/ui/form-feedback";

/** A small button that runs an action: its pending label while the action runs, then its error beside it. */
export function ActionButton({
  onClick,
  pending,
  pendingLabel,
  error,
  children,
}: {
  onClick: () => void;
  pending: boolean;
  pendingLabel: string;
  error: string | null | undefined;
  children: ReactNode;
}) {
  return (
    <>
      <button
        type="button"
        disabled={pending}
        onClick={onClick}
        className="rounded-md border border-slate-300 px-3 py-1 text-sm disabled:opacity-60"
      >
        {pending ? pendingLabel : children}
      </button>
      <InlineAlert message={error} className="ml-2 text-sm text-red-700" />
    </>
  );
}
