import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { PassageInContext } from "@/components/evidence/quote-in-context";
import { findCodingRound } from "@/lib/coding/data";
import { workspaceAllows } from "@/lib/workspaces/access";
import { authorizePage } from "@/lib/workspaces/page-access";

export const metadata: Metadata = { title: "Reconcile a coding round" };

const FIELD_LABELS = { party: "party", issue: "issue", position: "position" } as const;

export default async function ReconcilePage({ params }: { params: Promise<{ slug: string; roundId: string }> }) {
  const { slug, roundId } = await params;
  const workspace = await authorizePage(slug, "workspace:read", `/w/${slug}/review/rounds/${roundId}/reconcile`);
  if (!z.uuid().safeParse(roundId).success) notFound();
  const round = await findCodingRound(workspace, roundId);
  if (!round) notFound();
  const parties = new Map(round.parties.map((p) => [p.id, p.name]));
  const issues = new Map(round.issues.map((i) => [i.id, i.title]));
  const units = new Map(round.units.map((u, index) => [u.evidenceId, { ...u, index }]));
  const coderNames = new Map(round.coders.map((c) => [c.id, c.name]));
  const canRecord = workspaceAllows(workspace, "stance:write");
  const cell = "border-b border-slate-200 px-2 py-1.5 text-left align-top";
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
          <ol className="mt-6 space-y-4">
            {round.results.disagreements.map((d) => {
              const unit = units.get(d.evidenceId)!;
              return (
                <li key={d.evidenceId}>
                  <section
                    aria-label={`Disagreement on quote ${unit.index + 1}`}
                    className="rounded-lg border border-slate-200 bg-white p-4"
                  >
                    <h2 className="text-sm font-semibold">
                      Quote {unit.index + 1}: they differ on {d.fields.map((f) => FIELD_LABELS[f]).join(", ")}
                    </h2>
                    <p lang={unit.document.language} className="mt-2 font-serif leading-7">
                      <PassageInContext before={unit.before} exact={unit.exact} after={unit.after} />
                    </p>
                    <p className="mt-1 text-xs">
                      <Link href={`/w/${slug}/evidence/${unit.evidenceId}`} className="text-indigo-700 underline">
                        Open the quote in {unit.document.title}
                      </Link>
                    </p>
                    <div className="mt-3 overflow-x-auto">
                      <table className="w-full text-sm">
                        <caption className="sr-only">Each coder’s code for quote {unit.index + 1}</caption>
                        <thead>
                          <tr>
                            <th scope="col" className={cell}>
                              Coder
                            </th>
                            <th scope="col" className={cell}>
                              Party
                            </th>
                            <th scope="col" className={cell}>
                              Issue
                            </th>
                            <th scope="col" className={cell}>
                              Position
                            </th>
                          </tr>
                        </thead>
                        <tbody>
                          {d.codes.map((code) => {
                            const differs = (field: keyof typeof FIELD_LABELS) =>
                              d.fields.includes(field) ? "font-semibold text-red-800" : "";
                            return (
                              <tr key={code.coderId}>
                                <th scope="row" className={`${cell} font-normal`}>
                                  {coderNames.get(code.coderId) ?? "A former member"}
                                </th>
                                <td className={`${cell} ${differs("party")}`}>{parties.get(code.partyId)}</td>
                                <td className={`${cell} ${differs("issue")}`}>{issues.get(code.issueId)}</td>
                                <td className={`${cell} ${differs("position")}`}>
                                  {round.positionLabels[code.position]}
                                </td>
                              </tr>
                            );
                          })}
                        </tbody>
                      </table>
                    </div>
                  </section>
                </li>
              );
            })}
          </ol>
        </>
      )}
    </main>
  );
}
