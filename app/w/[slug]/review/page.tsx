import type { Metadata } from "next";
import Link from "next/link";
import { ReviewedButton } from "@/components/documents/review-button";
import { ReviewTabs } from "@/components/review/review-tabs";
import { listAnchorsToReview } from "@/lib/documents/data";
import { workspaceAllows } from "@/lib/workspaces/access";
import { authorizePage } from "@/lib/workspaces/page-access";

export const metadata: Metadata = { title: "Quotes to review" };

export default async function ReviewPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const workspace = await authorizePage(slug, "workspace:read", `/w/${slug}/review`);
  const anchors = await listAnchorsToReview(workspace);
  const canEdit = workspaceAllows(workspace, "evidence:write");
  return (
    <main className="mx-auto max-w-4xl px-4 sm:px-6 py-8">
      <ReviewTabs workspace={workspace} current="quotes" />
      <h1 className="font-serif text-2xl font-semibold">Quotes to review</h1>
      <p className="mt-1 text-sm text-slate-600">
        After a source’s text was corrected, these quotes no longer match it word for word (changed) or could not be
        found at all (orphaned).
      </p>
      {anchors.length === 0 ? <p className="mt-6 text-slate-600">Nothing to review.</p> : null}
      <ul className="mt-6 space-y-3">
        {anchors.map((a) => (
          <li key={`${a.evidence.id}-${a.revisionId}`} className="rounded-lg border border-slate-200 bg-white p-4">
            <p className="text-sm">
              <span
                className={`rounded px-1.5 py-0.5 text-xs font-semibold ${a.status === "ORPHANED" ? "bg-red-100 text-red-800" : "bg-amber-100 text-amber-900"}`}
              >
                {a.status.toLowerCase()}
                {a.status === "CHANGED" ? ` · ${Math.round(a.score * 100)}% alike` : ""}
              </span>{" "}
              in{" "}
              <Link href={`/w/${slug}/documents/${a.revision.document.id}`} className="text-indigo-700 underline">
                {a.revision.document.title}
              </Link>
              , revision {a.revision.number}
            </p>
            <p className="mt-2 font-serif">
              Saved: “{a.evidence.exact}”{" "}
              <span className="font-sans text-xs text-slate-500">— {a.evidence.speaker?.name ?? "no speaker"}</span>
            </p>
            {a.exact && a.exact !== a.evidence.exact ? (
              <p className="mt-1 font-serif text-amber-900">Now: “{a.exact}”</p>
            ) : null}
            <div className="mt-3 flex gap-3 text-sm">
              <Link href={`/w/${slug}/evidence/${a.evidence.id}`} className="text-indigo-700 underline">
                Open the quote
              </Link>
              {canEdit ? <ReviewedButton slug={slug} evidenceId={a.evidence.id} revisionId={a.revisionId} /> : null}
            </div>
          </li>
        ))}
      </ul>
    </main>
  );
}
