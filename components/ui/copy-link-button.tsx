"use client";

import { useState } from "react";

/**
 * Copies a permalink: `href` (a path, or a fragment like "#statement-…") resolved against the
 * current page, or the current address itself, which carries the view's whole state.
 */
export function CopyLinkButton({
  href,
  label = "Copy link",
  className = "",
}: {
  href?: string;
  label?: string;
  className?: string;
}) {
  const [copied, setCopied] = useState(false);
  return (
    <button
      type="button"
      onClick={() => {
        const url = new URL(href ?? window.location.href, window.location.href).toString();
        void navigator.clipboard.writeText(url).then(() => {
          setCopied(true);
          setTimeout(() => setCopied(false), 2000);
        });
      }}
      className={`rounded-md border border-slate-300 bg-white px-2 py-1 text-xs text-slate-700 hover:bg-slate-50 ${className}`}
      aria-live="polite"
    >
      {copied ? "Link copied" : label}
    </button>
  );
}
