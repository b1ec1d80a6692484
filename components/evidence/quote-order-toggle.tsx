"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { QUOTE_ORDER_COOKIE, type QuoteOrder } from "@/lib/evidence/pairs";

/** Original first or translation first, for every quote pair the reader sees. */
export function QuoteOrderToggle({ order }: { order: QuoteOrder }) {
  const router = useRouter();
  // Checked at once; the page reorders when the server answers the refresh.
  const [chosen, setChosen] = useState(order);
  const choose = (next: QuoteOrder) => {
    setChosen(next);
    // biome-ignore lint/suspicious/noDocumentCookie: a display preference the server reads on every page
    document.cookie = `${QUOTE_ORDER_COOKIE}=${next}; path=/; max-age=31536000; samesite=lax`;
    router.refresh();
  };
  return (
    <fieldset className="inline-flex items-center gap-2 text-xs text-slate-600">
      <legend className="sr-only">Order of original and translation</legend>
      Show first:
      {(["original", "translation"] as const).map((value) => (
        <label key={value} className="inline-flex items-center gap-1">
          <input
            type="radio"
            name="quote-order"
            value={value}
            checked={chosen === value}
            onChange={() => choose(value)}
          />
          {value === "original" ? "the original" : "the translation"}
        </label>
      ))}
    </fieldset>
  );
}
