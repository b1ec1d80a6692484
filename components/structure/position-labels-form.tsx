"use client";

import { useAction } from "next-safe-action/hooks";
import { useState } from "react";
import { z } from "zod";
import { formErrorOf, inputClass, primaryButtonClass, secondaryButtonClass } from "@/components/structure/field";
import { FieldError, FormAlert } from "@/components/ui/form-feedback";
import {
  DEFAULT_POSITION_LABELS,
  POSITION_STYLES,
  POSITIONS,
  type Position,
  type PositionLabels,
} from "@/lib/matrix/positions";
import { renamePositionLabelsAction } from "@/lib/structure/actions";
import { POSITION_LABEL_MAX, PositionLabelsSchema } from "@/lib/structure/schema";

type LabelErrors = Partial<Record<Position, string[]>>;

/** The seven position names shown in the matrix; the positions themselves and their order are fixed. */
export function PositionLabelsForm({ workspaceSlug, labels }: { workspaceSlug: string; labels: PositionLabels }) {
  const [values, setValues] = useState<PositionLabels>(labels);
  // The action's errors come back flattened to one list for `labels`; checking here first with
  // the same schema puts each message at its own input.
  const [errors, setErrors] = useState<LabelErrors>({});
  const { execute, result, isPending, reset } = useAction(renamePositionLabelsAction);
  const formError = formErrorOf(result) ?? result.validationErrors?.fieldErrors?.labels?.join(" ") ?? null;

  return (
    <form
      aria-labelledby="position-labels-heading"
      className="space-y-4 rounded-lg border border-slate-200 bg-white p-4"
      onSubmit={(event) => {
        event.preventDefault();
        const parsed = PositionLabelsSchema.safeParse(values);
        if (!parsed.success) {
          setErrors(z.flattenError(parsed.error).fieldErrors as LabelErrors);
          reset();
          return;
        }
        setErrors({});
        execute({ workspaceSlug, labels: parsed.data });
      }}
    >
      <div>
        <h2 id="position-labels-heading" className="text-lg font-semibold">
          Position labels
        </h2>
        <p className="mt-1 text-sm text-slate-600">
          What each position is called in the matrix and its legend. Colours and order stay the same.
        </p>
      </div>
      {formError ? <FormAlert>{formError}</FormAlert> : null}
      <div className="grid gap-4 sm:grid-cols-2">
        {POSITIONS.map((position) => (
          <PositionLabelField
            key={position}
            position={position}
            value={values[position]}
            errors={errors[position]}
            onChange={(value) => setValues((current) => ({ ...current, [position]: value }))}
          />
        ))}
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" disabled={isPending} className={primaryButtonClass}>
          {isPending ? "Saving…" : "Save labels"}
        </button>
        <button
          type="button"
          disabled={isPending}
          onClick={() => {
            setValues({ ...DEFAULT_POSITION_LABELS });
            setErrors({});
          }}
          className={secondaryButtonClass}
        >
          Fill in the defaults
        </button>
        {result.data ? (
          <p role="status" className="text-sm text-emerald-800">
            {result.data.changed ? "Labels saved." : "Nothing changed: these are the labels already in use."}
          </p>
        ) : null}
      </div>
    </form>
  );
}

function PositionLabelField({
  position,
  value,
  errors,
  onChange,
}: {
  position: Position;
  value: string;
  errors: string[] | undefined;
  onChange: (value: string) => void;
}) {
  const id = `position-label-${position.toLowerCase()}`;
  return (
    <div>
      <label htmlFor={id} className="flex items-center gap-2 text-sm font-medium">
        <span aria-hidden="true" className={`inline-block h-3 w-3 rounded-sm ${POSITION_STYLES[position].swatch}`} />
        Label for “{DEFAULT_POSITION_LABELS[position]}”
      </label>
      <input
        id={id}
        type="text"
        required
        maxLength={POSITION_LABEL_MAX}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={Boolean(errors?.length)}
        aria-describedby={errors?.length ? `${id}-error` : undefined}
        className={inputClass}
      />
      <FieldError id={`${id}-error`} messages={errors} />
    </div>
  );
}
