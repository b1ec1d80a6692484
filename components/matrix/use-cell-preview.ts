"use client";

import { useRef, useState } from "react";

/** The cell whose latest quote is previewed: hovered for a moment, or focused. */
export function useCellPreview() {
  const [previewed, setPreviewed] = useState<string | null>(null);
  const hoverTimer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const hide = (key: string) => setPreviewed((current) => (current === key ? null : current));
  return {
    previewed,
    show: (key: string) => setPreviewed(key),
    hide,
    hoverIn: (key: string) => {
      clearTimeout(hoverTimer.current);
      hoverTimer.current = setTimeout(() => setPreviewed(key), 400);
    },
    hoverOut: (key: string) => {
      clearTimeout(hoverTimer.current);
      hide(key);
    },
  };
}
