"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { type CellEdit, EditFailure } from "@/components/matrix/cell-edit";
import type { CellState } from "@/lib/matrix/mutations";
import type { MatrixView } from "@/lib/matrix/schema";

/** The cell open in the editor; after a refused edit, with the user's draft and why it was refused. */
export type Editing = {
  issueId: string;
  partyId: string;
  draft?: CellEdit;
  conflict?: CellState;
  error?: { message: string; fieldErrors?: Record<string, string[] | undefined> };
};

function failureOf(error: Error): NonNullable<Editing["error"]> {
  return { message: error.message, fieldErrors: error instanceof EditFailure ? error.fieldErrors : undefined };
}

/**
 * The board's cell editor: which cell is open, and sending its edit — applied, or proposed for
 * review. The editor closes at once; a refused edit reopens it with the user's draft.
 */
export function useCellSubmit(slug: string, matrix: MatrixView, proposing: boolean, refocus: () => void) {
  const [editing, setEditing] = useState<Editing | null>(null);
  const client = useQueryClient();
  const [proposed, setProposed] = useState<string | null>(null);

  function submit(request: CellEdit) {
    const target = { issueId: request.issueId, partyId: request.partyId };
    const refused = (error: Error) => setEditing({ ...target, draft: request, error: failureOf(error) });
    setEditing(null);
    refocus();
    // Loaded with the editor (matrix-board.tsx), so this import is already at hand.
    const sender = import("@/components/matrix/send-cell-edit");
    if (proposing) {
      setProposed(null);
      sender
        .then((s) => s.proposeCellEdit(client, slug, request))
        .then((result) => {
          const issue = matrix.issues.find((i) => i.id === request.issueId);
          const party = matrix.parties.find((p) => p.id === request.partyId);
          if (result.ok) setProposed(`Proposed for review: ${party?.name} on ${issue?.title}.`);
          else setEditing({ ...target, draft: request, error: { message: result.message } });
        }, refused);
      return;
    }
    sender
      .then((s) => s.saveCellEdit(client, slug, request))
      .then((result) => {
        if (result.ok) return;
        if (result.code === "conflict") setEditing({ ...target, draft: request, conflict: result.details.current });
        else setEditing({ ...target, draft: request, error: { message: result.message } });
      }, refused);
  }

  return {
    editing,
    proposed,
    open: (issueId: string, partyId: string) => setEditing({ issueId, partyId }),
    close: () => {
      setEditing(null);
      refocus();
    },
    submit,
  };
}
