"use client";

import { useRouter } from "next/navigation";
import { useAction } from "next-safe-action/hooks";
import { type FormEvent, useState } from "react";
import { actionErrorMessage } from "@/components/ui/action-error";
import { recordCodeAction } from "@/lib/coding/actions";
import type { Position } from "@/lib/matrix/positions";

export type SavedCode = { partyId: string; issueId: string; position: Position } | null;

/** The coder's choices for one quote, starting from the saved code, and the action recording them. */
export function useCodeUnit(workspaceSlug: string, roundId: string, evidenceId: string, saved: SavedCode) {
  const router = useRouter();
  const [partyId, setPartyId] = useState(saved?.partyId ?? "");
  const [issueId, setIssueId] = useState(saved?.issueId ?? "");
  const [position, setPosition] = useState<Position | "">(saved?.position ?? "");
  const record = useAction(recordCodeAction, {
    onSuccess: () => router.refresh(),
  });
  const error = actionErrorMessage(record.result);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!position) return;
    record.execute({ workspaceSlug, roundId, evidenceId, partyId, issueId, position });
  };

  return {
    partyId,
    setPartyId,
    issueId,
    setIssueId,
    position,
    setPosition,
    error,
    isPending: record.isPending,
    submit,
  };
}
