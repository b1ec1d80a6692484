"use client";

import { useEffect, useRef, useState } from "react";
import type { CellEdit } from "@/components/matrix/cell-edit";
import { stanceOfFields, useStanceFields } from "@/components/matrix/use-stance-fields";
import { isTooLong } from "@/components/ui/character-count";
import { CONFIDENCE_RATIONALE_MAX, SUMMARY_MAX } from "@/lib/matrix/limits";
import type { CellState } from "@/lib/matrix/mutations";
import type { MatrixStatement } from "@/lib/matrix/schema";

export type Mode = "record" | "correct" | "retract";

type Options = {
  asOf: string;
  cell: { issueId: string; partyId: string };
  version: number;
  statement: MatrixStatement | null;
  draft?: CellEdit;
  conflict?: CellState;
  onSubmit: (edit: CellEdit) => void;
  proposing: boolean;
};

/** The cell editor's state: what the user chose to do, the fields of the edit, and sending it. */
export function useCellEditor({ asOf, cell, version, statement, draft, conflict, onSubmit, proposing }: Options) {
  const [mode, setMode] = useState<Mode>(draft?.kind ?? "record");
  const stance = useStanceFields(draft, statement, asOf);
  const [reason, setReason] = useState(draft && draft.kind !== "record" ? draft.reason : "");
  const [rationale, setRationale] = useState(draft?.rationale ?? "");
  // The version the user started from: live updates change the `version` prop while the editor is
  // open, and submitting on top of that would overwrite a change the user never saw.
  const [openedVersion] = useState(draft?.baseVersion ?? version);
  // Likewise the statement being corrected or retracted: the one shown when the user chose to.
  const [amendedId, setAmendedId] = useState(draft && draft.kind !== "record" ? draft.statementId : statement?.id);
  const firstField = useRef<HTMLSelectElement>(null);

  useEffect(() => firstField.current?.focus(), []);

  // A correction starts from the statement as it stands, quotes and their relations included:
  // saving it unchanged must not drop them.
  function chooseMode(next: Mode) {
    setMode(next);
    if (next !== "record" && statement) setAmendedId(statement.id);
    if (next === "correct" && statement) stance.fillFrom(statement);
  }

  // After a conflict the edit is re-applied on top of the version that beat it. A correction or
  // retraction follows the statement it meant to amend: to its replacement if someone corrected
  // it, nowhere if someone retracted it.
  const targetAmendment = conflict?.target?.amendment ?? null;
  const reapplyTo =
    targetAmendment === null ? amendedId : targetAmendment.kind === "CORRECTED" ? targetAmendment.replacementId : null;

  function submit(baseVersion = conflict ? conflict.version : openedVersion, statementId = amendedId) {
    const common = { ...cell, baseVersion };
    const forReviewer = proposing ? { rationale } : {};
    if (mode === "retract") {
      onSubmit({ kind: "retract", ...common, statementId: statementId!, reason, ...forReviewer });
      return;
    }
    const stanceEdit = { ...stanceOfFields(stance.fields), ...forReviewer };
    onSubmit(
      mode === "record"
        ? { kind: "record", ...common, ...stanceEdit }
        : { kind: "correct", ...common, statementId: statementId!, reason, ...stanceEdit },
    );
  }

  const summaryTooLong = mode !== "retract" && isTooLong(stance.fields.summary, SUMMARY_MAX);
  const rationaleTooLong = mode !== "retract" && isTooLong(stance.fields.confidenceRationale, CONFIDENCE_RATIONALE_MAX);
  const canAmend =
    (Boolean(statement) && statement!.id !== "pending") || (draft !== undefined && draft.kind !== "record");

  return {
    mode,
    chooseMode,
    canAmend,
    ...stance,
    reason,
    setReason,
    rationale,
    setRationale,
    firstField,
    targetAmendment,
    canReapply: mode === "record" || Boolean(reapplyTo),
    reapply: (baseVersion: number) => submit(baseVersion, reapplyTo ?? undefined),
    submit: () => submit(),
    summaryTooLong,
    rationaleTooLong,
    tooLong: summaryTooLong || rationaleTooLong,
  };
}
