"use client";

import { useRouter } from "next/navigation";
import { useAction } from "next-safe-action/hooks";
import { actionErrorMessage } from "@/components/ui/action-error";
import { useConfirm } from "@/components/ui/confirm-dialog";
import { InlineAlert } from "@/components/ui/form-feedback";
import { deleteNegotiationProposalAction, removeProvisionAction } from "@/lib/proposals/actions";

const BUTTON = "rounded-md border border-red-300 px-3 py-1 text-sm text-red-800 hover:bg-red-50";

export function RemoveProvisionButton({
  slug,
  provisionId,
  label,
}: {
  slug: string;
  provisionId: string;
  label: string;
}) {
  const [confirm, confirmDialog] = useConfirm();
  const remove = useAction(removeProvisionAction);
  const error = actionErrorMessage(remove.result);
  return (
    <>
      <button
        type="button"
        className={BUTTON}
        aria-label={`Remove provision ${label}`}
        onClick={async () => {
          if (await confirm(`Remove the provision “${label}”? Its quote stays in the document.`, "Remove provision"))
            remove.execute({ workspaceSlug: slug, provisionId });
        }}
      >
        Remove
      </button>
      <InlineAlert message={error} as="p" className="mt-1 text-sm text-red-700" />
      {confirmDialog}
    </>
  );
}

export function DeleteProposalButton({ slug, proposalId, title }: { slug: string; proposalId: string; title: string }) {
  const router = useRouter();
  const [confirm, confirmDialog] = useConfirm();
  const remove = useAction(deleteNegotiationProposalAction, {
    onSuccess: () => router.push(`/w/${slug}/proposals`),
  });
  const error = actionErrorMessage(remove.result);
  return (
    <>
      <button
        type="button"
        className={BUTTON}
        onClick={async () => {
          if (await confirm(`Delete the proposal “${title}” and its provisions?`, "Delete proposal"))
            remove.execute({ workspaceSlug: slug, proposalId });
        }}
      >
        Delete proposal
      </button>
      <InlineAlert message={error} as="p" className="mt-1 text-sm text-red-700" />
      {confirmDialog}
    </>
  );
}
