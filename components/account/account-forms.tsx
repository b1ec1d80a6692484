"use client";

import { useAction } from "next-safe-action/hooks";
import { ActionErrorAlert } from "@/components/ui/action-error";
import { LabelledInput } from "@/components/ui/labelled-input";
import { changePasswordAction, signOutEverywhereAction } from "@/lib/account/actions";

export function ChangePasswordForm() {
  const { execute, isPending, result } = useAction(changePasswordAction);
  const errors = result.validationErrors?.fieldErrors;
  const field = (name: "currentPassword" | "newPassword" | "confirmPassword", label: string, autoComplete: string) => (
    <LabelledInput name={name} label={label} type="password" autoComplete={autoComplete} messages={errors?.[name]} />
  );
  return (
    <form
      className="space-y-4 rounded-lg border border-slate-200 bg-white p-5"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        const form = new FormData(event.currentTarget);
        execute({
          currentPassword: String(form.get("currentPassword") ?? ""),
          newPassword: String(form.get("newPassword") ?? ""),
          confirmPassword: String(form.get("confirmPassword") ?? ""),
        });
      }}
    >
      <h2 className="font-semibold">Change password</h2>
      <p className="text-sm text-slate-600">Changing it signs you out everywhere, here included.</p>
      {result.serverError ? <ActionErrorAlert result={{ serverError: result.serverError }} /> : null}
      {field("currentPassword", "Current password", "current-password")}
      {field("newPassword", "New password", "new-password")}
      {field("confirmPassword", "New password again", "new-password")}
      <button
        type="submit"
        disabled={isPending}
        className="rounded-md bg-indigo-700 px-4 py-2 text-sm font-medium text-white disabled:opacity-60"
      >
        {isPending ? "Changing…" : "Change password"}
      </button>
    </form>
  );
}

export function SignOutEverywhereButton() {
  const { execute, isPending, result } = useAction(signOutEverywhereAction);
  return (
    <div className="space-y-3 rounded-lg border border-slate-200 bg-white p-5">
      <h2 className="font-semibold">Sessions</h2>
      <p className="text-sm text-slate-600">
        Signed in on a computer you no longer use? End every session of your account.
      </p>
      <ActionErrorAlert result={result} />
      <button
        type="button"
        disabled={isPending}
        onClick={() => execute()}
        className="rounded-md border border-red-300 px-4 py-2 text-sm text-red-800 disabled:opacity-60"
      >
        {isPending ? "Signing out…" : "Sign out everywhere"}
      </button>
    </div>
  );
}
