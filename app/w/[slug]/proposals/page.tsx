import type { Metadata } from "next";
import Link from "next/link";
import { ProposalForm } from "@/components/proposals/proposal-form";
import { CalendarDate } from "@/components/ui/calendar-date";
import { listNegotiationProposals, listProposalFormOptions } from "@/lib/proposals/data";
import { NEGOTIATION_PROPOSAL_KIND_LABELS } from "@/lib/proposals/schema";
import { workspaceAllows } from "@/lib/workspaces/access";
import { authorizePage } from "@/lib/workspaces/page-access";

export const metadata: Metadata = { title: "Proposals" };

export default async function ProposalsPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const workspace = await authorizePage(slug, "workspace:read", `/w/${slug}/proposals`);
  const canEdit = workspaceAllows(workspace, "negotiation:write");
  const [proposals, options] = await Promise.all([
    listNegotiationProposals(workspace),
    canEdit ? listProposalFormOptions(workspace) : null,
  ]);
  const link = (p: { id: string; title: string }) => (
    <Link href={`/w/${slug}/proposals/${p.id}`} className="text-indigo-700 underline">
      {p.title}
    </Link>
  );
  return (
    <main className="mx-auto max-w-6xl px-4 py-8 sm:px-6">
      <h1 className="font-serif text-2xl font-semibold">Proposals</h1>
      <p className="mt-1 text-sm text-slate-600">
        What the parties tabled — draft treaties, non-papers, written responses, public offers — with their provisions,
        and which proposal answered which.
      </p>
      {proposals.length === 0 ? (
        <p className="mt-6 text-slate-600">No proposals recorded yet.</p>
      ) : (
        <div className="mt-6 overflow-x-auto">
          <table className="w-full border-collapse text-left text-sm">
            <caption className="sr-only">Proposals by date</caption>
            <thead>
              <tr className="border-b border-slate-300 text-slate-700">
                <th scope="col" className="py-2 pr-3">
                  Date
                </th>
                <th scope="col" className="py-2 pr-3">
                  Proposal
                </th>
                <th scope="col" className="py-2 pr-3">
                  Party
                </th>
                <th scope="col" className="py-2 pr-3">
                  Kind
                </th>
                <th scope="col" className="py-2 pr-3">
                  Provisions
                </th>
                <th scope="col" className="py-2 pr-3">
                  Answers
                </th>
                <th scope="col" className="py-2">
                  Answered by
                </th>
              </tr>
            </thead>
            <tbody>
              {proposals.map((p) => (
                <tr key={p.id} className="border-b border-slate-200 align-top">
                  <td className="whitespace-nowrap py-2 pr-3">
                    <time dateTime={p.proposedOn}>
                      <CalendarDate value={p.proposedOn} />
                    </time>
                  </td>
                  <th scope="row" className="py-2 pr-3 font-medium">
                    {link(p)}
                  </th>
                  <td className="py-2 pr-3">{p.party.name}</td>
                  <td className="py-2 pr-3">{NEGOTIATION_PROPOSAL_KIND_LABELS[p.kind]}</td>
                  <td className="py-2 pr-3">{p.provisionCount}</td>
                  <td className="py-2 pr-3">{p.answers ? link(p.answers) : "—"}</td>
                  <td className="py-2">
                    {p.answeredBy.length === 0 ? (
                      "—"
                    ) : (
                      <ul>
                        {p.answeredBy.map((a) => (
                          <li key={a.id}>
                            {link(a)} <span className="text-slate-600">({a.party.name})</span>
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {options ? (
        <section
          aria-labelledby="add-proposal-heading"
          className="mt-8 rounded-lg border border-slate-200 bg-white p-4"
        >
          <h2 id="add-proposal-heading" className="mb-3 font-semibold">
            Record a proposal
          </h2>
          <ProposalForm slug={slug} options={options} />
        </section>
      ) : null}
    </main>
  );
}
