import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { ProposalStatus } from "@/lib/generated/prisma/enums";
import { toCalendarDate } from "@/lib/matrix/dates";
import { resolvePositionLabels } from "@/lib/matrix/positions";
import { db } from "@/lib/platform/db/client";
import { ProposalLinksSchema } from "@/lib/review/schema";
import { displayNameOrNull } from "@/lib/users/display-name";
import type { AuthorizedWorkspace } from "@/lib/workspaces/access";

const PERSON = { select: { id: true, name: true, email: true } } as const;
const personName = displayNameOrNull;

/** A proposal's cell and kind, what it proposes, and the cell version and statement it was proposed against. */
export const PROPOSED_STANCE_SELECT = {
  id: true,
  issueId: true,
  partyId: true,
  kind: true,
  baseVersion: true,
  targetStatementId: true,
  position: true,
  summary: true,
  statedOn: true,
  confidence: true,
  confidenceRationale: true,
  links: true,
  reason: true,
} as const satisfies Prisma.StanceProposalSelect;

const proposalSelect = {
  ...PROPOSED_STANCE_SELECT,
  status: true,
  rationale: true,
  proposedAt: true,
  proposedBy: PERSON,
  decidedAt: true,
  decidedBy: PERSON,
  decisionRationale: true,
  statementId: true,
  issue: { select: { title: true } },
  party: { select: { name: true, colour: true } },
} as const satisfies Prisma.StanceProposalSelect;

type Row = Prisma.StanceProposalGetPayload<{ select: typeof proposalSelect }>;

export type ProposalView = ReturnType<typeof toView>;

function toView(row: Row, quotes: Map<string, { exact: string; speaker: string | null }>, cellVersion: number) {
  return {
    id: row.id,
    issueId: row.issueId,
    partyId: row.partyId,
    issueTitle: row.issue.title,
    partyName: row.party.name,
    partyColour: row.party.colour,
    kind: row.kind,
    status: row.status,
    baseVersion: row.baseVersion,
    stale: row.status === ProposalStatus.OPEN && row.baseVersion !== cellVersion,
    targetStatementId: row.targetStatementId,
    position: row.position,
    summary: row.summary,
    statedOn: row.statedOn ? toCalendarDate(row.statedOn) : null,
    confidence: row.confidence,
    confidenceRationale: row.confidenceRationale,
    evidence: ProposalLinksSchema.parse(row.links).map((l) => ({
      ...l,
      exact: quotes.get(l.evidenceId)?.exact ?? null,
      speaker: quotes.get(l.evidenceId)?.speaker ?? null,
    })),
    reason: row.reason,
    rationale: row.rationale,
    proposedAt: row.proposedAt.toISOString(),
    proposedById: row.proposedBy?.id ?? null,
    proposedBy: personName(row.proposedBy),
    decidedAt: row.decidedAt?.toISOString() ?? null,
    decidedBy: personName(row.decidedBy),
    decisionRationale: row.decisionRationale,
    statementId: row.statementId,
  };
}

async function views(workspace: AuthorizedWorkspace, rows: Row[]) {
  const evidenceIds = [...new Set(rows.flatMap((r) => ProposalLinksSchema.parse(r.links).map((l) => l.evidenceId)))];
  const [quotes, cells] = await Promise.all([
    evidenceIds.length
      ? db().evidence.findMany({
          where: { workspaceId: workspace.id, id: { in: evidenceIds } },
          select: { id: true, exact: true, speaker: { select: { name: true } } },
        })
      : [],
    rows.length
      ? db().stanceCell.findMany({
          where: {
            workspaceId: workspace.id,
            OR: [...new Set(rows.map((r) => `${r.issueId}|${r.partyId}`))].map((key) => {
              const [issueId, partyId] = key.split("|");
              return { issueId: issueId!, partyId: partyId! };
            }),
          },
          select: { issueId: true, partyId: true, version: true },
        })
      : [],
  ]);
  const quoteMap = new Map(quotes.map((q) => [q.id, { exact: q.exact, speaker: q.speaker?.name ?? null }]));
  const versions = new Map(cells.map((c) => [`${c.issueId}|${c.partyId}`, c.version]));
  return rows.map((r) => toView(r, quoteMap, versions.get(`${r.issueId}|${r.partyId}`) ?? 0));
}

export async function readReviewMode(workspace: AuthorizedWorkspace): Promise<boolean> {
  const row = await db().workspace.findUnique({ where: { id: workspace.id }, select: { reviewMode: true } });
  return row?.reviewMode ?? false;
}

/** Every proposal on one cell, open ones first, each group newest first, and the cell's version. */
export async function listCellProposals(workspace: AuthorizedWorkspace, cell: { issueId: string; partyId: string }) {
  const rows = await db().stanceProposal.findMany({
    where: { workspaceId: workspace.id, ...cell },
    orderBy: [{ proposedAt: "asc" }, { id: "asc" }],
    select: proposalSelect,
  });
  const [all, current] = await Promise.all([
    views(workspace, rows),
    db().stanceCell.findUnique({
      where: { workspaceId_issueId_partyId: { workspaceId: workspace.id, ...cell } },
      select: { version: true },
    }),
  ]);
  return {
    /** The version a reviewer's own reading is written on. */
    version: current?.version ?? 0,
    open: all.filter((p) => p.status === ProposalStatus.OPEN),
    decided: all.filter((p) => p.status !== ProposalStatus.OPEN).reverse(),
  };
}

/**
 * For the matrix: whether review mode is on, and the open proposals per cell (keyed
 * `issueId:partyId`) for its pending marks — in one round trip, as the page has a query budget.
 */
export async function readMatrixReviewState(
  workspace: AuthorizedWorkspace,
): Promise<{ reviewMode: boolean; proposalCounts: Record<string, number> }> {
  const rows = await db().$queryRaw<
    { reviewMode: boolean; issueId: string | null; partyId: string | null; open: number }[]
  >`
    SELECT w."reviewMode", p."issueId", p."partyId", count(p.id)::int AS open
    FROM workspaces w
    LEFT JOIN stance_proposals p ON p."workspaceId" = w.id AND p.status = 'OPEN'
    WHERE w.id = ${workspace.id}::uuid
    GROUP BY w."reviewMode", p."issueId", p."partyId"`;
  return {
    reviewMode: rows[0]?.reviewMode ?? false,
    proposalCounts: Object.fromEntries(
      rows.flatMap((r) => (r.issueId && r.partyId ? [[`${r.issueId}:${r.partyId}`, r.open]] : [])),
    ),
  };
}

export type ReviewQueueFilter = { issue?: string; party?: string; author?: string };

/** The review queue: open proposals, oldest first, narrowed by issue, party and author, with the facets' counts. */
export async function listReviewQueue(workspace: AuthorizedWorkspace, filter: ReviewQueueFilter) {
  const open = { workspaceId: workspace.id, status: ProposalStatus.OPEN };
  const [rows, all, settings] = await Promise.all([
    db().stanceProposal.findMany({
      where: {
        ...open,
        ...(filter.issue ? { issueId: filter.issue } : {}),
        ...(filter.party ? { partyId: filter.party } : {}),
        ...(filter.author ? { proposedById: filter.author } : {}),
      },
      orderBy: [{ proposedAt: "asc" }, { id: "asc" }],
      take: 500,
      select: proposalSelect,
    }),
    db().stanceProposal.findMany({
      where: open,
      select: {
        issueId: true,
        partyId: true,
        issue: { select: { title: true } },
        party: { select: { name: true } },
        proposedBy: PERSON,
      },
    }),
    db().workspace.findUnique({ where: { id: workspace.id }, select: { positionLabels: true, reviewMode: true } }),
  ]);
  const facet = (pick: (r: (typeof all)[number]) => { id: string; label: string } | null) => {
    const counts = new Map<string, { id: string; label: string; count: number }>();
    for (const r of all) {
      const value = pick(r);
      if (!value) continue;
      const seen = counts.get(value.id) ?? { ...value, count: 0 };
      seen.count += 1;
      counts.set(value.id, seen);
    }
    return [...counts.values()].sort((a, b) => a.label.localeCompare(b.label));
  };
  const cells = new Set(all.map((r) => `${r.issueId}|${r.partyId}`));
  return {
    proposals: await views(workspace, rows),
    total: all.length,
    cells: cells.size,
    issues: facet((r) => ({ id: r.issueId, label: r.issue.title })),
    parties: facet((r) => ({ id: r.partyId, label: r.party.name })),
    authors: facet((r) => (r.proposedBy ? { id: r.proposedBy.id, label: personName(r.proposedBy)! } : null)),
    positionLabels: resolvePositionLabels(settings?.positionLabels ?? {}),
    reviewMode: settings?.reviewMode ?? false,
  };
}

/** The counts in the review area's tabs: open proposals, quotes to re-check, open coding rounds. */
export async function countReviewLists(workspace: AuthorizedWorkspace) {
  const [proposals, quotes, rounds] = await Promise.all([
    db().stanceProposal.count({ where: { workspaceId: workspace.id, status: ProposalStatus.OPEN } }),
    db().evidenceAnchor.count({
      where: { workspaceId: workspace.id, status: { in: ["CHANGED", "ORPHANED"] }, reviewedAt: null },
    }),
    db().codingRound.count({ where: { workspaceId: workspace.id, status: "OPEN" } }),
  ]);
  return { proposals, quotes, rounds };
}
