"use client";

import { useActionState } from "react";
import { useDates } from "@/components/ui/date-locale";
import { FormAlert } from "@/components/ui/form-feedback";
import { LabelledInput } from "@/components/ui/labelled-input";
import { SubmitButton } from "@/components/ui/submit-button";
import { type SignInState, signInAction } from "@/lib/platform/auth/actions";

const SIGN_IN_INPUT = "mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 shadow-sm";

export function SignInForm({ callbackUrl }: { callbackUrl: string }) {
  const [state, action] = useActionState<SignInState, FormData>(signInAction, {});
  const dates = useDates();
  return (
    <form action={action} className="space-y-5" noValidate>
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      {state.error ? (
        <FormAlert>
          {state.error}
          {state.retryAt ? (
            <>
              {" "}
              That is at <time dateTime={state.retryAt}>{dates.clock(new Date(state.retryAt))}</time>.
            </>
          ) : null}
        </FormAlert>
      ) : null}
      <LabelledInput
        name="email"
        label="Email"
        type="email"
        autoComplete="username"
        required
        defaultValue={state.email}
        messages={state.fieldErrors?.email}
        className={SIGN_IN_INPUT}
      />
      <LabelledInput
        name="password"
        label="Password"
        type="password"
        autoComplete="current-password"
        required
        messages={state.fieldErrors?.password}
        className={SIGN_IN_INPUT}
      />
      <SubmitButton pendingLabel="Signing in…" className="w-full">
        Sign in
      </SubmitButton>
    </form>
  );
}
