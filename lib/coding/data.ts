import "server-only";
import {
  type Disagreement,
  findDisagreements,
  type RoundFigures,
  roundFigures,
  type UnitCode,
} from "@/lib/coding/figures";
import { CodingRoundStatus } from "@/lib/generated/prisma/enums";
import { resolvePositionLabels } from "@/lib/matrix/positions";
import { db } from "@/lib/platform/db/client";
import { displayName } from "@/lib/users/display-name";
import { type AuthorizedWorkspace, PERMISSIONS } from "@/lib/workspaces/access";

const PERSON = { select: { id: true, name: true, email: true } } as const;

/** A round as its heading shows it: title, open or closed, and since when. */
export const ROUND_HEADING_SELECT = { id: true, title: true, status: true, createdAt: true, closedAt: true } as const;

/** The workspace's rounds, newest first, with each coder's progress (counts only: coding is blind). */
export async function listCodingRounds(workspace: AuthorizedWorkspace) {
  const rounds = await db().codingRound.findMany({
    where: { workspaceId: workspace.id },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    select: {
      ...ROUND_HEADING_SELECT,
      _count: { select: { units: true } },
      coders: { select: { user: PERSON, _count: { select: { codes: true } } } },
    },
  });
  return rounds.map((r) => ({
    id: r.id,
    title: r.title,
    open: r.status === CodingRoundStatus.OPEN,
    createdAt: r.createdAt.toISOString(),
    units: r._count.units,
    assignedToMe: r.coders.some((c) => c.user.id === workspace.userId),
    coders: r.coders.map((c) => ({ id: c.user.id, name: displayName(c.user), coded: c._count.codes })),
  }));
}

export async function countOpenCodingRounds(workspace: AuthorizedWorkspace): Promise<number> {
  return db().codingRound.count({ where: { workspaceId: workspace.id, status: CodingRoundStatus.OPEN } });
}

/** What starting a round offers: the documents with quotes, and the members who may code. */
export async function listRoundChoices(workspace: AuthorizedWorkspace) {
  const [documents, members, quotes] = await Promise.all([
    db().document.findMany({
      where: { workspaceId: workspace.id, evidence: { some: {} } },
      orderBy: [{ title: "asc" }, { id: "asc" }],
      select: { id: true, title: true, _count: { select: { evidence: true } } },
    }),
    db().membership.findMany({
      where: { workspaceId: workspace.id, role: { in: [...PERMISSIONS["coding:code"]] } },
      orderBy: { createdAt: "asc" },
      select: { user: PERSON },
    }),
    db().evidence.count({ where: { workspaceId: workspace.id } }),
  ]);
  return {
    documents: documents.map((d) => ({ id: d.id, title: d.title, quotes: d._count.evidence })),
    coders: members.map((m) => ({ id: m.user.id, name: displayName(m.user) })),
    quotes,
  };
}

export type CodingRoundView = NonNullable<Awaited<ReturnType<typeof findCodingRound>>>;

/**
 * One round as the caller may see it. While the round is open the codes returned are the
 * caller's own and nobody else's, whoever the caller is; everyone's codes, the agreement
 * figures and the disagreements come only once the round is closed.
 */
export async function findCodingRound(workspace: AuthorizedWorkspace, roundId: string) {
  const round = await db().codingRound.findFirst({
    where: { id: roundId, workspaceId: workspace.id },
    select: {
      ...ROUND_HEADING_SELECT,
      createdBy: PERSON,
      workspace: { select: { positionLabels: true } },
      units: {
        orderBy: { sortOrder: "asc" },
        select: {
          evidence: {
            select: {
              id: true,
              exact: true,
              prefix: true,
              suffix: true,
              speaker: { select: { name: true } },
              document: { select: { id: true, title: true, language: true } },
            },
          },
        },
      },
      coders: { orderBy: { userId: "asc" }, select: { user: PERSON, _count: { select: { codes: true } } } },
    },
  });
  if (!round) return null;
  const closed = round.status === CodingRoundStatus.CLOSED;
  const codes: UnitCode[] = await db().codingCode.findMany({
    where: { roundId: round.id, ...(closed ? {} : { coderId: workspace.userId }) },
    select: { evidenceId: true, coderId: true, partyId: true, issueId: true, position: true },
  });
  const [parties, issues] = await Promise.all([
    db().party.findMany({
      where: { workspaceId: workspace.id },
      orderBy: [{ sortOrder: "asc" }, { id: "asc" }],
      select: { id: true, name: true, archivedAt: true },
    }),
    db().issue.findMany({
      where: { workspaceId: workspace.id },
      orderBy: [{ sortOrder: "asc" }, { id: "asc" }],
      select: { id: true, title: true, archivedAt: true },
    }),
  ]);
  const coderIds = round.coders.map((c) => c.user.id);
  const evidenceIds = round.units.map((u) => u.evidence.id);
  const results: { figures: RoundFigures; disagreements: Disagreement[] } | null = closed
    ? { figures: roundFigures(coderIds, evidenceIds, codes), disagreements: findDisagreements(evidenceIds, codes) }
    : null;
  return {
    id: round.id,
    title: round.title,
    open: !closed,
    createdAt: round.createdAt.toISOString(),
    closedAt: round.closedAt?.toISOString() ?? null,
    createdBy: round.createdBy ? displayName(round.createdBy) : null,
    isCoder: coderIds.includes(workspace.userId),
    coders: round.coders.map((c) => ({ id: c.user.id, name: displayName(c.user), coded: c._count.codes })),
    units: round.units.map(({ evidence: e }) => ({
      evidenceId: e.id,
      exact: e.exact,
      before: e.prefix,
      after: e.suffix,
      speaker: e.speaker?.name ?? null,
      document: e.document,
    })),
    codes,
    parties: parties.map((p) => ({ id: p.id, name: p.name, archived: p.archivedAt !== null })),
    issues: issues.map((i) => ({ id: i.id, title: i.title, archived: i.archivedAt !== null })),
    positionLabels: resolvePositionLabels(round.workspace.positionLabels),
    results,
  };
}
