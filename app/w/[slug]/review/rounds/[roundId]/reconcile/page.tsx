import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { Disagreements } from "@/components/coding/disagreements";
import { findCodingRound } from "@/lib/coding/data";
import { workspaceAllows } from "@/lib/workspaces/access";
import { authorizePage } from "@/lib/workspaces/page-access";

export const metadata: Metadata = { title: "Reconcile a coding round" };

export default async function ReconcilePage({ params }: { params: Promise<{ slug: string; roundId: string }> }) {
  const { slug, roundId } = await params;
  const workspace = await authorizePage(slug, "workspace:read", `/w/${slug}/review/rounds/${roundId}/reconcile`);
  if (!z.uuid().safeParse(roundId).success) notFound();
  const round = await findCodingRound(workspace, roundId);
  if (!round) notFound();
  const canRecord = workspaceAllows(workspace, "stance:write");
  return (
    <main className="mx-auto max-w-5xl px-4 py-8 sm:px-6">
      <p className="text-sm">
        <Link href={`/w/${slug}/review/rounds/${round.id}`} className="text-indigo-700 underline">
          Back to {round.title}
        </Link>
      </p>
      <h1 className="mt-2 font-serif text-2xl font-semibold">Reconcile: {round.title}</h1>
      {!round.results ? (
        <p className="mt-4 text-slate-600">
          The round is still open: the codes stay hidden until every coder has coded every quote or the round is closed.
        </p>
      ) : (
        <>
          <p className="mt-1 text-sm text-slate-600" data-testid="disagreement-count">
            {round.results.disagreements.length} of {round.units.length} quotes coded differently.
            {canRecord ? " Open a quote to record the reading the team settles on." : ""}
          </p>
          {round.results.disagreements.length === 0 ? (
            <p className="mt-6 text-slate-600">The coders agreed on every quote.</p>
          ) : null}
          <Disagreements slug={slug} round={round} />
        </>
      )}
    </main>
  );
}
