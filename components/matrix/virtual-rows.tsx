"use client";

import { defaultRangeExtractor, useVirtualizer } from "@tanstack/react-virtual";
import { useCallback, useEffect } from "react";
import { ESTIMATED_ROW, type RowWindowProps } from "@/components/matrix/row-window";

/** What the server renders before any scrolling is known: the top of the matrix. */
const INITIAL_RECT = { width: 1400, height: 900 };

/**
 * Row virtualisation for a big matrix: the scroller shows a few dozen rows, so only those (plus
 * the focused row, which holds the grid's one tab stop) are in the DOM; the rows above and below
 * are stood in for by spacer rows of their height. Its own module, so that the virtualiser is
 * loaded only by pages that show a big matrix.
 */
export function VirtualRows({ rows, scroller, headerHeight, focusedRow, revealRef, children }: RowWindowProps) {
  const virtualizer = useVirtualizer({
    count: rows,
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
  useEffect(() => {
    revealRef.current = (row) => virtualizer.scrollToIndex(row, { align: "auto" });
  }, [revealRef, virtualizer]);
  let end = 0;
  const slices = virtualizer.getVirtualItems().map((item) => {
    const start = item.start - headerHeight;
    const slice = { row: item.index, gapBefore: Math.max(0, start - end) };
    end = start + item.size;
    return slice;
  });
  return children({
    slices,
    gapAfter: Math.max(0, virtualizer.getTotalSize() - end),
    measure: virtualizer.measureElement,
  });
}
