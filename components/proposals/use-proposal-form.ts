"use client";

import { useRouter } from "next/navigation";
import { useAction } from "next-safe-action/hooks";
import { type FormEvent, useId } from "react";
import { actionErrorMessage } from "@/components/ui/action-error";
import { createNegotiationProposalAction } from "@/lib/proposals/actions";
import type { NEGOTIATION_PROPOSAL_KINDS } from "@/lib/proposals/schema";

type FieldErrors = Record<string, string[] | undefined>;

/** Records the proposal from the form and opens it; the action's field errors are tied to input ids. */
export function useProposalForm(slug: string) {
  const uid = useId();
  const router = useRouter();
  const create = useAction(createNegotiationProposalAction, {
    onSuccess: ({ data }) => router.push(`/w/${slug}/proposals/${data.proposalId}`),
  });
  const fieldErrors: FieldErrors = (create.result.validationErrors as { fieldErrors?: FieldErrors })?.fieldErrors ?? {};
  const formError = Object.keys(fieldErrors).length ? null : actionErrorMessage(create.result);
  const errorId = (field: string) => `${uid}-${field}-error`;
  const described = (field: string) => (fieldErrors[field]?.length ? errorId(field) : undefined);

  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    create.execute({
      workspaceSlug: slug,
      partyId: String(form.get("partyId") ?? ""),
      kind: String(form.get("kind")) as (typeof NEGOTIATION_PROPOSAL_KINDS)[number],
      title: String(form.get("title") ?? ""),
      proposedOn: String(form.get("proposedOn") ?? ""),
      documentId: String(form.get("documentId") ?? ""),
      documentPart: String(form.get("documentPart") ?? ""),
      answersId: String(form.get("answersId") ?? ""),
    });
  };

  return { fieldErrors, formError, errorId, described, isPending: create.isPending, onSubmit };
}

export type ProposalFormState = ReturnType<typeof useProposalForm>;
