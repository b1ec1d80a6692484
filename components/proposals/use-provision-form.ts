"use client";

import { useAction } from "next-safe-action/hooks";
import { type FormEvent, type SyntheticEvent, useState } from "react";
import { useFieldErrors } from "@/components/ui/action-error";
import { addProvisionAction } from "@/lib/proposals/actions";

/**
 * The passage being written or selected in the document, and the action adding it as a provision;
 * the form is remounted after each success to clear it.
 */
export function useProvisionForm(slug: string, proposalId: string) {
  const [key, setKey] = useState(0);
  const [passage, setPassage] = useState("");
  const add = useAction(addProvisionAction, {
    onSuccess: () => {
      setPassage("");
      setKey((k) => k + 1);
    },
  });
  const { uid, fieldErrors, formError, errorId, described } = useFieldErrors(add.result);

  const onSelectInDocument = (e: SyntheticEvent<HTMLTextAreaElement>) => {
    const { selectionStart, selectionEnd, value } = e.currentTarget;
    if (selectionEnd > selectionStart) setPassage(value.slice(selectionStart, selectionEnd));
  };

  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    add.execute({
      workspaceSlug: slug,
      proposalId,
      label: String(form.get("label") ?? ""),
      passage: { by: "quote", quote: passage, occurrence: 0 },
      issueIds: form.getAll("issueIds").map(String),
      answersProvisionIds: form.getAll("answersProvisionIds").map(String),
    });
  };

  return {
    uid,
    key,
    passage,
    setPassage,
    fieldErrors,
    formError,
    errorId,
    described,
    isPending: add.isPending,
    onSelectInDocument,
    onSubmit,
  };
}

export type ProvisionFormState = ReturnType<typeof useProvisionForm>;
