"use client";

import { useRouter } from "next/navigation";
import type { FocusEvent, KeyboardEvent, MouseEvent } from "react";
import type { useCellPreview } from "@/components/matrix/use-cell-preview";
import { cellKey } from "@/lib/matrix/as-of";
import type { MatrixView } from "@/lib/matrix/schema";

type Handlers = {
  matrix: Pick<MatrixView, "issues" | "parties">;
  focus: [number, number];
  preview: ReturnType<typeof useCellPreview>;
  select: (row: number, column: number) => void;
  onKeyDown: (event: KeyboardEvent<HTMLElement>, row: number, column: number) => void;
  open: (row: number, column: number) => void;
};

type Place = { cell: HTMLElement; row: number; column: number; key: string };

/**
 * The grid's cells share one set of listeners on the table instead of six each: a 40 × 12 matrix
 * rendered on every request and hydrated in the browser is cheaper without 2,880 closures. Each
 * event finds its cell by the `data-row`/`data-column` the cell carries.
 */
export function useGridEvents({ matrix, focus, preview, select, onKeyDown, open }: Handlers) {
  const router = useRouter();

  function placeOf(target: EventTarget | null): Place | null {
    const cell = target instanceof Element ? target.closest<HTMLElement>("td[data-row]") : null;
    if (!cell) return null;
    const row = Number(cell.dataset.row);
    const column = Number(cell.dataset.column);
    const issue = matrix.issues[row];
    const party = matrix.parties[column];
    return issue && party ? { cell, row, column, key: cellKey(issue.id, party.id) } : null;
  }

  /** A cell's quote link is a plain link: followed in the app unless the reader asks for a new tab. */
  function followLink(event: MouseEvent<HTMLElement>): boolean {
    const link = event.target instanceof Element ? event.target.closest<HTMLAnchorElement>("a[href]") : null;
    if (!link) return false;
    const plainClick = event.button === 0 && !event.metaKey && !event.ctrlKey && !event.shiftKey && !event.altKey;
    if (plainClick && !event.defaultPrevented) {
      event.preventDefault();
      router.push(link.getAttribute("href") ?? "");
    }
    return true;
  }

  const leftCell = (place: Place, to: EventTarget | null) => !(to instanceof Node && place.cell.contains(to));

  return {
    onClick(event: MouseEvent<HTMLElement>) {
      if (followLink(event)) return;
      const place = placeOf(event.target);
      if (place) open(place.row, place.column);
    },
    onKeyDown(event: KeyboardEvent<HTMLElement>) {
      const place = placeOf(event.target);
      if (place) onKeyDown(event, place.row, place.column);
    },
    onFocus(event: FocusEvent<HTMLElement>) {
      const place = placeOf(event.target);
      if (!place) return;
      if (focus[0] !== place.row || focus[1] !== place.column) select(place.row, place.column);
      preview.show(place.key);
    },
    onBlur(event: FocusEvent<HTMLElement>) {
      const place = placeOf(event.target);
      if (place) preview.hide(place.key);
    },
    onMouseOver(event: MouseEvent<HTMLElement>) {
      const place = placeOf(event.target);
      if (place && leftCell(place, event.relatedTarget)) preview.hoverIn(place.key);
    },
    onMouseOut(event: MouseEvent<HTMLElement>) {
      const place = placeOf(event.target);
      if (place && leftCell(place, event.relatedTarget)) preview.hoverOut(place.key);
    },
  };
}
