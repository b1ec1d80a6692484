import { useAction } from "next-safe-action/hooks";
import { useState } from "react";
import { actionErrorMessage } from "@/components/ui/action-error";
import type { EvidenceRelation } from "@/lib/enums";
import { createEvidenceAction } from "@/lib/evidence/actions";
import type { TextAnchor } from "@/lib/evidence/anchor";
import type { EVIDENCE_KIND_LABELS } from "@/lib/evidence/labels";
import type { QuoteSuggestion } from "@/lib/evidence/suggest";
import { useSpeakerChoice } from "./use-speaker-choice";

export type EvidenceKind = keyof typeof EVIDENCE_KIND_LABELS;
export type StanceLink = { statementId: string; relation: EvidenceRelation };

/** The selection to save as evidence, where it is, and what to do once saved. */
export type EvidenceTarget = {
  slug: string;
  documentId: string;
  revisionId: string;
  publishedOn: string | null;
  anchor: TextAnchor;
  suggestion?: QuoteSuggestion;
  /** With the date said as entered ("" when left to the server). */
  onSaved: (evidenceId: string, saidOn: string) => void;
};

/** The evidence form's state and its save: speaker, date said, kind, note and linked stances. */
export function useEvidenceForm({
  slug,
  documentId,
  revisionId,
  publishedOn,
  anchor,
  suggestion,
  onSaved,
}: EvidenceTarget) {
  const speaker = useSpeakerChoice(suggestion);
  const [saidOn, setSaidOn] = useState(publishedOn && publishedOn.length === 10 ? publishedOn : "");
  const [kind, setKind] = useState<EvidenceKind>(suggestion?.kind ?? "DIRECT_QUOTE");
  const [note, setNote] = useState("");
  const [links, setLinks] = useState<StanceLink[]>([]);
  const save = useAction(createEvidenceAction, {
    onSuccess: ({ data }) => onSaved(data.evidenceId, saidOn),
  });

  return {
    speaker,
    details: { saidOn, setSaidOn, kind, setKind, note, setNote },
    links,
    setLinks,
    saving: save.isPending,
    refusal: actionErrorMessage(save.result),
    submit() {
      save.execute({
        workspaceSlug: slug,
        documentId,
        revisionId,
        ...anchor,
        ...speaker.payload(),
        saidOn,
        kind,
        note,
        links,
      });
    },
  };
}

export type EvidenceDetails = ReturnType<typeof useEvidenceForm>["details"];
