"use client";

import { useQuery } from "@tanstack/react-query";
import type { EvidenceOption } from "@/lib/evidence/data";

export function useEvidenceOptions(slug: string, enabled: boolean) {
  return useQuery({
    queryKey: ["evidence-options", { slug }],
    enabled,
    queryFn: async (): Promise<EvidenceOption[]> => {
      const response = await fetch(`/api/w/${encodeURIComponent(slug)}/evidence`);
      if (!response.ok) throw new Error("The quotes could not be loaded.");
      return (await response.json()).evidence;
    },
  });
}
