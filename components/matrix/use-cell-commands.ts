"use client";

import { useRouter } from "next/navigation";
import type { KeyboardEvent } from "react";
import type { MatrixView } from "@/lib/matrix/schema";

type Options = {
  matrix: Pick<MatrixView, "issues" | "parties" | "asOf">;
  slug: string;
  canEdit: boolean;
  shared: boolean;
  /** Opens the editor on a cell, for an editor. */
  edit: (issueId: string, partyId: string) => void;
  /** Moves the focus by an arrow key; false for any other key. */
  moveByArrow: (event: KeyboardEvent<HTMLElement>, row: number, column: number) => boolean;
};

/**
 * What a click or a key does on a cell: Enter, Space or a click opens the editor (for an editor)
 * or the cell's history; H opens the history; the arrow keys move. A shared view opens nothing.
 */
export function useCellCommands({ matrix, slug, canEdit, shared, edit, moveByArrow }: Options) {
  const router = useRouter();
  const history = (row: number, column: number) =>
    router.push(`/w/${slug}/cells/${matrix.issues[row]!.id}/${matrix.parties[column]!.id}?asOf=${matrix.asOf}`);

  function open(row: number, column: number) {
    if (shared) return;
    if (canEdit) edit(matrix.issues[row]!.id, matrix.parties[column]!.id);
    else history(row, column);
  }

  function onKeyDown(event: KeyboardEvent<HTMLElement>, row: number, column: number) {
    if (moveByArrow(event, row, column)) return;
    if (event.key === "Enter" || event.key === " ") {
      event.preventDefault();
      open(row, column);
    } else if ((event.key === "h" || event.key === "H") && !shared && !event.metaKey && !event.ctrlKey) {
      event.preventDefault();
      history(row, column);
    }
  }

  return { open, onKeyDown };
}
