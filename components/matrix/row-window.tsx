import type { ReactNode, RefObject } from "react";

/** Past this many cells the board renders only the rows in view (and the focused one). */
export const VIRTUAL_CELLS = 500;

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
  scroller: RefObject<HTMLElement | null>;
  headerHeight: number;
  focusedRow: number;
  /** Set to a function that brings a row into the window (it is rendered on the next paint). */
  revealRef: RefObject<(row: number) => void>;
  children: (window: RowWindow) => ReactNode;
};

/** A small matrix: every row, no virtualiser (VirtualRows, loaded only for big ones). */
export function AllRows({ rows, children }: RowWindowProps) {
  return children({
    slices: Array.from({ length: rows }, (_, row) => ({ row, gapBefore: 0 })),
    gapAfter: 0,
    measure: () => {},
  });
}
