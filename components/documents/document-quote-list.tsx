import Link from "next/link";
import { CopyLinkButton } from "@/components/ui/copy-link-button";
import type { DocumentView } from "@/lib/documents/data";
import { quotePermalink } from "@/lib/documents/pages";
import { EVIDENCE_KIND_LABELS } from "@/lib/evidence/labels";
import { readerDates } from "@/lib/platform/format/reader-locale";

type DocumentQuote = DocumentView["evidence"][number];

const STATUS_LABELS = { ANCHORED: "anchored", MOVED: "moved", CHANGED: "changed", ORPHANED: "orphaned" } as const;

/** The document's quotes beside its text, each with where it stands since the latest correction. */
export async function DocumentQuoteList({
  slug,
  documentId,
  quotes,
}: {
  slug: string;
  documentId: string;
  quotes: DocumentQuote[];
}) {
  const dates = await readerDates();
  return (
    <aside
      aria-label="Quotes in this document"
      className="lg:sticky lg:top-4 lg:max-h-[calc(100vh-2rem)] lg:overflow-y-auto"
    >
      <h2 className="text-sm font-semibold uppercase tracking-wide text-slate-500">{quotes.length} quotes</h2>
      <ul className="mt-3 space-y-2">
        {quotes.map((e) => (
          <li key={e.id}>
            <a
              href={e.status === "ORPHANED" ? `/w/${slug}/evidence/${e.id}` : `#quote-${e.id}`}
              className="block rounded-md border border-slate-200 bg-white p-3 text-sm hover:border-indigo-300"
              style={e.colour ? { borderLeft: `4px solid ${e.colour}` } : undefined}
            >
              <span className="line-clamp-3 font-serif">“{e.exact}”</span>
              {[
                ...(e.translationOf ? [{ ...e.translationOf, role: "Original" }] : []),
                ...e.translations.map((t) => ({ ...t, role: "Translation" })),
              ].map((other) => (
                <span key={other.id} className="mt-1 block text-xs text-slate-600">
                  {other.role} ({other.document.language}):{" "}
                  <span lang={other.document.language} className="line-clamp-2 inline font-serif">
                    “{other.exact}”
                  </span>
                </span>
              ))}
              <span className="mt-1 block text-xs text-slate-500">
                {e.pageLabel ? `${e.pageLabel} · ` : ""}
                {e.speaker?.name ?? "No speaker"} · {EVIDENCE_KIND_LABELS[e.kind]} · {dates.calendar(e.saidOn)}
              </span>
              {e.status !== "ANCHORED" ? (
                <span
                  className={`mt-1 inline-block rounded px-1.5 py-0.5 text-xs font-semibold ${e.status === "ORPHANED" ? "bg-red-100 text-red-800" : e.status === "CHANGED" ? "bg-amber-100 text-amber-900" : "bg-sky-100 text-sky-900"}`}
                >
                  {STATUS_LABELS[e.status]}
                  {e.status === "CHANGED" ? ` (${Math.round(e.score * 100)}% alike)` : ""}
                  {!e.reviewed && e.status !== "MOVED" ? " — needs review" : ""}
                </span>
              ) : null}
            </a>
            <Link href={`/w/${slug}/evidence/${e.id}`} className="ml-3 text-xs text-indigo-700 underline">
              Details
            </Link>
            {e.status !== "ORPHANED" ? (
              <CopyLinkButton
                href={quotePermalink(slug, documentId, e.id, e.page)}
                className="ml-2 border-0 px-1 py-0 underline"
              />
            ) : null}
          </li>
        ))}
      </ul>
    </aside>
  );
}
