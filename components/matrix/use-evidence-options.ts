"use client";

import { useQuery } from "@tanstack/react-query";
import type { EvidenceOption } from "@/lib/evidence/data";

/** The quotes the cell editor offers, the cell's own (its party's, its issue's) first. */
export function useEvidenceOptions(slug: string, cell: { issueId: string; partyId: string }, enabled: boolean) {
  return useQuery({
    queryKey: ["evidence-options", { slug, ...cell }],
    enabled,
    queryFn: async (): Promise<EvidenceOption[]> => {
      const search = new URLSearchParams(cell);
      const response = await fetch(`/api/w/${encodeURIComponent(slug)}/evidence?${search}`);
      if (!response.ok) throw new Error("The quotes could not be loaded.");
      return (await response.json()).evidence;
    },
  });
}
