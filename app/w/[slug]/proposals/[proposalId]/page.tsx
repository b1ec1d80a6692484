import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { DeleteProposalButton, RemoveProvisionButton } from "@/components/proposals/proposal-buttons";
import { ProposalFacts, ProposalLink } from "@/components/proposals/proposal-facts";
import { ProvisionForm } from "@/components/proposals/provision-form";
import { TableFrame } from "@/components/proposals/table-frame";
import { CalendarDate } from "@/components/ui/calendar-date";
import {
  getNegotiationProposal,
  getProposalDocumentText,
  listProposalFormOptions,
  type NegotiationProposalView,
} from "@/lib/proposals/data";
import { NEGOTIATION_PROPOSAL_KIND_LABELS } from "@/lib/proposals/schema";
import { type AuthorizedWorkspace, workspaceAllows } from "@/lib/workspaces/access";
import { authorizePage } from "@/lib/workspaces/page-access";

export const metadata: Metadata = { title: "Proposal" };

type Params = Promise<{ slug: string; proposalId: string }>;

function ProvisionsTable({
  slug,
  proposal,
  canEdit,
}: {
  slug: string;
  proposal: NegotiationProposalView;
  canEdit: boolean;
}) {
  return (
    <TableFrame
      caption={<>Provisions of {proposal.title} and the answers they got</>}
      head={
        <>
          <th scope="col" className="w-1/2 py-2 pr-4">
            Provision
          </th>
          <th scope="col" className="py-2">
            {proposal.answers ? "Answers, and answered by" : "Answered by"}
          </th>
        </>
      }
    >
      {proposal.provisions.map((p) => (
        <tr key={p.id} id={`provision-${p.id}`} className="border-b border-slate-200 align-top">
          <th scope="row" className="py-3 pr-4 font-normal">
            <span className="block font-semibold text-slate-900">{p.label}</span>
            <blockquote className="mt-1 border-l-4 border-slate-300 pl-3 font-serif text-slate-800">
              <Link href={`/w/${slug}/evidence/${p.evidenceId}`} className="hover:underline">
                “{p.exact}”
              </Link>
            </blockquote>
            <span className="mt-1 block text-xs text-slate-600">On: {p.issues.map((i) => i.title).join("; ")}</span>
            {canEdit ? (
              <span className="mt-2 block">
                <RemoveProvisionButton slug={slug} provisionId={p.id} label={p.label} />
              </span>
            ) : null}
          </th>
          <td className="py-3">
            {p.answers.length === 0 && p.answeredBy.length === 0 ? (
              <span className="text-slate-600">No answer recorded.</span>
            ) : null}
            <ul className="space-y-2">
              {[
                ...p.answers.map((a) => ({ ...a, verb: "Answers" })),
                ...p.answeredBy.map((a) => ({ ...a, verb: "Answered in" })),
              ].map((a) => (
                <li key={`${a.verb}-${a.id}`}>
                  <span className="text-xs font-medium uppercase tracking-wide text-slate-600">
                    {a.verb} <ProposalLink slug={slug} proposal={a.proposal} /> — {a.label}
                  </span>
                  <blockquote className="mt-1 border-l-4 border-indigo-200 pl-3 font-serif text-slate-800">
                    “{a.exact}”
                  </blockquote>
                </li>
              ))}
            </ul>
          </td>
        </tr>
      ))}
    </TableFrame>
  );
}

function StancesTable({ slug, proposal }: { slug: string; proposal: NegotiationProposalView }) {
  const { stances } = proposal;
  const label = (position: string | null) => (position ? (stances.positionLabels[position] ?? position) : "—");
  return (
    <TableFrame
      caption={
        <>
          Each party’s position on the provisions’ issues on <CalendarDate value={stances.proposedOn} /> and today
        </>
      }
      head={
        <>
          <th scope="col" className="py-2 pr-3">
            Issue
          </th>
          {stances.parties.map((party) => (
            <th key={party.id} scope="col" className="py-2 pr-3">
              {party.name}
            </th>
          ))}
        </>
      }
    >
      {stances.issues.map((issue) => (
        <tr key={issue.id} className="border-b border-slate-200 align-top">
          <th scope="row" className="py-2 pr-3 font-medium">
            {issue.title}
          </th>
          {stances.parties.map((party, i) => (
            <td key={party.id} className="py-2 pr-3">
              <Link href={`/w/${slug}/cells/${issue.id}/${party.id}`} className="text-indigo-700 underline">
                {label(issue.atProposal[i] ?? null)} → {label(issue.today[i] ?? null)}
              </Link>
              <span className="sr-only">
                {" "}
                ({party.name} on {issue.title}: then, and today)
              </span>
            </td>
          ))}
        </tr>
      ))}
    </TableFrame>
  );
}

async function ProvisionEditor({
  workspace,
  proposal,
}: {
  workspace: AuthorizedWorkspace;
  proposal: NegotiationProposalView;
}) {
  if (!proposal.document)
    return <p className="text-sm text-slate-600">This proposal has no document, so it has no provisions to quote.</p>;
  const [revision, options, answered] = await Promise.all([
    getProposalDocumentText(workspace, proposal.document.id),
    listProposalFormOptions(workspace),
    proposal.answers ? getNegotiationProposal(workspace, proposal.answers.id) : null,
  ]);
  return (
    <ProvisionForm
      slug={workspace.slug}
      proposalId={proposal.id}
      documentTitle={proposal.document.title}
      documentText={revision?.text ?? ""}
      issues={options.issues}
      answerable={(answered?.provisions ?? []).map((p) => ({
        id: p.id,
        label: p.label,
        proposalTitle: answered?.title ?? "",
      }))}
    />
  );
}

export default async function ProposalPage({ params }: { params: Params }) {
  const { slug, proposalId } = await params;
  const workspace = await authorizePage(slug, "workspace:read", `/w/${slug}/proposals/${proposalId}`);
  if (!z.uuid().safeParse(proposalId).success) notFound();
  const proposal = await getNegotiationProposal(workspace, proposalId);
  if (!proposal) notFound();
  const canEdit = workspaceAllows(workspace, "negotiation:write");
  return (
    <main className="mx-auto max-w-6xl px-4 py-8 sm:px-6">
      <p className="text-sm">
        <Link href={`/w/${slug}/proposals`} className="text-indigo-700 underline">
          All proposals
        </Link>
      </p>
      <p className="mt-3 text-xs font-medium uppercase tracking-wide text-slate-600">
        {NEGOTIATION_PROPOSAL_KIND_LABELS[proposal.kind]} · {proposal.party.name} ·{" "}
        <time dateTime={proposal.proposedOn}>
          <CalendarDate value={proposal.proposedOn} />
        </time>
      </p>
      <h1 className="mt-1 font-serif text-2xl font-semibold">{proposal.title}</h1>
      <ProposalFacts slug={slug} proposal={proposal} />
      {canEdit ? (
        <div className="mt-3">
          <DeleteProposalButton slug={slug} proposalId={proposal.id} title={proposal.title} />
        </div>
      ) : null}

      <section aria-labelledby="provisions-heading" className="mt-8">
        <h2 id="provisions-heading" className="font-serif text-xl font-semibold">
          Provisions and answers
        </h2>
        {proposal.provisions.length === 0 ? (
          <p className="mt-2 text-sm text-slate-600">No provisions recorded yet.</p>
        ) : (
          <ProvisionsTable slug={slug} proposal={proposal} canEdit={canEdit} />
        )}
      </section>

      {proposal.stances.issues.length > 0 ? (
        <section aria-labelledby="stances-heading" className="mt-8">
          <h2 id="stances-heading" className="font-serif text-xl font-semibold">
            Where the parties stand on these issues
          </h2>
          <p className="mt-1 text-sm text-slate-600">
            Each party’s position in the matrix on <CalendarDate value={proposal.stances.proposedOn} /> (the proposal’s
            date) → today.
          </p>
          <StancesTable slug={slug} proposal={proposal} />
        </section>
      ) : null}

      {canEdit ? (
        <section
          aria-labelledby="add-provision-heading"
          className="mt-8 rounded-lg border border-slate-200 bg-white p-4"
        >
          <h2 id="add-provision-heading" className="mb-3 font-semibold">
            Add a provision
          </h2>
          <ProvisionEditor workspace={workspace} proposal={proposal} />
        </section>
      ) : null}
    </main>
  );
}
