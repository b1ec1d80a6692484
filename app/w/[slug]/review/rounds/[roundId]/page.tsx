import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { AgreementFigures } from "@/components/coding/agreement-figures";
import { CloseRoundButton } from "@/components/coding/close-round-button";
import { CodeUnitForm } from "@/components/coding/code-unit-form";
import { PassageInContext } from "@/components/evidence/quote-in-context";
import { ReviewTabs } from "@/components/review/review-tabs";
import { findCodingRound } from "@/lib/coding/data";
import { POSITIONS } from "@/lib/matrix/positions";
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
  const mine = new Map(round.codes.filter((c) => c.coderId === workspace.userId).map((c) => [c.evidenceId, c]));
  const coding = round.open && round.isCoder && workspaceAllows(workspace, "coding:code");
  const parties = round.parties.filter((p) => !p.archived).map((p) => ({ id: p.id, label: p.name }));
  const issues = round.issues.filter((i) => !i.archived).map((i) => ({ id: i.id, label: i.title }));
  const positions = POSITIONS.map((value) => ({ value, label: round.positionLabels[value] }));
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
      {coding ? (
        <section aria-labelledby="coding-heading" className="mt-6">
          <h2 id="coding-heading" className="font-serif text-xl font-semibold">
            Your codes
          </h2>
          <p className="mt-1 text-sm text-slate-700" role="status" data-testid="my-progress">
            {mine.size} of {total} coded
          </p>
          <p className="mt-1 text-sm text-slate-600">
            The other coders cannot see your codes, nor you theirs, until the round is complete.
          </p>
          <ol className="mt-4 space-y-4">
            {round.units.map((unit, index) => {
              const saved = mine.get(unit.evidenceId);
              return (
                <li key={unit.evidenceId}>
                  <section
                    aria-label={`Quote ${index + 1} of ${total}`}
                    className="rounded-lg border border-slate-200 bg-white p-4"
                  >
                    <h3 className="flex flex-wrap items-baseline gap-2 text-sm font-semibold">
                      Quote {index + 1} of {total}
                      {saved ? (
                        <span className="rounded bg-emerald-100 px-1.5 py-0.5 text-xs text-emerald-900">coded</span>
                      ) : null}
                    </h3>
                    <p lang={unit.document.language} className="mt-2 font-serif leading-7">
                      <PassageInContext before={unit.before} exact={unit.exact} after={unit.after} />
                    </p>
                    <p className="mt-1 text-xs text-slate-600">
                      {unit.speaker ?? "No speaker"} ·{" "}
                      <Link href={`/w/${slug}/evidence/${unit.evidenceId}`} className="text-indigo-700 underline">
                        {unit.document.title}
                      </Link>
                    </p>
                    <CodeUnitForm
                      workspaceSlug={slug}
                      roundId={round.id}
                      evidenceId={unit.evidenceId}
                      parties={parties}
                      issues={issues}
                      positions={positions}
                      saved={saved ?? null}
                    />
                  </section>
                </li>
              );
            })}
          </ol>
        </section>
      ) : null}
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
