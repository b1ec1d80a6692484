"use client";

import { type KeyboardEvent, type RefObject, useEffect, useRef, useState } from "react";
import { cellKey } from "@/lib/matrix/as-of";

const ARROW_MOVES: Record<string, [number, number]> = {
  ArrowUp: [-1, 0],
  ArrowDown: [1, 0],
  ArrowLeft: [0, -1],
  ArrowRight: [0, 1],
};

type Axes = { issues: { id: string }[]; parties: { id: string }[] };

/**
 * The grid's one focused cell (its tab stop), kept in the URL, and moving it with the arrow keys.
 * A big matrix renders only the rows in view: a cell whose row is not rendered yet is focused
 * once it is.
 */
export function useGridFocus(grid: RefObject<HTMLTableElement | null>, matrix: Axes, selectedCell: string | null) {
  const [focus, setFocus] = useState<[number, number]>(() => {
    const [issueId, partyId] = (selectedCell ?? "").split(":");
    const row = matrix.issues.findIndex((i) => i.id === issueId);
    const column = matrix.parties.findIndex((p) => p.id === partyId);
    return row >= 0 && column >= 0 ? [row, column] : [0, 0];
  });
  const revealRow = useRef<(row: number) => void>(() => {});
  // A cell asked for focus while its row was outside the window: focused once it is rendered.
  const focusWanted = useRef<[number, number] | null>(null);
  useEffect(() => {
    if (!focusWanted.current) return;
    const cell = cellElement(...focusWanted.current);
    if (cell) {
      focusWanted.current = null;
      cell.focus();
    }
  });

  // The selected cell is part of the URL, so a shared link lands on it.
  function select(row: number, column: number) {
    setFocus([row, column]);
    const issue = matrix.issues[row];
    const party = matrix.parties[column];
    if (!issue || !party) return;
    const url = new URL(window.location.href);
    url.searchParams.set("cell", cellKey(issue.id, party.id));
    window.history.replaceState(window.history.state, "", url);
  }

  function cellElement(row: number, column: number) {
    return grid.current?.querySelector<HTMLElement>(`[data-row="${row}"][data-column="${column}"]`);
  }

  function focusCell(row: number, column: number) {
    const cell = cellElement(row, column);
    if (cell) return cell.focus();
    focusWanted.current = [row, column];
    revealRow.current(row);
  }

  // Only on arrival: a permalink to a cell focuses it.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs once, on the first render
  useEffect(() => {
    if (selectedCell) focusCell(focus[0], focus[1]);
  }, []);

  /** Moves the focus by an arrow key; false for any other key. */
  function moveByArrow(event: KeyboardEvent<HTMLElement>, row: number, column: number): boolean {
    const move = ARROW_MOVES[event.key];
    if (!move) return false;
    event.preventDefault();
    // Keys pressed before a scrolled-to row has rendered move on from that row, not from the focused cell.
    const [fromRow, fromColumn] = focusWanted.current ?? [row, column];
    const next: [number, number] = [
      Math.min(matrix.issues.length - 1, Math.max(0, fromRow + move[0])),
      Math.min(matrix.parties.length - 1, Math.max(0, fromColumn + move[1])),
    ];
    select(...next);
    focusCell(...next);
    return true;
  }

  return { focus, revealRow, select, refocus: () => focusCell(focus[0], focus[1]), moveByArrow };
}
