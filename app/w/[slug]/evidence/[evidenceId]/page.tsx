import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { authorizePage } from "@/lib/workspaces/page-access";
import { getEvidence } from "@/lib/evidence/data";
import { formatCalendarDate } from "@/lib/matrix/dates";
import { EVIDENCE_KIND_LABELS, RELATION_LABELS } from "@/lib/evidence/labels";
import { PositionBadge } from "@/components/matrix/position-badge";
import { CopyLinkButton } from "@/components/ui/copy-link-button";
import { roleAllows } from "@/lib/workspaces/access";
import { listEvidenceThreads, listMentionCandidates } from "@/lib/comments/data";
import { CommentsProvider } from "@/components/comments/comments-context";
import { CommentThreads } from "@/components/comments/comment-thread";

export default async function EvidencePage({ params }: { params: Promise<{ slug: string; evidenceId: string }> }) {
  const { slug, evidenceId } = await params;
  const workspace = await authorizePage(slug, "workspace:read", `/w/${slug}/evidence/${evidenceId}`);
  if (!z.uuid().safeParse(evidenceId).success) notFound();
  const canComment = roleAllows(workspace.role, "comment:write");
  const [evidence, threads, members] = await Promise.all([
    getEvidence(workspace, evidenceId),
    listEvidenceThreads(workspace, evidenceId),
    canComment ? listMentionCandidates(workspace) : [],
  ]);
  if (!evidence) notFound();
  const speaker = evidence.speaker;
  return (
    <main className="mx-auto max-w-3xl px-6 py-8">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href={`/w/${slug}/documents/${evidence.document.id}#quote-${evidence.id}`} className="text-indigo-700 underline">{evidence.document.title}</Link>
      </nav>
      <h1 className="mt-3 font-serif text-2xl font-semibold">{speaker ? `${speaker.name}, ${formatCalendarDate(evidence.saidOn)}` : `Quote of ${formatCalendarDate(evidence.saidOn)}`}</h1>
      <p className="mt-1 text-sm text-slate-600">
        {EVIDENCE_KIND_LABELS[evidence.kind]}
        {speaker ? ` · ${[speaker.role, speaker.party?.name ?? speaker.organisation].filter(Boolean).join(", ")}` : ""}
      </p>
      <section aria-label="The quote in context" className="mt-6 rounded-lg border border-slate-200 bg-white p-6 font-serif text-[17px] leading-8 whitespace-pre-wrap">
        <span className="text-slate-500">…{evidence.before}</span>
        <mark className="quote" data-active="true">{evidence.exact}</mark>
        <span className="text-slate-500">{evidence.after}…</span>
      </section>
      <p className="mt-2 text-xs text-slate-500">
        Source: {[evidence.document.outlet, evidence.document.publishedOn ? formatCalendarDate(evidence.document.publishedOn) : null, `revision ${evidence.revisionNumber}, characters ${evidence.startOffset}–${evidence.endOffset}`].filter(Boolean).join(" · ")}
      </p>
      <CopyLinkButton label="Copy link to this quote" className="mt-3" />
      {evidence.note ? <p className="mt-4 rounded-md bg-amber-50 p-3 text-sm text-amber-900">{evidence.note}</p> : null}
      <h2 className="mt-8 text-sm font-semibold uppercase tracking-wide text-slate-500">Linked stances</h2>
      {evidence.links.length === 0 ? <p className="mt-2 text-slate-600">Not linked to any stance yet.</p> : null}
      <ul className="mt-3 space-y-3">
        {evidence.links.map(({ relation, statement }) => (
          <li key={statement.id} className="rounded-md border border-slate-200 bg-white p-4">
            <div className="flex flex-wrap items-center gap-3 text-sm">
              <span className="font-semibold">{RELATION_LABELS[relation]}</span>
              <Link href={`/w/${slug}/cells/${statement.issue.id}/${statement.party.id}?asOf=${statement.statedOn}#statement-${statement.id}`} className="text-indigo-700 underline">
                {statement.party.name} on {statement.issue.title}
              </Link>
              <PositionBadge position={statement.position} label={evidence.positionLabels[statement.position]} />
              <time dateTime={statement.statedOn} className="text-slate-500">{formatCalendarDate(statement.statedOn)}</time>
            </div>
            <p className="mt-2 text-slate-800">{statement.summary}</p>
          </li>
        ))}
      </ul>
      <section aria-labelledby="comments-heading" className="mt-8">
        <h2 id="comments-heading" className="text-sm font-semibold uppercase tracking-wide text-slate-500">Comments</h2>
        <div className="mt-3">
          <CommentsProvider value={{ workspaceSlug: slug, viewerId: workspace.userId, canComment, members }}>
            <CommentThreads target={{ evidenceId: evidence.id }} threads={threads} />
          </CommentsProvider>
        </div>
      </section>
    </main>
  );
}
