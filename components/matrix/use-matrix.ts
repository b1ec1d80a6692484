"use client";

import { useQuery } from "@tanstack/react-query";
import type { MatrixView } from "@/lib/matrix/schema";

export function matrixQueryKey(slug: string, asOf: string) {
  return ["matrix", { slug, asOf }] as const;
}

async function fetchMatrix(slug: string, asOf: string): Promise<MatrixView> {
  const response = await fetch(`/api/w/${encodeURIComponent(slug)}/matrix?asOf=${asOf}`, {
    headers: { accept: "application/json" },
  });
  if (!response.ok)
    throw new Error(
      (await response.json().catch(() => null))?.message ?? `The matrix could not be loaded (${response.status}).`,
    );
  return response.json();
}

/** `enabled` is false for shared views, whose visitors cannot call the JSON route. */
export function useMatrix(slug: string, asOf: string, initialData?: MatrixView, enabled = true) {
  return useQuery({
    queryKey: matrixQueryKey(slug, asOf),
    enabled,
    queryFn: () => fetchMatrix(slug, asOf),
    initialData: initialData?.asOf === asOf ? initialData : undefined,
  });
}
