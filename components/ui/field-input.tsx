import type { InputHTMLAttributes } from "react";
import type { useFieldErrors } from "@/components/ui/action-error";
import { FieldError } from "@/components/ui/form-feedback";

type FieldErrorsOf = Pick<ReturnType<typeof useFieldErrors>, "fieldErrors" | "errorId" | "described">;

/** An input named after its action's field: marked invalid and described by that field's errors, shown after it. */
export function FieldInput({
  errors,
  name,
  ...input
}: Omit<InputHTMLAttributes<HTMLInputElement>, "name"> & { errors: FieldErrorsOf; name: string }) {
  return (
    <>
      <input
        name={name}
        {...input}
        aria-invalid={Boolean(errors.described(name))}
        aria-describedby={errors.described(name)}
      />
      <FieldError id={errors.errorId(name)} messages={errors.fieldErrors[name]} />
    </>
  );
}
