"use client";

import { useEffect } from "react";

/**
 * Marks every segment of the quote named in the URL fragment (#quote-<id>), or of a character
 * range given by the page (?at=start-end), and scrolls to it.
 */
export function ActiveQuote({ rangeId }: { rangeId?: string }) {
  useEffect(() => {
    const mark = () => {
      document.querySelectorAll("mark.quote[data-active]").forEach((el) => el.removeAttribute("data-active"));
      const fromHash = window.location.hash.startsWith("#quote-") ? decodeURIComponent(window.location.hash.slice("#quote-".length)) : null;
      const id = fromHash ?? rangeId;
      if (!id) return;
      const segments = document.querySelectorAll(`mark.quote[data-quote-ids~="${CSS.escape(id)}"]`);
      segments.forEach((el) => el.setAttribute("data-active", "true"));
      segments[0]?.scrollIntoView({ block: "center" });
    };
    mark();
    window.addEventListener("hashchange", mark);
    return () => window.removeEventListener("hashchange", mark);
  }, [rangeId]);
  return null;
}
