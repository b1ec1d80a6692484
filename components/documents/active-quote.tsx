"use client";

import { useEffect } from "react";

/** Marks every segment of the quote named in the URL fragment (#quote-<id>) and scrolls to it. */
export function ActiveQuote() {
  useEffect(() => {
    const mark = () => {
      document.querySelectorAll("mark.quote[data-active]").forEach((el) => el.removeAttribute("data-active"));
      const id = decodeURIComponent(window.location.hash.replace(/^#quote-/, ""));
      if (!id || id === window.location.hash) return;
      const segments = document.querySelectorAll(`mark.quote[data-quote-ids~="${CSS.escape(id)}"]`);
      segments.forEach((el) => el.setAttribute("data-active", "true"));
      segments[0]?.scrollIntoView({ block: "center" });
    };
    mark();
    window.addEventListener("hashchange", mark);
    return () => window.removeEventListener("hashchange", mark);
  }, []);
  return null;
}
