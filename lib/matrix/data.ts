import "server-only";
import { cache } from "react";
import { PAIR_SELECT, quotePair } from "@/lib/evidence/pairs";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { EvidenceRelation, Position } from "@/lib/generated/prisma/enums";
import { diffLinks } from "@/lib/matrix/amendments";
import { fromCalendarDate, toCalendarDate } from "@/lib/matrix/dates";
import { resolvePositionLabels } from "@/lib/matrix/positions";
import type { MatrixView, StatementListQuery, StatementQualities } from "@/lib/matrix/schema";
import { MATRIX_AS_OF_SQL, type MatrixAsOfRow } from "@/lib/matrix/sql.mjs";
import { db } from "@/lib/platform/db/client";
import { displayNameOrNull } from "@/lib/users/display-name";
import type { AuthorizedWorkspace } from "@/lib/workspaces/access";

type QualityColumns = Pick<
  MatrixAsOfRow,
  "redLine" | "conditionText" | "conditionIssueId" | "conditionPartyId" | "conditionMinPosition"
>;

/** A statement's red line and condition, from its columns. */
export function qualitiesOf(row: QualityColumns): StatementQualities {
  return {
    redLine: row.redLine ?? false,
    conditionText: row.conditionText,
    conditionCell:
      row.conditionIssueId && row.conditionPartyId && row.conditionMinPosition
        ? {
            issueId: row.conditionIssueId,
            partyId: row.conditionPartyId,
            minPosition: row.conditionMinPosition as NonNullable<StatementQualities["conditionCell"]>["minPosition"],
          }
        : null,
  };
}

export const QUALITY_SELECT = {
  redLine: true,
  conditionText: true,
  conditionIssueId: true,
  conditionPartyId: true,
  conditionMinPosition: true,
} as const;

/** How a statement was amended (corrected or retracted), by whom and when. */
export const AMENDMENT_SELECT = {
  kind: true,
  reason: true,
  replacementId: true,
  amendedAt: true,
  amendedBy: { select: { name: true, email: true } },
} as const;

/** A statement as a list of them shows it (the digest, an export's quote links): its cell, what it says, when. */
export const STATEMENT_LINE_SELECT = {
  id: true,
  issueId: true,
  partyId: true,
  position: true,
  summary: true,
  statedOn: true,
} as const;

/** What a statement says about its cell, as every reader and the edit that amends it select it. */
export const STANCE_CONTENT_SELECT = {
  position: true,
  summary: true,
  statedOn: true,
  confidence: true,
  confidenceRationale: true,
  ...QUALITY_SELECT,
} as const;

function latestStatementsAsOf(workspaceId: string, asOf: string) {
  return db().$queryRawUnsafe<MatrixAsOfRow[]>(MATRIX_AS_OF_SQL, workspaceId, asOf);
}

type MatrixFrame = {
  positionLabels: unknown;
  parties: MatrixView["parties"];
  issues: MatrixView["issues"];
};

/** The workspace's position labels, and its live parties and issues in matrix order: one round trip. */
export async function readMatrixFrame(workspace: AuthorizedWorkspace) {
  const [frame] = await db().$queryRaw<MatrixFrame[]>`
    SELECT w."positionLabels",
           (SELECT coalesce(json_agg(json_build_object('id', p.id, 'name', p.name, 'shortName', p."shortName",
                     'colour', p.colour) ORDER BY p."sortOrder", p.name), '[]'::json)
            FROM parties p WHERE p."workspaceId" = w.id AND p."archivedAt" IS NULL) AS parties,
           (SELECT coalesce(json_agg(json_build_object('id', i.id, 'title', i.title, 'description', i.description)
                     ORDER BY i."sortOrder", i.title), '[]'::json)
            FROM issues i WHERE i."workspaceId" = w.id AND i."archivedAt" IS NULL) AS issues
    FROM workspaces w WHERE w.id = ${workspace.id}::uuid`;
  if (!frame) throw new Error(`workspace ${workspace.id} is gone`);
  return { ...frame, positionLabels: resolvePositionLabels(frame.positionLabels) };
}

export async function getMatrix(workspace: AuthorizedWorkspace, asOf: string): Promise<MatrixView> {
  // The labels and the rows and columns beside the cells.
  const [{ positionLabels, parties, issues }, rows] = await Promise.all([
    readMatrixFrame(workspace),
    latestStatementsAsOf(workspace.id, asOf),
  ]);
  return {
    workspace: { slug: workspace.slug, title: workspace.title },
    asOf,
    positionLabels,
    parties,
    issues,
    cells: rows.map((row) => ({
      issueId: row.issueId,
      partyId: row.partyId,
      version: row.version,
      statement:
        row.id && row.position && row.summary !== null && row.statedOn
          ? {
              id: row.id,
              position: row.position,
              summary: row.summary,
              statedOn: toCalendarDate(row.statedOn),
              confidence: row.confidence ?? "MEDIUM",
              confidenceRationale: row.confidenceRationale,
              ...qualitiesOf(row),
              evidenceCount: row.evidenceCount,
              links: row.links,
            }
          : null,
    })),
  };
}

/** Every date on which some statement in the workspace was stated, oldest first. */
export async function listChangeDates(workspace: AuthorizedWorkspace): Promise<string[]> {
  const rows = await db().$queryRaw<{ statedOn: Date }[]>`
    SELECT DISTINCT "statedOn" FROM stance_statements WHERE "workspaceId" = ${workspace.id}::uuid ORDER BY "statedOn"`;
  return rows.map((row) => toCalendarDate(row.statedOn));
}

/**
 * The nearest dates before and after `asOf` on which a statement was stated, for stepping
 * through time: two index probes on (workspaceId, statedOn), whatever the length of the history.
 */
export async function adjacentChangeDates(
  workspace: AuthorizedWorkspace,
  asOf: string,
): Promise<{ previous: string | null; next: string | null }> {
  const date = fromCalendarDate(asOf);
  const [row] = await db().$queryRaw<{ previous: Date | null; next: Date | null }[]>`
    SELECT (SELECT max("statedOn") FROM stance_statements WHERE "workspaceId" = ${workspace.id}::uuid AND "statedOn" < ${date}::date) AS previous,
           (SELECT min("statedOn") FROM stance_statements WHERE "workspaceId" = ${workspace.id}::uuid AND "statedOn" > ${date}::date) AS next`;
  return {
    previous: row?.previous ? toCalendarDate(row.previous) : null,
    next: row?.next ? toCalendarDate(row.next) : null,
  };
}

const HISTORY_STATEMENT_SELECT = {
  id: true,
  ...STANCE_CONTENT_SELECT,
  conditionIssue: { select: { title: true } },
  conditionParty: { select: { name: true } },
  recordedAt: true,
  recordedBy: { select: { name: true, email: true } },
  amendment: {
    select: {
      kind: true,
      reason: true,
      amendedAt: true,
      replacementId: true,
      amendedBy: { select: { name: true, email: true } },
    },
  },
  links: {
    orderBy: { evidence: { saidOn: "asc" } },
    select: {
      relation: true,
      evidence: {
        select: {
          id: true,
          exact: true,
          saidOn: true,
          kind: true,
          speaker: { select: { name: true } },
          document: { select: { id: true, title: true, outlet: true, language: true } },
          ...PAIR_SELECT,
        },
      },
    },
  },
} as const satisfies Prisma.StanceStatementSelect;

/**
 * A corrected statement carries what its correction changed: the new wording and the quotes
 * linked, unlinked or relinked with another relation.
 */
function withCorrections<
  S extends {
    id: string;
    position: Position;
    summary: string;
    statedOn: string;
    amendment: { replacementId: string | null } | null;
    links: { relation: EvidenceRelation; evidence: { id: string } }[];
  },
>(statements: S[]) {
  const byId = new Map(statements.map((s) => [s.id, s]));
  return statements.map((s) => {
    const replacement = s.amendment?.replacementId ? byId.get(s.amendment.replacementId) : undefined;
    return {
      ...s,
      correction: replacement
        ? {
            replacement: {
              id: replacement.id,
              position: replacement.position,
              summary: replacement.summary,
              statedOn: replacement.statedOn,
            },
            links: diffLinks<S["links"][number]>(s.links, replacement.links, (l) => l.evidence.id),
          }
        : null,
    };
  });
}

export function getCellHistory(workspace: AuthorizedWorkspace, issueId: string, partyId: string) {
  return readCellHistory(workspace.id, issueId, partyId);
}

// Once per request: a page's title and its body share the read.
const readCellHistory = cache(async (workspaceId: string, issueId: string, partyId: string) => {
  const [settings, issue, party] = await Promise.all([
    db().workspace.findUniqueOrThrow({ where: { id: workspaceId }, select: { positionLabels: true } }),
    db().issue.findFirst({
      where: { id: issueId, workspaceId: workspaceId },
      select: { id: true, title: true, description: true },
    }),
    db().party.findFirst({
      where: { id: partyId, workspaceId: workspaceId },
      select: { id: true, name: true, shortName: true, colour: true },
    }),
  ]);
  if (!issue || !party) return null;
  const statements = await db().stanceStatement.findMany({
    where: { workspaceId: workspaceId, issueId, partyId },
    orderBy: [{ statedOn: "desc" }, { recordedAt: "desc" }, { id: "desc" }],
    select: HISTORY_STATEMENT_SELECT,
  });
  const shaped = statements.map(({ conditionIssue, conditionParty, ...s }) => ({
    ...s,
    ...qualitiesOf(s),
    conditionCellNames:
      conditionIssue && conditionParty ? { issue: conditionIssue.title, party: conditionParty.name } : null,
    statedOn: toCalendarDate(s.statedOn),
    links: s.links.map(({ evidence: { translationOf, translations, ...evidence }, ...l }) => ({
      ...l,
      evidence: {
        ...evidence,
        saidOn: toCalendarDate(evidence.saidOn),
        pair: quotePair({ ...evidence, translationOf, translations }),
      },
    })),
  }));
  return {
    issue,
    party,
    positionLabels: resolvePositionLabels(settings.positionLabels),
    statements: withCorrections(shaped),
  };
});

const cursorOf = (row: { recordedAt: Date; id: string }) =>
  Buffer.from(`${row.recordedAt.toISOString()}|${row.id}`).toString("base64url");

function readCursor(cursor: string): { recordedAt: Date; id: string } | null {
  const [at, id] = Buffer.from(cursor, "base64url").toString().split("|");
  const recordedAt = new Date(at ?? "");
  return id && /^[0-9a-f-]{36}$/.test(id) && !Number.isNaN(recordedAt.getTime()) ? { recordedAt, id } : null;
}

/**
 * A page of the workspace's statements, amended ones included with their amendment, in the order
 * they were recorded (so a script can follow the list as it grows); `nextCursor` is null on the
 * last page. A cursor that is not one of ours gives null.
 */
export async function listStatements(workspace: AuthorizedWorkspace, query: StatementListQuery) {
  const after = query.cursor ? readCursor(query.cursor) : undefined;
  if (after === null) return null;
  const rows = await db().stanceStatement.findMany({
    where: {
      workspaceId: workspace.id,
      ...(query.issueId ? { issueId: query.issueId } : {}),
      ...(query.partyId ? { partyId: query.partyId } : {}),
      ...(query.from || query.to
        ? {
            statedOn: {
              ...(query.from ? { gte: fromCalendarDate(query.from) } : {}),
              ...(query.to ? { lte: fromCalendarDate(query.to) } : {}),
            },
          }
        : {}),
      ...(after
        ? {
            OR: [{ recordedAt: { gt: after.recordedAt } }, { recordedAt: after.recordedAt, id: { gt: after.id } }],
          }
        : {}),
    },
    orderBy: [{ recordedAt: "asc" }, { id: "asc" }],
    take: query.limit + 1,
    select: {
      id: true,
      issueId: true,
      partyId: true,
      ...STANCE_CONTENT_SELECT,
      recordedAt: true,
      recordedBy: { select: { name: true, email: true } },
      links: { orderBy: { evidenceId: "asc" }, select: { evidenceId: true, relation: true } },
      amendment: { select: AMENDMENT_SELECT },
    },
  });
  const page = rows.slice(0, query.limit);
  const name = displayNameOrNull;
  return {
    statements: page.map(({ recordedAt, recordedBy, statedOn, amendment, ...statement }) => ({
      ...statement,
      conditional: Boolean(statement.conditionText || statement.conditionIssueId),
      statedOn: toCalendarDate(statedOn),
      recordedAt: recordedAt.toISOString(),
      recordedBy: name(recordedBy),
      amendment: amendment
        ? {
            kind: amendment.kind,
            reason: amendment.reason,
            replacementId: amendment.replacementId,
            by: name(amendment.amendedBy),
            at: amendment.amendedAt.toISOString(),
          }
        : null,
    })),
    nextCursor: rows.length > query.limit ? cursorOf(page.at(-1)!) : null,
  };
}
