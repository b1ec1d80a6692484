"use client";

import { useRouter } from "next/navigation";
import { useAction } from "next-safe-action/hooks";
import { acceptInvitationAction, registerWithInvitationAction } from "@/lib/members/actions";
import { ActionErrorAlert } from "@/components/ui/action-error";
import { FieldError } from "@/components/ui/form-feedback";

export function AcceptInvitationButton({ token }: { token: string }) {
  const router = useRouter();
  const { execute, isPending, result } = useAction(acceptInvitationAction, { onSuccess: ({ data }) => router.push(`/w/${data.workspaceSlug}`) });
  return (
    <div className="space-y-3">
      <ActionErrorAlert result={result} />
      <button type="button" disabled={isPending} onClick={() => execute({ token })} className="rounded-md bg-indigo-700 px-4 py-2 text-sm font-medium text-white disabled:opacity-60">
        {isPending ? "Joining…" : "Join the workspace"}
      </button>
    </div>
  );
}

export function RegisterWithInvitationForm({ token, email }: { token: string; email: string | null }) {
  const router = useRouter();
  const { execute, isPending, result } = useAction(registerWithInvitationAction, { onSuccess: ({ data }) => router.push(`/w/${data.workspaceSlug}`) });
  const errors = result.validationErrors?.fieldErrors;
  return (
    <form
      className="space-y-4"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        const form = new FormData(event.currentTarget);
        execute({ token, name: String(form.get("name") ?? ""), email: String(form.get("email") ?? ""), password: String(form.get("password") ?? "") });
      }}
    >
      {result.serverError ? <ActionErrorAlert result={{ serverError: result.serverError }} /> : null}
      <div>
        <label htmlFor="name" className="block text-sm font-medium">Your name</label>
        <input id="name" name="name" autoComplete="name" aria-invalid={Boolean(errors?.name)} aria-describedby={errors?.name ? "name-error" : undefined} className="mt-1 w-full rounded-md border border-slate-300 px-3 py-2" />
        <FieldError id="name-error" messages={errors?.name} />
      </div>
      <div>
        <label htmlFor="email" className="block text-sm font-medium">Email</label>
        <input id="email" name="email" type="email" autoComplete="username" defaultValue={email ?? ""} readOnly={Boolean(email)} aria-invalid={Boolean(errors?.email)} aria-describedby={errors?.email ? "email-error" : undefined} className="mt-1 w-full rounded-md border border-slate-300 px-3 py-2 read-only:bg-slate-100" />
        <FieldError id="email-error" messages={errors?.email} />
      </div>
      <div>
        <label htmlFor="password" className="block text-sm font-medium">Password</label>
        <input id="password" name="password" type="password" autoComplete="new-password" aria-invalid={Boolean(errors?.password)} aria-describedby={errors?.password ? "password-error" : "password-hint"} className="mt-1 w-full rounded-md border border-slate-300 px-3 py-2" />
        <p id="password-hint" className="mt-1 text-xs text-slate-500">8 to 128 characters; a passphrase is best.</p>
        <FieldError id="password-error" messages={errors?.password} />
      </div>
      <button type="submit" disabled={isPending} className="w-full rounded-md bg-indigo-700 px-4 py-2 text-sm font-medium text-white disabled:opacity-60">
        {isPending ? "Creating your account…" : "Create account and join"}
      </button>
    </form>
  );
}
