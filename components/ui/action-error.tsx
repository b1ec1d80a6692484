import { useId } from "react";
import { FormAlert } from "@/components/ui/form-feedback";

type Result =
  | {
      serverError?: { message: string };
      validationErrors?: { formErrors?: string[]; fieldErrors?: Record<string, string[] | undefined> };
    }
  | undefined;

/** The message a failed action result carries, for a form's alert. */
export function actionErrorMessage(result: Result): string | null {
  if (!result) return null;
  if (result.serverError) return result.serverError.message;
  const errors = result.validationErrors;
  if (errors)
    return (
      [...(errors.formErrors ?? []), ...Object.values(errors.fieldErrors ?? {}).flat()].filter(Boolean).join(" ") ||
      "Check the highlighted fields."
    );
  return null;
}

export function ActionErrorAlert({ result }: { result: Result }) {
  const message = actionErrorMessage(result);
  return message ? <FormAlert>{message}</FormAlert> : null;
}

/** The failure of an action taken from a list row, in one line under the row's text. */
export function ActionErrorLine({ result }: { result: Result }) {
  const message = actionErrorMessage(result);
  return message ? (
    <p role="alert" className="mt-1 text-sm text-red-700">
      {message}
    </p>
  ) : null;
}

type FieldErrors = Record<string, string[] | undefined>;

/**
 * A form's failure as its fields show it: each field's messages, the ids that tie them to their
 * inputs, and the alert for what no field carries (null when the fields say it all).
 */
export function useFieldErrors(result: Result) {
  const uid = useId();
  const fieldErrors: FieldErrors = result?.validationErrors?.fieldErrors ?? {};
  const formError = Object.keys(fieldErrors).length ? null : actionErrorMessage(result);
  const errorId = (field: string) => `${uid}-${field}-error`;
  const described = (field: string) => (fieldErrors[field]?.length ? errorId(field) : undefined);
  return { uid, fieldErrors, formError, errorId, described };
}
