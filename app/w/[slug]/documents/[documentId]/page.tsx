import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { authorizePage } from "@/lib/workspaces/page-access";
import { getDocument } from "@/lib/documents/data";
import { formatCalendarDate } from "@/lib/matrix/dates";
import { EVIDENCE_KIND_LABELS } from "@/lib/evidence/labels";
import { DocumentText } from "@/components/documents/document-text";
import { ActiveQuote } from "@/components/documents/active-quote";

export default async function DocumentPage({ params }: { params: Promise<{ slug: string; documentId: string }> }) {
  const { slug, documentId } = await params;
  const workspace = await authorizePage(slug, "workspace:read", `/w/${slug}/documents/${documentId}`);
  if (!z.uuid().safeParse(documentId).success) notFound();
  const document = await getDocument(workspace, documentId);
  if (!document) notFound();
  return (
    <main className="mx-auto grid max-w-[1400px] gap-8 px-6 py-8 lg:grid-cols-[minmax(0,1fr)_380px]">
      <article>
        <nav aria-label="Breadcrumb" className="text-sm"><Link href={`/w/${slug}/documents`} className="text-indigo-700 underline">Documents</Link></nav>
        <h1 className="mt-3 font-serif text-2xl font-semibold">{document.title}</h1>
        <p className="mt-1 text-sm text-slate-600">
          {[document.outlet, document.publishedOn ? formatCalendarDate(document.publishedOn) : "date not printed", `revision ${document.revision.number}`].filter(Boolean).join(" · ")}
          {document.url ? <> · <a href={document.url} rel="noopener noreferrer" className="underline">source</a></> : null}
        </p>
        <div className="mt-6 rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
          <DocumentText text={document.revision.text} quotes={document.evidence} />
        </div>
        <ActiveQuote />
      </article>
      <aside aria-label="Quotes in this document" className="lg:sticky lg:top-4 lg:max-h-[calc(100vh-2rem)] lg:overflow-y-auto">
        <h2 className="text-sm font-semibold uppercase tracking-wide text-slate-500">{document.evidence.length} quotes</h2>
        <ul className="mt-3 space-y-2">
          {document.evidence.map((e) => (
            <li key={e.id}>
              <a href={`#quote-${e.id}`} className="block rounded-md border border-slate-200 bg-white p-3 text-sm hover:border-indigo-300" style={e.colour ? { borderLeft: `4px solid ${e.colour}` } : undefined}>
                <span className="line-clamp-3 font-serif">“{e.exact}”</span>
                <span className="mt-1 block text-xs text-slate-500">{e.speaker?.name ?? "No speaker"} · {EVIDENCE_KIND_LABELS[e.kind]} · {formatCalendarDate(e.saidOn)}</span>
              </a>
              <Link href={`/w/${slug}/evidence/${e.id}`} className="ml-3 text-xs text-indigo-700 underline">Details</Link>
            </li>
          ))}
        </ul>
      </aside>
    </main>
  );
}
