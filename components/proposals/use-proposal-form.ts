"use client";

import { useRouter } from "next/navigation";
import { useAction } from "next-safe-action/hooks";
import type { FormEvent } from "react";
import { useFieldErrors } from "@/components/ui/action-error";
import { createNegotiationProposalAction } from "@/lib/proposals/actions";
import type { NEGOTIATION_PROPOSAL_KINDS } from "@/lib/proposals/schema";

/** Records the proposal from the form and opens it; the action's field errors are tied to input ids. */
export function useProposalForm(slug: string) {
  const router = useRouter();
  const create = useAction(createNegotiationProposalAction, {
    onSuccess: ({ data }) => router.push(`/w/${slug}/proposals/${data.proposalId}`),
  });
  const { fieldErrors, formError, errorId, described } = useFieldErrors(create.result);

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
