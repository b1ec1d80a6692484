"use client";

import { useAction } from "next-safe-action/hooks";
import { type FormEvent, useState } from "react";
import { actionErrorMessage, useFieldErrors } from "@/components/ui/action-error";
import { createIssueLinkAction } from "@/lib/issue-links/actions";
import type { IssueLinkView } from "@/lib/issue-links/schema";

/** Creates an issue link from the form, then starts the form afresh; field errors tied to their inputs. */
export function useAddIssueLink(slug: string) {
  const [formKey, setFormKey] = useState(0);
  const create = useAction(createIssueLinkAction, { onSuccess: () => setFormKey((k) => k + 1) });
  const { uid, fieldErrors, errorId, described } = useFieldErrors(create.result);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const value = (name: string) => String(form.get(name) ?? "");
    create.execute({
      workspaceSlug: slug,
      kind: value("kind") as IssueLinkView["kind"],
      firstIssueId: value("firstIssueId"),
      secondIssueId: value("secondIssueId"),
      note: value("note"),
      partyId: value("partyId") || null,
      holdsFrom: value("holdsFrom") || null,
    });
  };

  return {
    formKey,
    uid,
    formError: actionErrorMessage(create.result),
    fieldErrors,
    errorId,
    described,
    isPending: create.isPending,
    submit,
  };
}

export type AddIssueLink = ReturnType<typeof useAddIssueLink>;
