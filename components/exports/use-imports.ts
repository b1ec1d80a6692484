"use client";

import { useQuery } from "@tanstack/react-query";

export type ImportJob = {
  id: string;
  status: "QUEUED" | "RUNNING" | "SUCCEEDED" | "FAILED";
  params: { slug?: string };
  progress: number;
  stage: string;
  result: { workspace?: { slug: string; title: string } } | null;
  error: { message: string; problems?: string[] } | null;
};

/** The user's recent imports, polled every second while one of them is still under way. */
export function useImports(enabled: boolean) {
  return useQuery({
    queryKey: ["imports"],
    enabled,
    staleTime: 500,
    queryFn: async (): Promise<ImportJob[]> => {
      const response = await fetch("/api/imports", { cache: "no-store" });
      if (!response.ok) throw new Error(`Could not read the imports' progress (HTTP ${response.status}).`);
      return ((await response.json()) as { imports: ImportJob[] }).imports;
    },
    refetchInterval: (query) =>
      query.state.data?.some((job) => job.status === "QUEUED" || job.status === "RUNNING") !== false ? 1_000 : false,
  });
}
