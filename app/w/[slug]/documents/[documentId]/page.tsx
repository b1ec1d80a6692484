import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { authorizePage } from "@/lib/workspaces/page-access";
import { roleAllows } from "@/lib/workspaces/access";
import { getDocument, getEvidenceFormOptions } from "@/lib/documents/data";
import { listSuggestions } from "@/lib/documents/suggestions";
import { formatCalendarDate } from "@/lib/matrix/dates";
import { EVIDENCE_KIND_LABELS } from "@/lib/evidence/labels";
import { DocumentText } from "@/components/documents/document-text";
import { ActiveQuote } from "@/components/documents/active-quote";
import { DocumentReader } from "@/components/documents/document-reader";
import { CopyLinkButton } from "@/components/ui/copy-link-button";

const RangeSchema = z.string().regex(/^\d+-\d+$/).transform((v) => v.split("-").map(Number) as [number, number]).refine(([a, b]) => a < b);

const STATUS_LABELS = { ANCHORED: "anchored", MOVED: "moved", CHANGED: "changed", ORPHANED: "orphaned" } as const;

export default async function DocumentPage({ params, searchParams }: { params: Promise<{ slug: string; documentId: string }>; searchParams: Promise<{ at?: string }> }) {
  const [{ slug, documentId }, { at }] = await Promise.all([params, searchParams]);
  const workspace = await authorizePage(slug, "workspace:read", `/w/${slug}/documents/${documentId}`);
  if (!z.uuid().safeParse(documentId).success) notFound();
  const document = await getDocument(workspace, documentId);
  if (!document) notFound();
  const canEdit = roleAllows(workspace.role, "evidence:write");
  const [options, suggestions] = canEdit ? await Promise.all([getEvidenceFormOptions(workspace), listSuggestions(workspace, document.revision)]) : [null, []];
  const range = at ? RangeSchema.safeParse(at) : null;
  const placed = document.evidence.filter((e) => e.status !== "ORPHANED");
  const highlights = [
    ...placed.map((e) => ({ id: e.id, startOffset: e.startOffset, endOffset: e.endOffset, colour: e.colour })),
    ...(range?.success ? [{ id: `range-${range.data[0]}-${range.data[1]}`, startOffset: range.data[0], endOffset: range.data[1], colour: "#a21caf" }] : []),
  ];
  return (
    <main className="mx-auto grid max-w-[1400px] gap-8 px-6 py-8 lg:grid-cols-[minmax(0,1fr)_380px]">
      <article>
        <nav aria-label="Breadcrumb" className="text-sm"><Link href={`/w/${slug}/documents`} className="text-indigo-700 underline">Documents</Link></nav>
        <h1 className="mt-3 font-serif text-2xl font-semibold">{document.title}</h1>
        <p className="mt-1 text-sm text-slate-600">
          {[document.outlet, document.publishedOn ? formatCalendarDate(document.publishedOn) : "date not printed", `revision ${document.revision.number} of ${document.revisionCount}`].filter(Boolean).join(" · ")}
          {document.url ? <> · <a href={document.url} rel="noopener noreferrer" className="underline">source</a></> : null}
          {canEdit ? <> · <Link href={`/w/${slug}/documents/${document.id}/correct`} className="text-indigo-700 underline">Correct the text</Link></> : null}
          {" · "}<Link href={`/w/${slug}/activity?document=${document.id}`} className="text-indigo-700 underline">Activity</Link>
        </p>
        {document.revision.note ? <p className="mt-1 text-xs text-slate-500">Revision note: {document.revision.note}</p> : null}
        <div className="mt-6 rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
          <DocumentReader slug={slug} document={document} canEdit={canEdit} options={options} suggestions={suggestions}>
            <DocumentText text={document.revision.text} quotes={highlights} />
          </DocumentReader>
        </div>
        <ActiveQuote rangeId={range?.success ? `range-${range.data[0]}-${range.data[1]}` : undefined} />
      </article>
      <aside aria-label="Quotes in this document" className="lg:sticky lg:top-4 lg:max-h-[calc(100vh-2rem)] lg:overflow-y-auto">
        <h2 className="text-sm font-semibold uppercase tracking-wide text-slate-500">{document.evidence.length} quotes</h2>
        <ul className="mt-3 space-y-2">
          {document.evidence.map((e) => (
            <li key={e.id}>
              <a href={e.status === "ORPHANED" ? `/w/${slug}/evidence/${e.id}` : `#quote-${e.id}`} className="block rounded-md border border-slate-200 bg-white p-3 text-sm hover:border-indigo-300" style={e.colour ? { borderLeft: `4px solid ${e.colour}` } : undefined}>
                <span className="line-clamp-3 font-serif">“{e.exact}”</span>
                <span className="mt-1 block text-xs text-slate-500">{e.speaker?.name ?? "No speaker"} · {EVIDENCE_KIND_LABELS[e.kind]} · {formatCalendarDate(e.saidOn)}</span>
                {e.status !== "ANCHORED" ? (
                  <span className={`mt-1 inline-block rounded px-1.5 py-0.5 text-xs font-semibold ${e.status === "ORPHANED" ? "bg-red-100 text-red-800" : e.status === "CHANGED" ? "bg-amber-100 text-amber-900" : "bg-sky-100 text-sky-900"}`}>
                    {STATUS_LABELS[e.status]}{e.status === "CHANGED" ? ` (${Math.round(e.score * 100)}% alike)` : ""}{!e.reviewed && e.status !== "MOVED" ? " — needs review" : ""}
                  </span>
                ) : null}
              </a>
              <Link href={`/w/${slug}/evidence/${e.id}`} className="ml-3 text-xs text-indigo-700 underline">Details</Link>
              {e.status !== "ORPHANED" ? <CopyLinkButton href={`/w/${slug}/documents/${document.id}#quote-${e.id}`} className="ml-2 border-0 px-1 py-0 underline" /> : null}
            </li>
          ))}
        </ul>
      </aside>
    </main>
  );
}
