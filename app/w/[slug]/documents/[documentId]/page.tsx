import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { ActiveQuote } from "@/components/documents/active-quote";
import { DocumentReader } from "@/components/documents/document-reader";
import { DocumentText, suggestedRanges } from "@/components/documents/document-text";
import { LanguageForm } from "@/components/documents/language-form";
import { CopyLinkButton } from "@/components/ui/copy-link-button";
import { getDocument, getEvidenceFormOptions, hasDocumentFile, listOriginalCandidates } from "@/lib/documents/data";
import { quotePermalink } from "@/lib/documents/pages";
import { listSuggestions } from "@/lib/documents/suggestions";
import { EVIDENCE_KIND_LABELS } from "@/lib/evidence/labels";
import { httpUrl } from "@/lib/exports/text";
import { readerDates } from "@/lib/format/reader-locale";
import { INT4_MAX } from "@/lib/validation";
import { workspaceAllows } from "@/lib/workspaces/access";
import { authorizePage } from "@/lib/workspaces/page-access";

// A passage to highlight, in code points of the current revision: "start-end", both within int4.
const RangeSchema = z
  .string()
  .regex(/^\d{1,10}-\d{1,10}$/)
  .transform((v) => v.split("-").map(Number) as [number, number])
  .refine(([a, b]) => a < b && b <= INT4_MAX);

const STATUS_LABELS = { ANCHORED: "anchored", MOVED: "moved", CHANGED: "changed", ORPHANED: "orphaned" } as const;

export async function generateMetadata({
  params,
}: {
  params: Promise<{ slug: string; documentId: string }>;
}): Promise<Metadata> {
  const { slug, documentId } = await params;
  const workspace = await authorizePage(slug, "workspace:read", `/w/${slug}/documents/${documentId}`);
  const document = z.uuid().safeParse(documentId).success ? await getDocument(workspace, documentId) : null;
  return { title: document?.title ?? "Document not found" };
}

export default async function DocumentPage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string; documentId: string }>;
  searchParams: Promise<{ at?: string; page?: string }>;
}) {
  const dates = await readerDates();
  const [{ slug, documentId }, { at, page }] = await Promise.all([params, searchParams]);
  const workspace = await authorizePage(slug, "workspace:read", `/w/${slug}/documents/${documentId}`);
  if (!z.uuid().safeParse(documentId).success) notFound();
  const document = await getDocument(workspace, documentId);
  if (!document) notFound();
  const canEdit = workspaceAllows(workspace, "evidence:write");
  const canEditDocument = workspaceAllows(workspace, "document:write");
  // Stored addresses predate the http(s)-only check: a data: or javascript: one is no link.
  const sourceUrl = document.url ? httpUrl(document.url) : null;
  const [options, suggestions, originals] = await Promise.all([
    canEdit ? getEvidenceFormOptions(workspace) : null,
    canEdit ? listSuggestions(workspace, document.revision, document.title) : [],
    canEditDocument ? listOriginalCandidates(workspace, document.id) : [],
  ]);
  const range = at ? RangeSchema.safeParse(at) : null;
  const originalFile =
    document.revision.file ?? (document.revisionCount > 1 ? await hasDocumentFile(workspace, document.id) : null);
  const placed = document.evidence.filter((e) => e.status !== "ORPHANED");
  const highlights = [
    ...placed.map((e) => ({ id: e.id, startOffset: e.startOffset, endOffset: e.endOffset, colour: e.colour })),
    ...(range?.success
      ? [
          {
            id: `range-${range.data[0]}-${range.data[1]}`,
            startOffset: range.data[0],
            endOffset: range.data[1],
            colour: "#a21caf",
          },
        ]
      : []),
  ];
  return (
    <main className="mx-auto grid max-w-[1400px] grid-cols-1 gap-8 px-4 sm:px-6 py-8 lg:grid-cols-[minmax(0,1fr)_380px]">
      <article>
        <nav aria-label="Breadcrumb" className="text-sm">
          <Link href={`/w/${slug}/documents`} className="text-indigo-700 underline">
            Documents
          </Link>
        </nav>
        <h1 className="mt-3 font-serif text-2xl font-semibold">{document.title}</h1>
        {range && !range.success ? (
          <p role="alert" className="mt-2 rounded-md border border-red-300 bg-red-50 p-2 text-sm text-red-900">
            The link asks to highlight “{at}”, which is not a passage: it should be two character positions such as
            120-180.
          </p>
        ) : null}
        <p className="mt-1 text-sm text-slate-600">
          {[
            document.outlet,
            document.publishedOn ? dates.calendar(document.publishedOn) : "date not printed",
            `revision ${document.revision.number} of ${document.revisionCount}`,
          ]
            .filter(Boolean)
            .join(" · ")}
          {sourceUrl ? (
            <>
              {" "}
              ·{" "}
              <a href={sourceUrl} rel="noopener noreferrer" className="underline">
                source
              </a>
            </>
          ) : null}
          {canEdit ? (
            <>
              {" "}
              ·{" "}
              <Link href={`/w/${slug}/documents/${document.id}/correct`} className="text-indigo-700 underline">
                Correct the text
              </Link>
            </>
          ) : null}
          {document.revision.pageStarts.length > 0 ? ` · ${document.revision.pageStarts.length} pages` : ""}
          {originalFile ? (
            <>
              {" "}
              ·{" "}
              <a href={`/api/w/${slug}/documents/${document.id}/file`} className="text-indigo-700 underline" download>
                Original file
              </a>
            </>
          ) : null}
          {" · "}
          <Link href={`/w/${slug}/activity?document=${document.id}`} className="text-indigo-700 underline">
            Activity
          </Link>
        </p>
        <p className="mt-1 text-sm text-slate-600">
          Language: {document.language}
          {document.translationOf ? (
            <>
              {" · "}translation of{" "}
              <Link href={`/w/${slug}/documents/${document.translationOf.id}`} className="text-indigo-700 underline">
                {document.translationOf.title}
              </Link>{" "}
              ({document.translationOf.language})
            </>
          ) : null}
          {document.translations.length > 0 ? (
            <>
              {" · "}translated in{" "}
              {document.translations.map((t, i) => (
                <span key={t.id}>
                  {i > 0 ? ", " : ""}
                  <Link href={`/w/${slug}/documents/${t.id}`} className="text-indigo-700 underline">
                    {t.title}
                  </Link>{" "}
                  ({t.language})
                </span>
              ))}
            </>
          ) : null}
        </p>
        {canEditDocument ? (
          <LanguageForm
            slug={slug}
            documentId={document.id}
            language={document.language}
            translationOfId={document.translationOf?.id ?? null}
            candidates={document.translations.length > 0 ? [] : originals}
          />
        ) : null}
        {document.revision.note ? (
          <p className="mt-1 text-xs text-slate-500">Revision note: {document.revision.note}</p>
        ) : null}
        <div className="mt-6 rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
          <DocumentReader slug={slug} document={document} canEdit={canEdit} options={options} suggestions={suggestions}>
            <DocumentText
              text={document.revision.text}
              quotes={highlights}
              pageStarts={document.revision.pageStarts}
              suggestions={suggestedRanges(suggestions)}
            />
          </DocumentReader>
        </div>
        <ActiveQuote
          rangeId={range?.success ? `range-${range.data[0]}-${range.data[1]}` : undefined}
          page={page && /^\d{1,6}$/.test(page) ? Number(page) : undefined}
        />
      </article>
      <aside
        aria-label="Quotes in this document"
        className="lg:sticky lg:top-4 lg:max-h-[calc(100vh-2rem)] lg:overflow-y-auto"
      >
        <h2 className="text-sm font-semibold uppercase tracking-wide text-slate-500">
          {document.evidence.length} quotes
        </h2>
        <ul className="mt-3 space-y-2">
          {document.evidence.map((e) => (
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
                  href={quotePermalink(slug, document.id, e.id, e.page)}
                  className="ml-2 border-0 px-1 py-0 underline"
                />
              ) : null}
            </li>
          ))}
        </ul>
      </aside>
    </main>
  );
}
