import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { ActiveQuote } from "@/components/documents/active-quote";
import { DocumentDetails, DocumentLanguage } from "@/components/documents/document-details";
import { DocumentQuoteList } from "@/components/documents/document-quote-list";
import { DocumentReader } from "@/components/documents/document-reader";
import { DocumentText, suggestedRanges } from "@/components/documents/document-text";
import { getDocument, getEvidenceFormOptions, hasDocumentFile, listOriginalCandidates } from "@/lib/documents/data";
import { listSuggestions } from "@/lib/documents/suggestions";
import { INT4_MAX } from "@/lib/platform/validation";
import { workspaceAllows } from "@/lib/workspaces/access";
import { authorizePage } from "@/lib/workspaces/page-access";

// A passage to highlight, in code points of the current revision: "start-end", both within int4.
const RangeSchema = z
  .string()
  .regex(/^\d{1,10}-\d{1,10}$/)
  .transform((v) => v.split("-").map(Number) as [number, number])
  .refine(([a, b]) => a < b && b <= INT4_MAX);

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
  const [{ slug, documentId }, { at, page }] = await Promise.all([params, searchParams]);
  const workspace = await authorizePage(slug, "workspace:read", `/w/${slug}/documents/${documentId}`);
  if (!z.uuid().safeParse(documentId).success) notFound();
  const document = await getDocument(workspace, documentId);
  if (!document) notFound();
  const canEdit = workspaceAllows(workspace, "evidence:write");
  const canEditDocument = workspaceAllows(workspace, "document:write");
  const [options, suggestions, originals] = await Promise.all([
    canEdit ? getEvidenceFormOptions(workspace) : null,
    canEdit ? listSuggestions(workspace, document.revision, document.title) : [],
    canEditDocument ? listOriginalCandidates(workspace, document.id) : [],
  ]);
  const range = at ? RangeSchema.safeParse(at) : null;
  const originalFile =
    document.revision.file ?? (document.revisionCount > 1 ? await hasDocumentFile(workspace, document.id) : null);
  const highlights = highlightsOf(document.evidence, range?.success ? range.data : null);
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
        <DocumentDetails slug={slug} document={document} canCorrect={canEdit} hasOriginalFile={Boolean(originalFile)} />
        <DocumentLanguage slug={slug} document={document} originals={canEditDocument ? originals : null} />
        {document.revision.note ? (
          <p className="mt-1 text-xs text-slate-500">Revision note: {document.revision.note}</p>
        ) : null}
        <div className="mt-6 rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
          <DocumentReader
            slug={slug}
            // Only what the reader uses: a client component's props are sent to the browser whole.
            document={{
              id: document.id,
              publishedOn: document.publishedOn,
              revision: { id: document.revision.id, text: document.revision.text },
            }}
            canEdit={canEdit}
            options={options}
            suggestions={suggestions}
          >
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
      <DocumentQuoteList slug={slug} documentId={document.id} quotes={document.evidence} />
    </main>
  );
}

/** The placed quotes to mark in the text, and the passage a link asks for. */
function highlightsOf(
  quotes: { id: string; startOffset: number; endOffset: number; colour: string | null; status: string }[],
  range: [number, number] | null,
) {
  return [
    ...quotes
      .filter((e) => e.status !== "ORPHANED")
      .map((e) => ({ id: e.id, startOffset: e.startOffset, endOffset: e.endOffset, colour: e.colour })),
    ...(range
      ? [{ id: `range-${range[0]}-${range[1]}`, startOffset: range[0], endOffset: range[1], colour: "#a21caf" }]
      : []),
  ];
}
