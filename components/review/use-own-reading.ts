"use client";

import { useRouter } from "next/navigation";
import { useAction } from "next-safe-action/hooks";
import { type FormEvent, useState } from "react";
import { useStanceWords } from "@/components/matrix/use-stance-words";
import { actionErrorMessage } from "@/components/ui/action-error";
import type { Position } from "@/lib/enums";
import { recordOwnReadingAction } from "@/lib/review/actions";

export type CitedQuote = {
  evidenceId: string;
  exact: string | null;
  relation: "SUPPORTS" | "CONTRADICTS" | "CONTEXT";
};

type Cell = { workspaceSlug: string; issueId: string; partyId: string; baseVersion: number };

/** The reviewer's own reading of the cell, the quotes it cites, and the action recording it. */
export function useOwnReading(cell: Cell, positions: readonly Position[], quotes: CitedQuote[]) {
  const router = useRouter();
  const words = useStanceWords<Position>({ position: positions[0]!, summary: "", statedOn: "" });
  const [rationale, setRationale] = useState("");
  const [cited, setCited] = useState<string[]>([]);
  const [refusal, setRefusal] = useState<string | null>(null);
  const record = useAction(recordOwnReadingAction, {
    onSuccess: ({ data }) => {
      if (data && !data.ok) setRefusal(data.message);
      else router.refresh();
    },
  });
  const cite = (evidenceId: string, on: boolean) =>
    setCited((now) => (on ? [...now, evidenceId] : now.filter((x) => x !== evidenceId)));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setRefusal(null);
    record.execute({
      ...cell,
      position: words.position,
      summary: words.summary,
      statedOn: words.statedOn,
      links: quotes
        .filter((q) => cited.includes(q.evidenceId))
        .map(({ evidenceId, relation }) => ({ evidenceId, relation })),
      rationale,
    });
  };

  return {
    ...words,
    rationale,
    setRationale,
    cited,
    cite,
    error: refusal ?? actionErrorMessage(record.result),
    isPending: record.isPending,
    submit,
  };
}

export type OwnReading = ReturnType<typeof useOwnReading>;
