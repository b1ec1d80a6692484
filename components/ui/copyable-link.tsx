"use client";

import { useState } from "react";

/** A link shown once, selected on focus, with a button that copies it; key it by the link to reset "Copied". */
export function CopyableLink({ link, label }: { link: string; label: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <>
      <input
        readOnly
        value={link}
        aria-label={label}
        className="w-full rounded-md border border-emerald-300 bg-white px-2 py-1 font-mono text-xs"
        onFocus={(e) => e.currentTarget.select()}
      />
      <button
        type="button"
        className="rounded-md border border-emerald-400 bg-white px-3 py-1"
        onClick={() => navigator.clipboard.writeText(link).then(() => setCopied(true))}
      >
        {copied ? "Copied" : "Copy"}
      </button>
    </>
  );
}
