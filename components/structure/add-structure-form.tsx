"use client";

import { useAction } from "next-safe-action/hooks";
import { useRef } from "react";
import { type FieldErrors, fieldErrorsOf, formErrorOf, primaryButtonClass } from "@/components/structure/field";
import type { StructureKind } from "@/components/structure/structure-list";
import { FormAlert } from "@/components/ui/form-feedback";

/** Adds an item of the kind at the end of its list: the last row or column of the matrix. */
export function AddStructureForm<Item extends { id: string; archivedAt: Date | string | null }>({
  kind,
  workspaceSlug,
}: {
  kind: StructureKind<Item>;
  workspaceSlug: string;
}) {
  const formRef = useRef<HTMLFormElement>(null);
  const { execute, result, isPending } = useAction(kind.actions.add, { onSuccess: () => formRef.current?.reset() });
  const formError = formErrorOf(result);
  const headingId = `add-${kind.noun}-heading`;
  const added = result.data as Record<string, string> | undefined;
  return (
    <form
      ref={formRef}
      aria-labelledby={headingId}
      className="space-y-3 rounded-lg border border-slate-200 bg-white p-4"
      onSubmit={(event) => {
        event.preventDefault();
        execute({ workspaceSlug, ...kind.readFields(new FormData(event.currentTarget)) });
      }}
    >
      <h3 id={headingId} className="text-sm font-semibold">
        Add {kind.noun}
      </h3>
      {formError ? <FormAlert>{formError}</FormAlert> : null}
      {kind.fields(null, `add-${kind.noun}`, fieldErrorsOf(result) as FieldErrors)}
      <div className="flex items-center gap-3">
        <button type="submit" disabled={isPending} className={primaryButtonClass}>
          {isPending ? "Adding…" : `Add ${kind.noun}`}
        </button>
        {added ? (
          <p role="status" className="text-sm text-emerald-800">
            Added “{added[kind.nameField]}” as the last {kind.place}.
          </p>
        ) : null}
      </div>
    </form>
  );
}
