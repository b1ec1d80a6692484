"use client";

import { useAction } from "next-safe-action/hooks";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { useStanceWords } from "@/components/matrix/use-stance-words";
import { actionErrorMessage } from "@/components/ui/action-error";
import { linkEvidenceAction } from "@/lib/evidence/actions";
import type { QuoteSuggestion } from "@/lib/evidence/suggest";
import type { StanceCue } from "@/lib/evidence/suggest-rules";
import { recordStatementAction } from "@/lib/matrix/actions";
import { toCalendarDate } from "@/lib/matrix/dates";
import type { Position } from "@/lib/matrix/positions";
import { type MatrixView, SUMMARY_MAX } from "@/lib/matrix/schema";

// A cue names how the speaker stands; "concerned" objects without ruling out, short of rejecting.
const POSITION_OF_CUE: Record<StanceCue, Position> = {
  demands: "DEMANDS",
  rejects: "REJECTS",
  open: "OPEN",
  conditional: "CONDITIONAL",
  concerned: "OPPOSES",
};

const today = () => toCalendarDate(new Date());

export type StanceStepTarget = { slug: string; suggestion: QuoteSuggestion; evidenceId: string; saidOn: string };

/** The proposed stance, editable: the cell, the position from the quote's cue, its summary and date. */
function useProposedStance(suggestion: QuoteSuggestion, saidOn: string) {
  const [issueId, setIssueId] = useState(suggestion.issues[0]?.key ?? "");
  const [partyId, setPartyId] = useState(suggestion.party?.key ?? "");
  const words = useStanceWords<Position | "">({
    position: suggestion.stance ? POSITION_OF_CUE[suggestion.stance.cue] : "",
    summary: suggestion.text.slice(0, SUMMARY_MAX),
    statedOn: saidOn || today(),
  });
  return { issueId, setIssueId, partyId, setPartyId, ...words };
}

export type ProposedStance = ReturnType<typeof useProposedStance>;

/**
 * The stance step's matrix (read when the step opens, again after a conflict), the proposed stance
 * and the two ways to save it: a new statement of the cell, or a link to its current one.
 */
export function useSuggestionStance({ slug, suggestion, evidenceId, saidOn }: StanceStepTarget) {
  const [matrix, setMatrix] = useState<MatrixView | null>(null);
  const [loadError, setLoadError] = useState(false);
  const stance = useProposedStance(suggestion, saidOn);
  const [done, setDone] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  async function load() {
    const response = await fetch(`/api/w/${slug}/matrix`, { cache: "no-store" });
    if (!response.ok) return setLoadError(true);
    setMatrix((await response.json()) as MatrixView);
  }
  // biome-ignore lint/correctness/useExhaustiveDependencies: read once when the step opens; again only after a conflict
  useEffect(() => {
    heading.current?.focus();
    void load();
  }, []);

  const { issueId, partyId, position } = stance;
  const issue = matrix?.issues.find((i) => i.id === issueId);
  const party = matrix?.parties.find((p) => p.id === partyId);
  const cell = matrix?.cells.find((c) => c.issueId === issueId && c.partyId === partyId);
  const current = cell?.statement ?? null;

  const record = useAction(recordStatementAction, {
    onSuccess: ({ data }) => {
      if (data.ok) setDone(`Recorded as a new stance of ${party?.name} on ${issue?.title}.`);
      else void load();
    },
  });
  const link = useAction(linkEvidenceAction, {
    onSuccess: () => setDone(`Linked to the current stance of ${party?.name} on ${issue?.title}.`),
  });
  const refusal =
    (record.result.data && !record.result.data.ok
      ? record.result.data.code === "conflict"
        ? "Someone changed this cell meanwhile; it is shown as it is now. Check it and try again."
        : record.result.data.message
      : null) ??
    actionErrorMessage(record.result) ??
    actionErrorMessage(link.result);

  return {
    heading,
    matrix,
    loadError,
    done,
    stance,
    issue,
    party,
    current,
    agrees: Boolean(current && position && current.position === position),
    label: (p: Position) => matrix?.positionLabels[p] ?? p,
    refusal,
    pending: record.isPending || link.isPending,
    submit(e: FormEvent) {
      e.preventDefault();
      if (!position) return;
      record.execute({
        workspaceSlug: slug,
        issueId,
        partyId,
        baseVersion: cell?.version ?? 0,
        position,
        summary: stance.summary,
        statedOn: stance.statedOn,
        links: [{ evidenceId, relation: "SUPPORTS" }],
      });
    },
    linkToCurrent() {
      if (current) link.execute({ workspaceSlug: slug, evidenceId, statementId: current.id, relation: "SUPPORTS" });
    },
  };
}

export type SuggestionStance = ReturnType<typeof useSuggestionStance>;
