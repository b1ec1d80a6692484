import type { Metadata } from "next";
import Link from "next/link";
import { StartRoundForm } from "@/components/coding/start-round-form";
import { ReviewTabs } from "@/components/review/review-tabs";
import { listCodingRounds, listRoundChoices } from "@/lib/coding/data";
import { workspaceAllows } from "@/lib/workspaces/access";
import { authorizePage } from "@/lib/workspaces/page-access";

export const metadata: Metadata = { title: "Coding rounds" };

export default async function CodingRoundsPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const workspace = await authorizePage(slug, "workspace:read", `/w/${slug}/review/rounds`);
  const canManage = workspaceAllows(workspace, "coding:manage");
  const [rounds, choices] = await Promise.all([
    listCodingRounds(workspace),
    canManage ? listRoundChoices(workspace) : null,
  ]);
  return (
    <main className="mx-auto max-w-4xl px-4 py-8 sm:px-6">
      <ReviewTabs workspace={workspace} current="rounds" />
      <h1 className="font-serif text-2xl font-semibold">Coding rounds</h1>
      <p className="mt-1 text-sm text-slate-600">
        Two or more analysts code the same quotes (party, issue and position) without seeing one another’s codes; when
        all are in, Parley measures how far they agree and lists where they differ.
      </p>
      {rounds.length === 0 ? <p className="mt-6 text-slate-600">No coding round yet.</p> : null}
      <ul className="mt-6 space-y-3">
        {rounds.map((round) => (
          <li key={round.id} className="rounded-lg border border-slate-200 bg-white p-4">
            <p className="flex flex-wrap items-baseline gap-2">
              <Link href={`/w/${slug}/review/rounds/${round.id}`} className="font-medium text-indigo-700 underline">
                {round.title}
              </Link>
              <span
                className={`rounded px-1.5 py-0.5 text-xs font-semibold ${round.open ? "bg-amber-100 text-amber-900" : "bg-slate-100 text-slate-700"}`}
              >
                {round.open ? "open" : "closed"}
              </span>
              {round.assignedToMe && round.open ? (
                <span className="rounded bg-indigo-50 px-1.5 py-0.5 text-xs font-semibold text-indigo-800">
                  assigned to you
                </span>
              ) : null}
            </p>
            <p className="mt-1 text-sm text-slate-600">
              {round.units} quotes ·{" "}
              {round.coders.map((c, i) => (
                <span key={c.id}>
                  {i > 0 ? ", " : ""}
                  {c.name} {c.coded} of {round.units} coded
                </span>
              ))}
            </p>
          </li>
        ))}
      </ul>
      {choices ? (
        <div className="mt-8">
          {choices.quotes < 2 || choices.coders.length < 2 ? (
            <p className="text-sm text-slate-600">
              A round needs at least two quotes and two members who may record stances.
            </p>
          ) : (
            <StartRoundForm workspaceSlug={slug} choices={choices} />
          )}
        </div>
      ) : null}
    </main>
  );
}
