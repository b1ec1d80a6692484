"use client";

import { useQuery } from "@tanstack/react-query";
import { useDates } from "@/components/ui/date-locale";
import type { StatementQuote } from "@/lib/evidence/data";

/** The latest quote behind a cell's statement, fetched when the cell is hovered or focused. */
export function CellPreview({ slug, statementId, id }: { slug: string; statementId: string; id: string }) {
  const dates = useDates();
  const quotes = useQuery({
    queryKey: ["statement-quotes", { slug, statementId }],
    queryFn: async (): Promise<StatementQuote[]> => {
      const search = new URLSearchParams({ statementId });
      const response = await fetch(`/api/w/${encodeURIComponent(slug)}/evidence?${search}`);
      if (!response.ok) throw new Error("The quote could not be loaded.");
      return (await response.json()).evidence;
    },
    staleTime: 60_000,
  });
  const latest = quotes.data?.[0];
  return (
    <div id={id} role="tooltip" className="matrix-preview" data-testid="cell-preview">
      {quotes.isPending ? (
        <span className="text-slate-600">Loading the latest quote…</span>
      ) : latest ? (
        <>
          <q className="line-clamp-4 font-serif text-slate-900">{latest.exact}</q>
          <span className="mt-1 block text-slate-600">
            {latest.speaker ?? "No speaker"} · {dates.calendar(latest.saidOn)}
          </span>
        </>
      ) : (
        <span className="text-slate-600">{quotes.isError ? quotes.error.message : "No quote linked."}</span>
      )}
    </div>
  );
}
