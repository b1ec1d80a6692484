"use client";

import { type ReactNode, type RefObject, useEffect, useState } from "react";

/** Past this many cells the board renders only the rows in view (and the focused one). */
export const VIRTUAL_CELLS = 500;
/** About a screenful of cells: what the server renders of a matrix, so a page is not held up by the rest. */
export const FIRST_SCREEN_CELLS = 120;
/** A row's height before it is measured: a card (min-h-24) with its padding and meta line. */
export const ESTIMATED_ROW = 132;

/** A run of rows to render, with the height of the rows skipped before it. */
export type RowSlice = { row: number; gapBefore: number };

export type RowWindow = {
  /** The rows to render, in order, each with the height of skipped rows above it. */
  slices: RowSlice[];
  /** The height of the skipped rows below the last rendered one. */
  gapAfter: number;
  /** A ref for each rendered row, so the window measures its real height. */
  measure: (element: HTMLTableRowElement | null) => void;
};

export type RowWindowProps = {
  rows: number;
  columns: number;
  scroller: RefObject<HTMLElement | null>;
  headerHeight: number;
  focusedRow: number;
  /** Set to a function that brings a row into the window (it is rendered on the next paint). */
  revealRef: RefObject<(row: number) => void>;
  children: (window: RowWindow) => ReactNode;
};

/**
 * A small matrix: every row, no virtualiser (VirtualRows, loaded only for big ones). The server
 * renders the first screenful of rows and stands in for the rest with a spacer of their estimated
 * height; the browser renders them right after hydration. Rendering all 480 cells of a 40 × 12
 * matrix was two thirds of the page's server time, for rows below the fold.
 */
export function AllRows({ rows, columns, children }: RowWindowProps) {
  const [complete, setComplete] = useState(false);
  useEffect(() => setComplete(true), []);
  const firstScreen = Math.max(1, Math.floor(FIRST_SCREEN_CELLS / Math.max(1, columns)));
  const shown = complete ? rows : Math.min(rows, firstScreen);
  return children({
    slices: Array.from({ length: shown }, (_, row) => ({ row, gapBefore: 0 })),
    gapAfter: (rows - shown) * ESTIMATED_ROW,
    measure: () => {},
  });
}
