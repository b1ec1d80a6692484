"use client";

import { useRouter } from "next/navigation";
import { useAction } from "next-safe-action/hooks";
import { useState } from "react";
import { ActionErrorAlert } from "@/components/ui/action-error";
import { FieldError } from "@/components/ui/form-feedback";
import { LabelledInput } from "@/components/ui/labelled-input";
import { acceptInvitationAction, requestInvitationCodeAction } from "@/lib/members/actions";
import { useRegisterWithInvitation } from "./use-register-with-invitation";

/** Mails a one-time code to the invitation's address, and takes the code typed back. */
function EmailCodeField({
  token,
  email,
  error,
  onCodeChange,
}: {
  token: string;
  email: string;
  error?: string[];
  onCodeChange?: (code: string) => void;
}) {
  const request = useAction(requestInvitationCodeAction);
  return (
    <div className="space-y-2 rounded-md border border-slate-200 bg-slate-50 p-3">
      <p className="text-sm text-slate-700">
        This invitation is for {email}. To show that the address is yours, send yourself a code and type it in.
      </p>
      <button
        type="button"
        disabled={request.isPending}
        onClick={() => request.execute({ token })}
        className="rounded-md border border-slate-300 bg-white px-3 py-1 text-sm"
      >
        {request.isPending ? "Sending…" : request.hasSucceeded ? "Send another code" : `Send a code to ${email}`}
      </button>
      {request.hasSucceeded ? (
        <p role="status" className="text-sm text-emerald-800">
          If this invitation is still open, a code is on its way to {email}. It works for 15 minutes.
        </p>
      ) : null}
      <ActionErrorAlert result={request.result} />
      <div>
        <label htmlFor="code" className="block text-sm font-medium">
          Code from the mail
        </label>
        <input
          id="code"
          name="code"
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={6}
          onChange={(event) => onCodeChange?.(event.target.value)}
          aria-invalid={Boolean(error)}
          aria-describedby={error ? "code-error" : undefined}
          className="mt-1 w-40 rounded-md border border-slate-300 px-3 py-2 font-mono tracking-widest"
        />
        <FieldError id="code-error" messages={error} />
      </div>
    </div>
  );
}

export function AcceptInvitationButton({ token, codeFor }: { token: string; codeFor: string | null }) {
  const router = useRouter();
  const [code, setCode] = useState("");
  const { execute, isPending, result } = useAction(acceptInvitationAction, {
    onSuccess: ({ data }) => router.push(`/w/${data.workspaceSlug}`),
  });
  return (
    <div className="space-y-3">
      <ActionErrorAlert result={result} />
      {codeFor ? (
        <EmailCodeField
          token={token}
          email={codeFor}
          error={result.validationErrors?.fieldErrors?.code}
          onCodeChange={setCode}
        />
      ) : null}
      <button
        type="button"
        disabled={isPending}
        onClick={() => execute({ token, code })}
        className="rounded-md bg-indigo-700 px-4 py-2 text-sm font-medium text-white disabled:opacity-60"
      >
        {isPending ? "Joining…" : "Join the workspace"}
      </button>
    </div>
  );
}

export function RegisterWithInvitationForm({
  token,
  email,
  needsCode,
}: {
  token: string;
  email: string | null;
  needsCode: boolean;
}) {
  const { isPending, result, errors, onSubmit } = useRegisterWithInvitation(token);
  return (
    <form className="space-y-4" noValidate onSubmit={onSubmit}>
      {result.serverError ? <ActionErrorAlert result={{ serverError: result.serverError }} /> : null}
      <NewAccountFields email={email} errors={errors} />
      {needsCode && email ? <EmailCodeField token={token} email={email} error={errors?.code} /> : null}
      <button
        type="submit"
        disabled={isPending}
        className="w-full rounded-md bg-indigo-700 px-4 py-2 text-sm font-medium text-white disabled:opacity-60"
      >
        {isPending ? "Creating your account…" : "Create account and join"}
      </button>
    </form>
  );
}

type AccountFieldErrors = { name?: string[]; email?: string[]; password?: string[] };

/** Name, email (fixed when the invitation names one) and password of the account to create. */
function NewAccountFields({ email, errors }: { email: string | null; errors: AccountFieldErrors | undefined }) {
  return (
    <>
      <LabelledInput name="name" label="Your name" autoComplete="name" messages={errors?.name} />
      <LabelledInput
        name="email"
        label="Email"
        type="email"
        autoComplete="username"
        defaultValue={email ?? ""}
        readOnly={Boolean(email)}
        messages={errors?.email}
        className="mt-1 w-full rounded-md border border-slate-300 px-3 py-2 read-only:bg-slate-100"
      />
      <div>
        <label htmlFor="password" className="block text-sm font-medium">
          Password
        </label>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="new-password"
          aria-invalid={Boolean(errors?.password)}
          aria-describedby={errors?.password ? "password-error" : "password-hint"}
          className="mt-1 w-full rounded-md border border-slate-300 px-3 py-2"
        />
        <p id="password-hint" className="mt-1 text-xs text-slate-500">
          8 to 128 characters; a passphrase is best.
        </p>
        <FieldError id="password-error" messages={errors?.password} />
      </div>
    </>
  );
}
