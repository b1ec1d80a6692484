"use client";

import { type RefObject, useLayoutEffect, useRef, useState } from "react";

// Below the suggestion's last line, kept inside the wrapper's width.
function placeBelow(wrapper: HTMLElement, key: string, width: number) {
  const marks = wrapper.querySelectorAll<HTMLElement>(`mark.suggestion[data-suggestion="${CSS.escape(key)}"]`);
  const rects = [...marks].flatMap((m) => [...m.getClientRects()]).filter((r) => r.width > 0 && r.height > 0);
  const last = rects.at(-1);
  if (!last) return null;
  const box = wrapper.getBoundingClientRect();
  const left = Math.max(0, Math.min(last.left - box.left, box.width - width));
  return { top: last.bottom - box.top + 6, left };
}

/** Where the card of the suggestion `key` sits in the wrapper, placed again when the window resizes. */
export function useCardPlacement(wrapper: RefObject<HTMLDivElement | null>, key: string) {
  const card = useRef<HTMLElement>(null);
  const [position, setPosition] = useState<{ top: number; left: number } | null>(null);

  useLayoutEffect(() => {
    const place = () => {
      if (!wrapper.current) return;
      const width = card.current?.offsetWidth ?? 320;
      setPosition(placeBelow(wrapper.current, key, width));
    };
    place();
    window.addEventListener("resize", place);
    return () => window.removeEventListener("resize", place);
  }, [wrapper, key]);

  return { card, position };
}
