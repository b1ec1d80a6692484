"use client";

import { type RefObject, useLayoutEffect, useRef, useState } from "react";
import { CopyLinkButton } from "@/components/ui/copy-link-button";
import type { TextAnchor } from "@/lib/evidence/anchor";

type Position = { top: number; left: number; below: boolean };

// Where the toolbar goes, in the wrapper's coordinates: above the selection's first line (as
// Hypothesis's adder), or below its last line on touch screens, where the browser's own
// selection menu opens above the selection.
function positionFor(wrapper: HTMLElement): Position | null {
  const selection = window.getSelection();
  if (!selection || selection.rangeCount === 0) return null;
  const rects = [...selection.getRangeAt(0).getClientRects()].filter((r) => r.width > 0 && r.height > 0);
  const first = rects[0];
  const last = rects.at(-1);
  if (!first || !last) return null;
  const box = wrapper.getBoundingClientRect();
  const below = window.matchMedia("(max-width: 639px), (pointer: coarse)").matches;
  const line = below ? last : first;
  return {
    top: (below ? line.bottom + 8 : line.top - 8) - box.top,
    left: (line.left + line.right) / 2 - box.left,
    below,
  };
}

/**
 * A toolbar floating beside the selected passage. It is out of the flow, so it never moves the
 * text; it follows the text in the document order, so Tab from a selection reaches it.
 */
export function SelectionToolbar({
  wrapper,
  selection,
  canEdit,
  autoFocus,
  onSave,
  onClose,
}: {
  wrapper: RefObject<HTMLDivElement | null>;
  selection: TextAnchor;
  canEdit: boolean;
  /** Set after a keyboard search selected the passage: its next step is here. */
  autoFocus: RefObject<boolean>;
  onSave: () => void;
  onClose: () => void;
}) {
  const toolbar = useRef<HTMLDivElement>(null);
  const [position, setPosition] = useState<Position | null>(null);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `selection` is the trigger: placed again for each new one
  useLayoutEffect(() => {
    const place = () => wrapper.current && setPosition(positionFor(wrapper.current));
    place();
    window.addEventListener("resize", place);
    return () => window.removeEventListener("resize", place);
  }, [wrapper, selection]);

  // Kept inside the wrapper's width, measured once it is drawn.
  useLayoutEffect(() => {
    const el = toolbar.current;
    const box = wrapper.current;
    if (!el || !box || !position) return;
    const half = el.offsetWidth / 2;
    const left = Math.min(Math.max(position.left, half), Math.max(half, box.clientWidth - half));
    el.style.left = `${left - half}px`;
    if (autoFocus.current) el.querySelector("button")?.focus({ preventScroll: true });
    autoFocus.current = false;
  }, [position, wrapper, autoFocus]);

  if (!position) return null;
  return (
    <div
      ref={toolbar}
      role="toolbar"
      aria-label="Selected passage"
      // Pressing a button must not take the selection away.
      onMouseDown={(e) => e.preventDefault()}
      style={{ top: position.top, left: position.left }}
      className={`absolute z-30 flex items-center gap-1 rounded-md border border-slate-300 bg-white p-1 font-sans shadow-lg ${position.below ? "" : "-translate-y-full"}`}
    >
      {canEdit ? (
        <button
          type="button"
          onClick={onSave}
          className="rounded bg-indigo-700 px-3 py-1.5 text-sm font-medium whitespace-nowrap text-white"
        >
          Save as evidence
        </button>
      ) : null}
      <CopyLinkButton
        href={`?at=${selection.startOffset}-${selection.endOffset}`}
        label="Copy link"
        className="whitespace-nowrap py-1.5"
      />
      <button
        type="button"
        onClick={onClose}
        aria-label="Close (Escape)"
        className="rounded px-2 py-1 text-sm text-slate-500 hover:bg-slate-100"
      >
        ×
      </button>
    </div>
  );
}
