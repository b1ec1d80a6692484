import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { CommentThreads } from "@/components/comments/comment-thread";
import { CommentsProvider } from "@/components/comments/comments-context";
import { LinkedStances } from "@/components/evidence/linked-stances";
import { PairForm, UnpairButton } from "@/components/evidence/pair-form";
import { QuoteWithItsPair } from "@/components/evidence/quote-with-its-pair";
import { CopyLinkButton } from "@/components/ui/copy-link-button";
import { listEvidenceThreads, listMentionCandidates } from "@/lib/comments/data";
import { quotePermalink } from "@/lib/documents/pages";
import { getEvidence } from "@/lib/evidence/data";
import { EVIDENCE_KIND_LABELS } from "@/lib/evidence/labels";
import { readQuoteOrder } from "@/lib/evidence/quote-order";
import { readerDates } from "@/lib/platform/format/reader-locale";
import { workspaceAllows } from "@/lib/workspaces/access";
import { authorizePage } from "@/lib/workspaces/page-access";

export async function generateMetadata({
  params,
}: {
  params: Promise<{ slug: string; evidenceId: string }>;
}): Promise<Metadata> {
  const { slug, evidenceId } = await params;
  const workspace = await authorizePage(slug, "workspace:read", `/w/${slug}/evidence/${evidenceId}`);
  const evidence = z.uuid().safeParse(evidenceId).success ? await getEvidence(workspace, evidenceId) : null;
  if (!evidence) return { title: "Quote not found" };
  const words = [...evidence.exact];
  return { title: `“${words.length > 60 ? `${words.slice(0, 60).join("").trimEnd()}…` : evidence.exact}”` };
}

export default async function EvidencePage({ params }: { params: Promise<{ slug: string; evidenceId: string }> }) {
  const dates = await readerDates();
  const { slug, evidenceId } = await params;
  const workspace = await authorizePage(slug, "workspace:read", `/w/${slug}/evidence/${evidenceId}`);
  if (!z.uuid().safeParse(evidenceId).success) notFound();
  const canComment = workspaceAllows(workspace, "comment:write");
  const canPair = workspaceAllows(workspace, "evidence:write");
  const [evidence, threads, members, quoteOrder] = await Promise.all([
    getEvidence(workspace, evidenceId),
    listEvidenceThreads(workspace, evidenceId),
    canComment ? listMentionCandidates(workspace) : [],
    readQuoteOrder(),
  ]);
  if (!evidence) notFound();
  const speaker = evidence.speaker;
  return (
    <main className="mx-auto max-w-3xl px-4 sm:px-6 py-8">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link
          href={quotePermalink(slug, evidence.document.id, evidence.id, evidence.page)}
          className="text-indigo-700 underline"
        >
          {evidence.document.title}
        </Link>
      </nav>
      <h1 className="mt-3 font-serif text-2xl font-semibold">
        {speaker
          ? `${speaker.name}, ${dates.calendar(evidence.saidOn)}`
          : `Quote of ${dates.calendar(evidence.saidOn)}`}
      </h1>
      <p className="mt-1 text-sm text-slate-600">
        {EVIDENCE_KIND_LABELS[evidence.kind]}
        {speaker ? ` · ${[speaker.role, speaker.party?.name ?? speaker.organisation].filter(Boolean).join(", ")}` : ""}
      </p>
      <QuoteWithItsPair slug={slug} evidence={evidence} order={quoteOrder} />
      <p className="mt-2 text-xs text-slate-500">
        Source:{" "}
        {[
          evidence.document.outlet,
          evidence.document.publishedOn ? dates.calendar(evidence.document.publishedOn) : null,
          evidence.pageLabel,
          `revision ${evidence.revisionNumber}, characters ${evidence.startOffset}–${evidence.endOffset}`,
        ]
          .filter(Boolean)
          .join(" · ")}
      </p>
      <CopyLinkButton label="Copy link to this quote" className="mt-3" />
      {canPair && evidence.translationOfId ? (
        <div className="mt-3">
          <UnpairButton slug={slug} evidenceId={evidence.id} />
        </div>
      ) : null}
      {canPair && evidence.pairable ? (
        <PairForm
          slug={slug}
          evidenceId={evidence.id}
          documentId={evidence.document.id}
          translations={evidence.pairable.translations}
          originals={evidence.pairable.originals}
        />
      ) : null}
      {evidence.note ? <p className="mt-4 rounded-md bg-amber-50 p-3 text-sm text-amber-900">{evidence.note}</p> : null}
      <LinkedStances slug={slug} evidence={evidence} />
      <section aria-labelledby="comments-heading" className="mt-8">
        <h2 id="comments-heading" className="text-sm font-semibold uppercase tracking-wide text-slate-500">
          Comments
        </h2>
        <div className="mt-3">
          <CommentsProvider value={{ workspaceSlug: slug, viewerId: workspace.userId, canComment, members }}>
            <CommentThreads target={{ evidenceId: evidence.id }} threads={threads} />
          </CommentsProvider>
        </div>
      </section>
    </main>
  );
}
