import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { AgreementFigures } from "@/components/coding/agreement-figures";
import { CloseRoundButton } from "@/components/coding/close-round-button";
import { MyCodes } from "@/components/coding/my-codes";
import { ReviewTabs } from "@/components/review/review-tabs";
import { findCodingRound } from "@/lib/coding/data";
import { workspaceAllows } from "@/lib/workspaces/access";
import { authorizePage } from "@/lib/workspaces/page-access";

export const metadata: Metadata = { title: "Coding round" };

export default async function CodingRoundPage({ params }: { params: Promise<{ slug: string; roundId: string }> }) {
  const { slug, roundId } = await params;
  const workspace = await authorizePage(slug, "workspace:read", `/w/${slug}/review/rounds/${roundId}`);
  if (!z.uuid().safeParse(roundId).success) notFound();
  const round = await findCodingRound(workspace, roundId);
  if (!round) notFound();
  const canManage = workspaceAllows(workspace, "coding:manage");
  const total = round.units.length;
  const coding = round.open && round.isCoder && workspaceAllows(workspace, "coding:code");
  return (
    <main className="mx-auto max-w-5xl px-4 py-8 sm:px-6">
      <ReviewTabs workspace={workspace} current="rounds" />
      <p className="text-sm">
        <Link href={`/w/${slug}/review/rounds`} className="text-indigo-700 underline">
          All coding rounds
        </Link>
      </p>
      <h1 className="mt-2 font-serif text-2xl font-semibold">{round.title}</h1>
      <p className="mt-1 text-sm text-slate-600">
        {round.open ? "Open" : "Closed"} · {total} quotes
        {round.createdBy ? ` · started by ${round.createdBy}` : ""}
      </p>
      <ul className="mt-3 flex flex-wrap gap-2 text-sm" aria-label="Progress of each coder">
        {round.coders.map((c) => (
          <li key={c.id} className="rounded-md border border-slate-200 bg-white px-2 py-1">
            {c.name}: {c.coded} of {total} coded
          </li>
        ))}
      </ul>
      {round.open && canManage ? <CloseRoundButton workspaceSlug={slug} roundId={round.id} /> : null}
      {round.open && !round.isCoder ? (
        <p className="mt-6 text-slate-600">
          Coding is blind: the codes stay hidden until every coder has coded every quote or the round is closed.
        </p>
      ) : null}
      {coding ? <MyCodes slug={slug} round={round} coderId={workspace.userId} /> : null}
      {round.results ? (
        <>
          <AgreementFigures
            figures={round.results.figures}
            coderNames={new Map(round.coders.map((c) => [c.id, c.name]))}
            issueTitles={new Map(round.issues.map((i) => [i.id, i.title]))}
          />
          <p className="mt-6">
            <Link
              href={`/w/${slug}/review/rounds/${round.id}/reconcile`}
              className="font-medium text-indigo-700 underline"
            >
              Reconcile {round.results.disagreements.length}{" "}
              {round.results.disagreements.length === 1 ? "disagreement" : "disagreements"}
            </Link>
          </p>
        </>
      ) : null}
    </main>
  );
}
