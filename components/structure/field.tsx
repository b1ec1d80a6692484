import { useEffect, useRef, useState } from "react";
import { CharacterCount, isTooLong } from "@/components/ui/character-count";
import { FieldError } from "@/components/ui/form-feedback";

export const inputClass =
  "mt-1 w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm aria-[invalid=true]:border-red-500";
export const primaryButtonClass =
  "rounded-md bg-indigo-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-indigo-800 disabled:opacity-60";
export const secondaryButtonClass =
  "rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm text-slate-800 hover:bg-slate-50 disabled:opacity-60";

export type FieldErrors = Record<string, string[] | undefined> | undefined;
type Result = {
  serverError?: { message: string };
  validationErrors?: { formErrors?: string[]; fieldErrors?: FieldErrors };
};

export function fieldErrorsOf(result: Result): FieldErrors {
  return result.validationErrors?.fieldErrors;
}

/** What a failed action says about the form as a whole; field errors are shown at their inputs. */
export function formErrorOf(result: Result): string | null {
  if (result.serverError) return result.serverError.message;
  return result.validationErrors?.formErrors?.join(" ") || null;
}

/**
 * A labelled text input or textarea with its error wired up through aria-describedby. Past
 * `maxLength` it counts the excess and holds the form back (a custom validity) instead of
 * silently cutting pasted text short; the server refuses it too.
 */
export function TextField({
  id,
  name,
  label,
  defaultValue,
  errors,
  maxLength,
  required = true,
  multiline = false,
  autoFocus = false,
}: {
  id: string;
  name: string;
  label: string;
  defaultValue?: string;
  errors?: string[];
  maxLength: number;
  required?: boolean;
  multiline?: boolean;
  autoFocus?: boolean;
}) {
  const errorId = `${id}-error`;
  const countId = `${id}-count`;
  const [value, setValue] = useState(defaultValue ?? "");
  const field = useRef<HTMLInputElement & HTMLTextAreaElement>(null);
  const tooLong = isTooLong(value, maxLength);
  useEffect(() => {
    field.current?.setCustomValidity(tooLong ? `Shorten this to ${maxLength.toLocaleString("en")} characters.` : "");
  }, [tooLong, maxLength]);
  // A form reset empties the field without an input event.
  useEffect(() => {
    const form = field.current?.form;
    const reset = () => setValue(defaultValue ?? "");
    form?.addEventListener("reset", reset);
    return () => form?.removeEventListener("reset", reset);
  }, [defaultValue]);
  const common = {
    ref: field,
    id,
    name,
    defaultValue,
    required,
    autoFocus,
    onInput: (e: React.FormEvent<HTMLInputElement | HTMLTextAreaElement>) => setValue(e.currentTarget.value),
    "aria-invalid": Boolean(errors?.length) || tooLong,
    "aria-describedby": errors?.length ? `${countId} ${errorId}` : countId,
    className: inputClass,
  };
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
        {required ? null : <span className="font-normal text-slate-500"> (optional)</span>}
      </label>
      {multiline ? <textarea rows={3} {...common} /> : <input type="text" {...common} />}
      <CharacterCount id={countId} value={value} max={maxLength} />
      <FieldError id={errorId} messages={errors} />
    </div>
  );
}

/** A native colour picker: it always yields "#rrggbb", the form the database accepts. */
export function ColourField({
  id,
  name,
  label,
  defaultValue,
  errors,
}: {
  id: string;
  name: string;
  label: string;
  defaultValue: string;
  errors?: string[];
}) {
  const errorId = `${id}-error`;
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      <input
        id={id}
        name={name}
        type="color"
        defaultValue={defaultValue}
        aria-invalid={Boolean(errors?.length)}
        aria-describedby={errors?.length ? errorId : undefined}
        className="mt-1 h-9 w-16 cursor-pointer rounded-md border border-slate-300 bg-white p-1"
      />
      <FieldError id={errorId} messages={errors} />
    </div>
  );
}
