"use client";

import { useState } from "react";
import { useEvidenceOptions } from "@/components/matrix/use-evidence-options";
import type { QuoteLink } from "@/components/matrix/use-stance-fields";

/**
 * The quotes the cell editor lists, narrowed by the user's filter, and the linked ones the list
 * does not hold (so they can still be unlinked).
 */
export function useQuoteFilter(
  slug: string,
  cell: { issueId: string; partyId: string },
  enabled: boolean,
  links: QuoteLink[],
) {
  const [filter, setFilter] = useState("");
  const evidence = useEvidenceOptions(slug, cell, enabled);
  const shown = (evidence.data ?? []).filter(
    (e) => !filter || `${e.exact} ${e.speaker ?? ""} ${e.documentTitle}`.toLowerCase().includes(filter.toLowerCase()),
  );
  const listed = new Set((evidence.data ?? []).map((e) => e.id));
  const unlisted = evidence.data ? links.filter((l) => !listed.has(l.evidenceId)) : [];
  return { filter, setFilter, isLoading: evidence.isLoading, shown, unlisted };
}
