"use client";

import { type RefObject, useEffect, useRef, useState } from "react";
import { selectionAnchor, selectRange } from "@/components/documents/text-selection";
import { locateQuote, type TextAnchor } from "@/lib/evidence/anchor";

/**
 * The reader's selection in the text, by hand or through the find bar, and closing its toolbar.
 * `formOpen`: while the evidence form is open, Escape is the form's.
 */
export function usePassageSelection(
  container: RefObject<HTMLDivElement | null>,
  wrapper: RefObject<HTMLDivElement | null>,
  text: string,
  formOpen: boolean,
) {
  const [selection, setSelection] = useState<TextAnchor | null>(null);
  const [find, setFind] = useState("");
  const foundByKeyboard = useRef(false);
  const [findMessage, setFindMessage] = useState<string | null>(null);

  useEffect(() => {
    const update = () => {
      if (!container.current) return;
      setSelection(selectionAnchor(container.current, text));
    };
    document.addEventListener("selectionchange", update);
    return () => document.removeEventListener("selectionchange", update);
  }, [container, text]);

  useEffect(() => {
    if (!selection || formOpen) return;
    const onKey = (e: KeyboardEvent) => e.key === "Escape" && closeToolbar();
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  });

  function closeToolbar() {
    const inToolbar = wrapper.current?.contains(document.activeElement) ?? false;
    window.getSelection()?.removeAllRanges();
    setSelection(null);
    if (inToolbar) container.current?.focus({ preventScroll: true });
  }

  function findPassage() {
    const anchor = locateQuote(text, find);
    if (!anchor || !container.current) {
      setFindMessage(find ? "Those exact words are not in the text." : "Type the words to select.");
      return;
    }
    setFindMessage(null);
    selectRange(container.current, text, anchor.startOffset, anchor.endOffset);
    setSelection(anchor);
    foundByKeyboard.current = true;
  }

  return { selection, find, setFind, findMessage, findPassage, foundByKeyboard, closeToolbar };
}

export type PassageSelection = ReturnType<typeof usePassageSelection>;
