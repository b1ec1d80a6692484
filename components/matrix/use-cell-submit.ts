"use client";

import { useState } from "react";
import { type CellEdit, EditFailure, useCellEdit } from "@/components/matrix/use-cell-edit";
import { useProposeEdit } from "@/components/matrix/use-propose-edit";
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
  const edit = useCellEdit(slug);
  const propose = useProposeEdit(slug);
  const [proposed, setProposed] = useState<string | null>(null);

  function submit(request: CellEdit) {
    const target = { issueId: request.issueId, partyId: request.partyId };
    const refused = (error: Error) => setEditing({ ...target, draft: request, error: failureOf(error) });
    setEditing(null);
    refocus();
    if (proposing) {
      setProposed(null);
      propose.mutate(request, {
        onSuccess: (result) => {
          const issue = matrix.issues.find((i) => i.id === request.issueId);
          const party = matrix.parties.find((p) => p.id === request.partyId);
          if (result.ok) setProposed(`Proposed for review: ${party?.name} on ${issue?.title}.`);
          else setEditing({ ...target, draft: request, error: { message: result.message } });
        },
        onError: refused,
      });
      return;
    }
    edit.mutate(request, {
      onSuccess: (result) => {
        if (result.ok) return;
        if (result.code === "conflict") setEditing({ ...target, draft: request, conflict: result.details.current });
        else setEditing({ ...target, draft: request, error: { message: result.message } });
      },
      onError: refused,
    });
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
