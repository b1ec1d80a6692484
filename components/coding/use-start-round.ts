"use client";

import { useRouter } from "next/navigation";
import { useAction } from "next-safe-action/hooks";
import { type FormEvent, useId, useState } from "react";
import { actionErrorMessage } from "@/components/ui/action-error";
import { startCodingRoundAction } from "@/lib/coding/actions";

export type RoundChoices = {
  documents: { id: string; title: string; quotes: number }[];
  coders: { id: string; name: string }[];
  quotes: number;
};

/** The round being set up (title, which quotes, which coders) and the action starting it, then opening it. */
export function useStartRound(workspaceSlug: string, choices: RoundChoices) {
  const router = useRouter();
  const [title, setTitle] = useState("");
  const [scope, setScope] = useState<"sample" | "document">("sample");
  const [size, setSize] = useState(Math.min(10, choices.quotes));
  const [documentId, setDocumentId] = useState(choices.documents[0]?.id ?? "");
  const [coderIds, setCoderIds] = useState<string[]>([]);
  const start = useAction(startCodingRoundAction, {
    onSuccess: ({ data }) => router.push(`/w/${workspaceSlug}/review/rounds/${data.roundId}`),
  });
  const ids = { title: useId(), size: useId(), document: useId(), coders: useId() };
  const error = actionErrorMessage(start.result);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    start.execute({
      workspaceSlug,
      title,
      scope: scope === "sample" ? { kind: "sample", size } : { kind: "document", documentId },
      coderIds,
    });
  };
  const toggle = (id: string, on: boolean) =>
    setCoderIds((current) => (on ? [...current, id] : current.filter((c) => c !== id)));

  return {
    ids,
    title,
    setTitle,
    scope,
    setScope,
    size,
    setSize,
    documentId,
    setDocumentId,
    coderIds,
    toggle,
    error,
    isPending: start.isPending,
    submit,
  };
}

export type StartRoundState = ReturnType<typeof useStartRound>;
