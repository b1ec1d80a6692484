"use client";

import { useRouter } from "next/navigation";
import { useAction } from "next-safe-action/hooks";
import { type FormEvent, useId } from "react";
import { actionErrorMessage } from "@/components/ui/action-error";
import { pairQuoteAction } from "@/lib/evidence/actions";

/**
 * Pairs the quote from the form: with a translation's passage when there are translations to pair
 * with, else with the chosen quote of the original; refreshes the page once paired.
 */
export function usePairForm(slug: string, evidenceId: string, documentId: string, toTranslation: boolean) {
  const router = useRouter();
  const id = useId();
  const action = useAction(pairQuoteAction, { onSuccess: () => router.refresh() });
  const error = actionErrorMessage(action.result);
  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    if (toTranslation)
      action.execute({
        workspaceSlug: slug,
        originalId: evidenceId,
        documentId: String(form.get("documentId") ?? ""),
        exact: String(form.get("exact") ?? ""),
      });
    else
      action.execute({
        workspaceSlug: slug,
        originalId: String(form.get("originalId") ?? ""),
        documentId,
        translationId: evidenceId,
      });
  };
  return { id, pending: action.isPending, error, onSubmit };
}
