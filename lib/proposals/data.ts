import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { getMatrix } from "@/lib/matrix/data";
import { toCalendarDate, todayCalendarDate } from "@/lib/matrix/dates";
import { db } from "@/lib/platform/db/client";
import type { NegotiationProposalKind } from "@/lib/proposals/schema";
import type { AuthorizedWorkspace } from "@/lib/workspaces/access";

const PARTY_SELECT = { id: true, name: true, shortName: true, colour: true } as const;
const PROPOSAL_REF_SELECT = {
  id: true,
  title: true,
  proposedOn: true,
  kind: true,
  party: { select: PARTY_SELECT },
} as const;

type PartyRef = { id: string; name: string; shortName: string; colour: string };
type ProposalRefRow = { id: string; title: string; proposedOn: Date; kind: NegotiationProposalKind; party: PartyRef };
export type ProposalRef = Omit<ProposalRefRow, "proposedOn"> & { proposedOn: string };

/** A proposal, the part of which document holds it, what it answers and what answered it. */
const PROPOSAL_LINKS_SELECT = {
  ...PROPOSAL_REF_SELECT,
  documentPart: true,
  document: { select: { id: true, title: true } },
  answers: { select: PROPOSAL_REF_SELECT },
  answeredBy: { select: PROPOSAL_REF_SELECT, orderBy: [{ proposedOn: "asc" }, { title: "asc" }] },
} satisfies Prisma.NegotiationProposalSelect;

const ref = (row: ProposalRefRow): ProposalRef => ({ ...row, proposedOn: toCalendarDate(row.proposedOn) });

/** Every proposal of the workspace in date order, with what it answers and what answered it. */
export async function listNegotiationProposals(workspace: AuthorizedWorkspace) {
  const rows = await db().negotiationProposal.findMany({
    where: { workspaceId: workspace.id },
    orderBy: [{ proposedOn: "asc" }, { title: "asc" }, { id: "asc" }],
    select: {
      ...PROPOSAL_LINKS_SELECT,
      _count: { select: { provisions: true } },
    },
  });
  return rows.map((row) => ({
    ...ref(row),
    document: row.document,
    documentPart: row.documentPart,
    answers: row.answers ? ref(row.answers) : null,
    answeredBy: row.answeredBy.map(ref),
    provisionCount: row._count.provisions,
  }));
}

export type NegotiationProposalListItem = Awaited<ReturnType<typeof listNegotiationProposals>>[number];

const PROVISION_SELECT = {
  id: true,
  label: true,
  sortOrder: true,
  evidence: { select: { id: true, exact: true } },
  issues: { select: { issue: { select: { id: true, title: true, sortOrder: true } } } },
} as const;

type ProvisionRow = {
  id: string;
  label: string;
  sortOrder: number;
  evidence: { id: string; exact: string };
  issues: { issue: { id: string; title: string; sortOrder: number } }[];
};

function provisionView(row: ProvisionRow) {
  return {
    id: row.id,
    label: row.label,
    evidenceId: row.evidence.id,
    exact: row.evidence.exact,
    issues: row.issues
      .map((i) => i.issue)
      .sort((a, b) => a.sortOrder - b.sortOrder || a.title.localeCompare(b.title))
      .map(({ id, title }) => ({ id, title })),
  };
}

export type ProvisionView = ReturnType<typeof provisionView>;

export type ProvisionWithAnswers = ProvisionView & {
  /** The provisions of this proposal's answers that answer this one, each with its proposal. */
  answeredBy: (ProvisionView & { proposal: ProposalRef })[];
  /** The provisions of the proposal this one answers that this one answers. */
  answers: (ProvisionView & { proposal: ProposalRef })[];
};

/** Each party's position on each of the provisions' issues, at the proposal's date and now. */
export type ProvisionStances = {
  parties: PartyRef[];
  positionLabels: Record<string, string>;
  issues: { id: string; title: string; atProposal: (string | null)[]; today: (string | null)[] }[];
  proposedOn: string;
  today: string;
};

async function stancesOn(
  workspace: AuthorizedWorkspace,
  issues: { id: string; title: string }[],
  proposedOn: string,
): Promise<ProvisionStances> {
  const now = todayCalendarDate();
  const [before, current] = await Promise.all([getMatrix(workspace, proposedOn), getMatrix(workspace, now)]);
  const positions = (matrix: typeof before, issueId: string) =>
    matrix.parties.map(
      (party) => matrix.cells.find((c) => c.issueId === issueId && c.partyId === party.id)?.statement?.position ?? null,
    );
  return {
    parties: current.parties,
    positionLabels: current.positionLabels,
    issues: issues.map((issue) => ({
      ...issue,
      atProposal: positions(before, issue.id),
      today: positions(current, issue.id),
    })),
    proposedOn,
    today: now,
  };
}

/** A proposal with its provisions side by side with the answers they got, or null if not here. */
export async function getNegotiationProposal(workspace: AuthorizedWorkspace, proposalId: string) {
  const row = await db().negotiationProposal.findFirst({
    where: { id: proposalId, workspaceId: workspace.id },
    select: {
      ...PROPOSAL_LINKS_SELECT,
      provisions: {
        orderBy: [{ sortOrder: "asc" }, { id: "asc" }],
        select: {
          ...PROVISION_SELECT,
          answeredBy: {
            select: { provision: { select: { ...PROVISION_SELECT, proposal: { select: PROPOSAL_REF_SELECT } } } },
          },
          answers: {
            select: {
              answeredProvision: { select: { ...PROVISION_SELECT, proposal: { select: PROPOSAL_REF_SELECT } } },
            },
          },
        },
      },
    },
  });
  if (!row) return null;
  const provisions: ProvisionWithAnswers[] = row.provisions.map((p) => ({
    ...provisionView(p),
    answeredBy: p.answeredBy
      .map((a) => ({ ...provisionView(a.provision), proposal: ref(a.provision.proposal) }))
      .sort((a, b) => a.proposal.proposedOn.localeCompare(b.proposal.proposedOn) || a.label.localeCompare(b.label)),
    answers: p.answers.map((a) => ({
      ...provisionView(a.answeredProvision),
      proposal: ref(a.answeredProvision.proposal),
    })),
  }));
  const issues = new Map<string, { id: string; title: string }>();
  for (const provision of provisions) for (const issue of provision.issues) issues.set(issue.id, issue);
  return {
    ...ref(row),
    document: row.document,
    documentPart: row.documentPart,
    answers: row.answers ? ref(row.answers) : null,
    answeredBy: row.answeredBy.map(ref),
    provisions,
    stances: await stancesOn(workspace, [...issues.values()], toCalendarDate(row.proposedOn)),
  };
}

export type NegotiationProposalView = NonNullable<Awaited<ReturnType<typeof getNegotiationProposal>>>;

/** What the proposal forms offer: parties, documents, earlier proposals and issues. */
export async function listProposalFormOptions(workspace: AuthorizedWorkspace) {
  const [parties, documents, proposals, issues] = await Promise.all([
    db().party.findMany({
      where: { workspaceId: workspace.id, archivedAt: null },
      orderBy: [{ sortOrder: "asc" }, { name: "asc" }],
      select: { id: true, name: true },
    }),
    db().document.findMany({
      where: { workspaceId: workspace.id },
      orderBy: [{ publishedOn: "asc" }, { title: "asc" }],
      select: { id: true, title: true, publishedOn: true },
    }),
    db().negotiationProposal.findMany({
      where: { workspaceId: workspace.id },
      orderBy: [{ proposedOn: "asc" }, { title: "asc" }],
      select: { id: true, title: true, proposedOn: true, party: { select: { name: true } } },
    }),
    db().issue.findMany({
      where: { workspaceId: workspace.id, archivedAt: null },
      orderBy: [{ sortOrder: "asc" }, { title: "asc" }],
      select: { id: true, title: true },
    }),
  ]);
  return {
    parties,
    documents,
    issues,
    proposals: proposals.map((p) => ({
      id: p.id,
      title: p.title,
      party: p.party.name,
      proposedOn: toCalendarDate(p.proposedOn),
    })),
  };
}

export type ProposalFormOptions = Awaited<ReturnType<typeof listProposalFormOptions>>;

/**
 * The cell party's provisions on the cell's issue, with what each answers and what answered it:
 * "proposed in …, answered in …".
 */
export async function listCellProvisions(workspace: AuthorizedWorkspace, issueId: string, partyId: string) {
  const rows = await db().proposalProvision.findMany({
    where: {
      workspaceId: workspace.id,
      issues: { some: { issueId } },
      proposal: { partyId },
    },
    orderBy: [{ proposal: { proposedOn: "asc" } }, { sortOrder: "asc" }],
    select: {
      id: true,
      label: true,
      proposal: { select: PROPOSAL_REF_SELECT },
      answeredBy: {
        select: { provision: { select: { id: true, label: true, proposal: { select: PROPOSAL_REF_SELECT } } } },
      },
      answers: {
        select: { answeredProvision: { select: { id: true, label: true, proposal: { select: PROPOSAL_REF_SELECT } } } },
      },
    },
  });
  return rows.map((row) => ({
    id: row.id,
    label: row.label,
    proposal: ref(row.proposal),
    answers: row.answers.map((a) => ({
      id: a.answeredProvision.id,
      label: a.answeredProvision.label,
      proposal: ref(a.answeredProvision.proposal),
    })),
    answeredBy: row.answeredBy.map((a) => ({
      id: a.provision.id,
      label: a.provision.label,
      proposal: ref(a.provision.proposal),
    })),
  }));
}

export type CellProvision = Awaited<ReturnType<typeof listCellProvisions>>[number];

/** The current text of a proposal's document, for selecting provisions in it. */
export async function getProposalDocumentText(workspace: AuthorizedWorkspace, documentId: string) {
  const revision = await db().documentRevision.findFirst({
    where: { workspaceId: workspace.id, documentId },
    orderBy: { number: "desc" },
    select: { id: true, text: true },
  });
  return revision;
}
