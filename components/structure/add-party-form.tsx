"use client";

import { useAction } from "next-safe-action/hooks";
import { useRef } from "react";
import { ColourField, fieldErrorsOf, formErrorOf, primaryButtonClass, TextField } from "@/components/structure/field";
import { FormAlert } from "@/components/ui/form-feedback";
import { addPartyAction } from "@/lib/structure/actions";
import { PARTY_NAME_MAX, PARTY_SHORT_NAME_MAX } from "@/lib/structure/schema";

export function AddPartyForm({ workspaceSlug }: { workspaceSlug: string }) {
  const formRef = useRef<HTMLFormElement>(null);
  const { execute, result, isPending } = useAction(addPartyAction, { onSuccess: () => formRef.current?.reset() });
  const fieldErrors = fieldErrorsOf(result);
  const formError = formErrorOf(result);
  return (
    <form
      ref={formRef}
      aria-labelledby="add-party-heading"
      className="space-y-3 rounded-lg border border-slate-200 bg-white p-4"
      onSubmit={(event) => {
        event.preventDefault();
        const form = new FormData(event.currentTarget);
        execute({
          workspaceSlug,
          name: String(form.get("name") ?? ""),
          shortName: String(form.get("shortName") ?? ""),
          colour: String(form.get("colour") ?? ""),
        });
      }}
    >
      <h3 id="add-party-heading" className="text-sm font-semibold">
        Add party
      </h3>
      {formError ? <FormAlert>{formError}</FormAlert> : null}
      <div className="grid gap-3 sm:grid-cols-[1fr_8rem_auto]">
        <TextField id="add-party-name" name="name" label="Name" maxLength={PARTY_NAME_MAX} errors={fieldErrors?.name} />
        <TextField
          id="add-party-short-name"
          name="shortName"
          label="Short name"
          maxLength={PARTY_SHORT_NAME_MAX}
          errors={fieldErrors?.shortName}
        />
        <ColourField
          id="add-party-colour"
          name="colour"
          label="Colour"
          defaultValue="#475569"
          errors={fieldErrors?.colour}
        />
      </div>
      <div className="flex items-center gap-3">
        <button type="submit" disabled={isPending} className={primaryButtonClass}>
          {isPending ? "Adding…" : "Add party"}
        </button>
        {result.data ? (
          <p role="status" className="text-sm text-emerald-800">
            Added “{result.data.name}” as the last column.
          </p>
        ) : null}
      </div>
    </form>
  );
}
