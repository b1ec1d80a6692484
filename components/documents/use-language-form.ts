"use client";

import { useRouter } from "next/navigation";
import { useAction } from "next-safe-action/hooks";
import type { FormEvent } from "react";
import { actionErrorMessage } from "@/components/ui/action-error";
import { setDocumentLanguageAction } from "@/lib/documents/actions";

/** Saves the document's language and the original it translates (none when left empty), then refreshes. */
export function useLanguageForm(slug: string, documentId: string) {
  const router = useRouter();
  const action = useAction(setDocumentLanguageAction, { onSuccess: () => router.refresh() });
  const error = actionErrorMessage(action.result);
  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const original = String(form.get("translationOfId") ?? "");
    action.execute({
      workspaceSlug: slug,
      documentId,
      language: String(form.get("language") ?? "").trim(),
      translationOfId: original || null,
    });
  };
  return { pending: action.isPending, saved: action.hasSucceeded, error, onSubmit };
}
