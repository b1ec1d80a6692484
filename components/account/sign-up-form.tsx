"use client";

import { useRouter } from "next/navigation";
import { useAction } from "next-safe-action/hooks";
import { ActionErrorAlert } from "@/components/ui/action-error";
import { LabelledInput } from "@/components/ui/labelled-input";
import { signUpAction } from "@/lib/account/actions";

export function SignUpForm() {
  const router = useRouter();
  const { execute, isPending, result } = useAction(signUpAction, { onSuccess: () => router.push("/") });
  const errors = result.validationErrors?.fieldErrors;
  const field = (name: "name" | "email" | "password", label: string, type: string, autoComplete: string) => (
    <LabelledInput name={name} label={label} type={type} autoComplete={autoComplete} messages={errors?.[name]} />
  );
  return (
    <form
      className="space-y-4"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        const form = new FormData(event.currentTarget);
        execute({
          name: String(form.get("name") ?? ""),
          email: String(form.get("email") ?? ""),
          password: String(form.get("password") ?? ""),
        });
      }}
    >
      {result.serverError ? <ActionErrorAlert result={{ serverError: result.serverError }} /> : null}
      {field("name", "Your name", "text", "name")}
      {field("email", "Email", "email", "username")}
      {field("password", "Password", "password", "new-password")}
      <button
        type="submit"
        disabled={isPending}
        className="w-full rounded-md bg-indigo-700 px-4 py-2 text-sm font-medium text-white disabled:opacity-60"
      >
        {isPending ? "Creating…" : "Create account"}
      </button>
    </form>
  );
}
