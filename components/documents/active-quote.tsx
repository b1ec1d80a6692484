"use client";

import { useEffect } from "react";

/**
 * Marks every segment of the quote named in the URL fragment (#quote-<id>), or of a character
 * range given by the page (?at=start-end), and scrolls to it; with neither, scrolls to the page a
 * link names (?page=n) in a PDF's text.
 */
export function ActiveQuote({ rangeId, page }: { rangeId?: string; page?: number }) {
  useEffect(() => {
    const mark = () => {
      for (const el of document.querySelectorAll("mark.quote[data-active]")) el.removeAttribute("data-active");
      const fromHash = window.location.hash.startsWith("#quote-")
        ? decodeURIComponent(window.location.hash.slice("#quote-".length))
        : null;
      const id = fromHash ?? rangeId;
      if (!id) {
        if (page) document.getElementById(`page-${page}`)?.scrollIntoView({ block: "start" });
        return;
      }
      const segments = document.querySelectorAll(`mark.quote[data-quote-ids~="${CSS.escape(id)}"]`);
      for (const el of segments) el.setAttribute("data-active", "true");
      segments[0]?.scrollIntoView({ block: "center" });
    };
    mark();
    window.addEventListener("hashchange", mark);
    return () => window.removeEventListener("hashchange", mark);
  }, [rangeId, page]);
  return null;
}
