"use client";

import { defaultRangeExtractor, useVirtualizer } from "@tanstack/react-virtual";
import { type RefObject, useCallback } from "react";

/** Past this many cells the board renders only the rows in view (and the focused one). */
export const VIRTUAL_CELLS = 500;
/** A row's height before it is measured: a card (min-h-24) with its padding and meta line. */
const ESTIMATED_ROW = 132;
/** What the server renders before any scrolling is known: the top of the matrix. */
const INITIAL_RECT = { width: 1400, height: 900 };

/** A run of rows to render, with the height of the rows skipped before it. */
export type RowSlice = { row: number; gapBefore: number };

export type RowWindow = {
  virtual: boolean;
  /** The rows to render, in order, each with the height of skipped rows above it. */
  slices: RowSlice[];
  /** The height of the skipped rows below the last rendered one. */
  gapAfter: number;
  /** A ref for each rendered row, so the window measures its real height. */
  measure: (element: HTMLTableRowElement | null) => void;
  /** Brings a row into the window (it is rendered on the next paint). */
  reveal: (row: number) => void;
};

/**
 * Row virtualisation for a big matrix: the scroller shows a few dozen rows, so only those (plus
 * the focused row, which holds the grid's one tab stop) are in the DOM; the rows above and below
 * are stood in for by spacer rows of their height. Small matrices render every row.
 */
export function useRowWindow({
  rows,
  columns,
  scroller,
  headerHeight,
  focusedRow,
}: {
  rows: number;
  columns: number;
  scroller: RefObject<HTMLElement | null>;
  headerHeight: number;
  focusedRow: number;
}): RowWindow {
  const virtual = rows * columns > VIRTUAL_CELLS;
  const virtualizer = useVirtualizer({
    count: virtual ? rows : 0,
    getScrollElement: () => scroller.current,
    estimateSize: () => ESTIMATED_ROW,
    overscan: 4,
    scrollMargin: headerHeight,
    initialRect: INITIAL_RECT,
    rangeExtractor: useCallback(
      (range: Parameters<typeof defaultRangeExtractor>[0]) => {
        const indexes = defaultRangeExtractor(range);
        return indexes.includes(focusedRow) || focusedRow >= range.count
          ? indexes
          : [...indexes, focusedRow].sort((a, b) => a - b);
      },
      [focusedRow],
    ),
  });
  const reveal = useCallback((row: number) => virtualizer.scrollToIndex(row, { align: "auto" }), [virtualizer]);
  if (!virtual)
    return {
      virtual,
      slices: Array.from({ length: rows }, (_, row) => ({ row, gapBefore: 0 })),
      gapAfter: 0,
      measure: () => {},
      reveal: () => {},
    };
  let end = 0;
  const slices = virtualizer.getVirtualItems().map((item) => {
    const start = item.start - headerHeight;
    const slice = { row: item.index, gapBefore: Math.max(0, start - end) };
    end = start + item.size;
    return slice;
  });
  return {
    virtual,
    slices,
    gapAfter: Math.max(0, virtualizer.getTotalSize() - end),
    measure: virtualizer.measureElement,
    reveal,
  };
}
