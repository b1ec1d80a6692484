import type { InputHTMLAttributes } from "react";
import { FieldError } from "@/components/ui/form-feedback";

type LabelledInputProps = Omit<InputHTMLAttributes<HTMLInputElement>, "id" | "name"> & {
  name: string;
  label: string;
  /** The field's validation errors: the input is then marked invalid and described by them. */
  messages?: string[];
};

/** An input under its label, with its field errors wired to it; its id is its name. */
export function LabelledInput({
  name,
  label,
  messages,
  className = "mt-1 w-full rounded-md border border-slate-300 px-3 py-2",
  ...input
}: LabelledInputProps) {
  return (
    <div>
      <label htmlFor={name} className="block text-sm font-medium">
        {label}
      </label>
      <input
        id={name}
        name={name}
        {...input}
        aria-invalid={Boolean(messages)}
        aria-describedby={messages ? `${name}-error` : undefined}
        className={className}
      />
      <FieldError id={`${name}-error`} messages={messages} />
    </div>
  );
}
