import { FieldError } from "@/components/ui/form-feedback";

export const inputClass = "mt-1 w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm aria-[invalid=true]:border-red-500";
export const primaryButtonClass = "rounded-md bg-indigo-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-indigo-800 disabled:opacity-60";
export const secondaryButtonClass = "rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm text-slate-800 hover:bg-slate-50 disabled:opacity-60";

type FieldErrors = Record<string, string[] | undefined> | undefined;
type Result = { serverError?: { message: string }; validationErrors?: { formErrors?: string[]; fieldErrors?: FieldErrors } };

export function fieldErrorsOf(result: Result): FieldErrors {
  return result.validationErrors?.fieldErrors;
}

/** What a failed action says about the form as a whole; field errors are shown at their inputs. */
export function formErrorOf(result: Result): string | null {
  if (result.serverError) return result.serverError.message;
  return result.validationErrors?.formErrors?.join(" ") || null;
}

/** A labelled text input or textarea with its error wired up through aria-describedby. */
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
  const common = {
    id,
    name,
    defaultValue,
    maxLength,
    required,
    autoFocus,
    "aria-invalid": Boolean(errors?.length),
    "aria-describedby": errors?.length ? errorId : undefined,
    className: inputClass,
  };
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
        {required ? null : <span className="font-normal text-slate-500"> (optional)</span>}
      </label>
      {multiline ? <textarea rows={3} {...common} /> : <input type="text" {...common} />}
      <FieldError id={errorId} messages={errors} />
    </div>
  );
}

/** A native colour picker: it always yields "#rrggbb", the form the database accepts. */
export function ColourField({ id, name, label, defaultValue, errors }: { id: string; name: string; label: string; defaultValue: string; errors?: string[] }) {
  const errorId = `${id}-error`;
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium">{label}</label>
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
