import "server-only";
import { cache } from "react";
import { pageAt, pageLabel } from "@/lib/documents/pages";
import { codePoints } from "@/lib/evidence/anchor";
import { quotePair } from "@/lib/evidence/pairs";
import type { Prisma } from "@/lib/generated/prisma/client";
import { toCalendarDate } from "@/lib/matrix/dates";
import { resolvePositionLabels } from "@/lib/matrix/positions";
import { db } from "@/lib/platform/db/client";
import type { AuthorizedWorkspace } from "@/lib/workspaces/access";

const CONTEXT_CODE_POINTS = 280;

const PAIRED_IN_CONTEXT = {
  select: {
    id: true,
    exact: true,
    startOffset: true,
    endOffset: true,
    revision: { select: { text: true } },
    document: { select: { id: true, title: true, language: true } },
  },
} as const;

function inContext(text: string, startOffset: number, endOffset: number) {
  const chars = codePoints(text);
  return {
    before: chars.slice(Math.max(0, startOffset - CONTEXT_CODE_POINTS), startOffset).join(""),
    after: chars.slice(endOffset, endOffset + CONTEXT_CODE_POINTS).join(""),
  };
}

const EVIDENCE_PAGE_SELECT = {
  id: true,
  startOffset: true,
  endOffset: true,
  exact: true,
  kind: true,
  note: true,
  saidOn: true,
  createdAt: true,
  createdBy: { select: { name: true, email: true } },
  speaker: {
    select: {
      id: true,
      name: true,
      role: true,
      organisation: true,
      party: { select: { name: true, colour: true } },
    },
  },
  document: {
    select: {
      id: true,
      title: true,
      outlet: true,
      url: true,
      publishedOn: true,
      language: true,
      translationOfId: true,
      translations: { orderBy: { title: "asc" }, select: { id: true, title: true, language: true } },
    },
  },
  revision: { select: { number: true, text: true, pageStarts: true } },
  translationOf: PAIRED_IN_CONTEXT,
  translations: { orderBy: { createdAt: "asc" }, ...PAIRED_IN_CONTEXT },
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
} as const satisfies Prisma.EvidenceSelect;

type EvidencePage = Prisma.EvidenceGetPayload<{ select: typeof EVIDENCE_PAGE_SELECT }>;

/**
 * What a quote can still be paired with: a passage of each translation not yet paired, or, for a
 * quote of a translation, a quote of its original.
 */
async function findPairable(
  workspaceId: string,
  document: EvidencePage["document"],
  translations: EvidencePage["translations"],
) {
  if (document.translationOfId)
    return {
      originals: await db().evidence.findMany({
        where: {
          workspaceId,
          documentId: document.translationOfId,
          translationOfId: null,
          translations: { none: { documentId: document.id } },
        },
        orderBy: { startOffset: "asc" },
        select: { id: true, exact: true },
      }),
      translations: [],
    };
  return {
    originals: [],
    translations: document.translations.filter((t) => !translations.some((q) => q.document.id === t.id)),
  };
}

export function getEvidence(workspace: AuthorizedWorkspace, evidenceId: string) {
  return readEvidence(workspace.id, evidenceId);
}

// Once per request: a page's title and its body share the read.
const readEvidence = cache(async (workspaceId: string, evidenceId: string) => {
  const evidence = await db().evidence.findFirst({
    where: { id: evidenceId, workspaceId: workspaceId },
    select: EVIDENCE_PAGE_SELECT,
  });
  if (!evidence) return null;
  const settings = await db().workspace.findUniqueOrThrow({
    where: { id: workspaceId },
    select: { positionLabels: true },
  });
  const { revision, translationOf, translations, document, ...rest } = evidence;
  const own = inContext(revision.text, evidence.startOffset, evidence.endOffset);
  const sides = quotePair({
    id: evidence.id,
    exact: evidence.exact,
    document,
    translationOf,
    translations,
  })?.map((side) => {
    const quote = side.id === evidence.id ? null : [translationOf, ...translations].find((q) => q?.id === side.id);
    return {
      ...side,
      current: side.id === evidence.id,
      ...(quote ? inContext(quote.revision.text, quote.startOffset, quote.endOffset) : own),
    };
  });
  const pairable = translationOf ? null : await findPairable(workspaceId, document, translations);
  return {
    ...rest,
    document,
    translationOfId: translationOf?.id ?? null,
    pair: sides ?? null,
    pairable,
    before: own.before,
    after: own.after,
    revisionNumber: revision.number,
    page: pageAt(revision.pageStarts, evidence.startOffset),
    pageLabel: pageLabel(revision.pageStarts, evidence.startOffset, evidence.endOffset),
    positionLabels: resolvePositionLabels(settings.positionLabels),
    saidOn: toCalendarDate(evidence.saidOn),
    links: evidence.links.map((l) => ({
      ...l,
      statement: { ...l.statement, statedOn: toCalendarDate(l.statement.statedOn) },
    })),
  };
});

const OPTIONS_LIMIT = 200;

/** A quote as the editor's list and the matrix's preview show it. */
const QUOTE_LISTING_SELECT = {
  id: true,
  exact: true,
  saidOn: true,
  kind: true,
  speaker: { select: { name: true } },
  document: { select: { title: true } },
} as const satisfies Prisma.EvidenceSelect;

type QuoteListing = Prisma.EvidenceGetPayload<{ select: typeof QUOTE_LISTING_SELECT }>;

function quoteListing(e: QuoteListing) {
  return {
    id: e.id,
    exact: e.exact,
    saidOn: toCalendarDate(e.saidOn),
    kind: e.kind,
    speaker: e.speaker?.name ?? null,
    documentTitle: e.document.title,
  };
}

/**
 * The quotes an editor may link, newest first, matching `query` when given. With a cell, the
 * quotes that concern it come first (`forCell`): spoken for its party, or already linked to a
 * statement on its issue; the rest follow, so a workspace of thousands of quotes still offers
 * the cell's own.
 */
export async function listEvidenceOptions(
  workspace: AuthorizedWorkspace,
  query: string | undefined,
  cell?: { issueId: string; partyId: string },
) {
  const matching = query
    ? {
        OR: [
          { exact: { contains: query, mode: "insensitive" as const } },
          { speaker: { name: { contains: query, mode: "insensitive" as const } } },
          { speaker: { aliases: { has: query } } },
        ],
      }
    : {};
  const concernsCell = cell
    ? {
        OR: [{ speaker: { partyId: cell.partyId } }, { links: { some: { statement: { issueId: cell.issueId } } } }],
      }
    : undefined;
  const select = QUOTE_LISTING_SELECT;
  const orderBy = [{ saidOn: "desc" as const }, { createdAt: "desc" as const }];
  const own = concernsCell
    ? await db().evidence.findMany({
        where: { workspaceId: workspace.id, AND: [matching, concernsCell] },
        orderBy,
        take: OPTIONS_LIMIT,
        select,
      })
    : [];
  const rest = await db().evidence.findMany({
    where: {
      workspaceId: workspace.id,
      // By id, not NOT(…): a quote without a speaker must not fall out of both lists.
      AND: [matching],
      ...(own.length ? { id: { notIn: own.map((e) => e.id) } } : {}),
    },
    orderBy,
    take: OPTIONS_LIMIT - own.length,
    select,
  });
  const option = (forCell: boolean) => (e: QuoteListing) => ({ ...quoteListing(e), forCell });
  return [...own.map(option(true)), ...rest.map(option(false))];
}

/** The quotes linked to one statement, the latest said first: the matrix's preview of a cell. */
export async function listStatementQuotes(workspace: AuthorizedWorkspace, statementId: string) {
  const links = await db().statementEvidence.findMany({
    where: { workspaceId: workspace.id, statementId },
    orderBy: [{ evidence: { saidOn: "desc" } }, { evidence: { createdAt: "desc" } }],
    take: 20,
    select: {
      relation: true,
      evidence: { select: QUOTE_LISTING_SELECT },
    },
  });
  return links.map(({ relation, evidence }) => ({ ...quoteListing(evidence), relation }));
}

export type StatementQuote = Awaited<ReturnType<typeof listStatementQuotes>>[number];

export type EvidenceOption = Awaited<ReturnType<typeof listEvidenceOptions>>[number];

export type EvidenceView = NonNullable<Awaited<ReturnType<typeof getEvidence>>>;
