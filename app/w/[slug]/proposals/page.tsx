import type { Metadata } from "next";
import { ProposalForm } from "@/components/proposals/proposal-form";
import { ProposalsTable } from "@/components/proposals/proposals-table";
import { listNegotiationProposals, listProposalFormOptions } from "@/lib/proposals/data";
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
        <ProposalsTable slug={slug} proposals={proposals} />
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
