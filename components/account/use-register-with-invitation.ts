"use client";

import { useRouter } from "next/navigation";
import { useAction } from "next-safe-action/hooks";
import type { FormEvent } from "react";
import { registerWithInvitationAction } from "@/lib/members/actions";

/** Creates the account from the form and joins the invitation's workspace, then opens it. */
export function useRegisterWithInvitation(token: string) {
  const router = useRouter();
  const { execute, isPending, result } = useAction(registerWithInvitationAction, {
    onSuccess: ({ data }) => router.push(`/w/${data.workspaceSlug}`),
  });
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    execute({
      token,
      name: String(form.get("name") ?? ""),
      email: String(form.get("email") ?? ""),
      password: String(form.get("password") ?? ""),
      code: String(form.get("code") ?? ""),
    });
  };
  return { isPending, result, errors: result.validationErrors?.fieldErrors, onSubmit };
}
