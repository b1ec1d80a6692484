import "server-only";
import { db } from "@/lib/db/client";
import type { AuthorizedWorkspace } from "@/lib/workspaces/access";
import { toCalendarDate } from "@/lib/matrix/dates";
import { codePoints } from "@/lib/evidence/anchor";
import { resolvePositionLabels } from "@/lib/matrix/positions";

const CONTEXT_CODE_POINTS = 280;

export async function getEvidence(workspace: AuthorizedWorkspace, evidenceId: string) {
  const evidence = await db().evidence.findFirst({
    where: { id: evidenceId, workspaceId: workspace.id },
    select: {
      id: true,
      startOffset: true,
      endOffset: true,
      exact: true,
      kind: true,
      note: true,
      saidOn: true,
      createdAt: true,
      createdBy: { select: { name: true, email: true } },
      speaker: { select: { id: true, name: true, role: true, organisation: true, party: { select: { name: true, colour: true } } } },
      document: { select: { id: true, title: true, outlet: true, url: true, publishedOn: true } },
      revision: { select: { number: true, text: true } },
      links: {
        select: {
          relation: true,
          statement: {
            select: {
              id: true,
              position: true,
              summary: true,
              statedOn: true,
              party: { select: { id: true, name: true, colour: true } },
              issue: { select: { id: true, title: true } },
            },
          },
        },
      },
    },
  });
  if (!evidence) return null;
  const settings = await db().workspace.findUniqueOrThrow({ where: { id: workspace.id }, select: { positionLabels: true } });
  const chars = codePoints(evidence.revision.text);
  const { revision, ...rest } = evidence;
  return {
    ...rest,
    revisionNumber: revision.number,
    positionLabels: resolvePositionLabels(settings.positionLabels),
    saidOn: toCalendarDate(evidence.saidOn),
    before: chars.slice(Math.max(0, evidence.startOffset - CONTEXT_CODE_POINTS), evidence.startOffset).join(""),
    after: chars.slice(evidence.endOffset, evidence.endOffset + CONTEXT_CODE_POINTS).join(""),
    links: evidence.links.map((l) => ({ ...l, statement: { ...l.statement, statedOn: toCalendarDate(l.statement.statedOn) } })),
  };
}

export async function listEvidenceOptions(workspace: AuthorizedWorkspace, query: string | undefined) {
  const evidence = await db().evidence.findMany({
    where: {
      workspaceId: workspace.id,
      ...(query
        ? { OR: [{ exact: { contains: query, mode: "insensitive" } }, { speaker: { name: { contains: query, mode: "insensitive" } } }, { speaker: { aliases: { has: query } } }] }
        : {}),
    },
    orderBy: [{ saidOn: "desc" }, { createdAt: "desc" }],
    take: 200,
    select: { id: true, exact: true, saidOn: true, kind: true, speaker: { select: { name: true } }, document: { select: { title: true } } },
  });
  return evidence.map((e) => ({ id: e.id, exact: e.exact, saidOn: toCalendarDate(e.saidOn), kind: e.kind, speaker: e.speaker?.name ?? null, documentTitle: e.document.title }));
}

export type EvidenceOption = Awaited<ReturnType<typeof listEvidenceOptions>>[number];
