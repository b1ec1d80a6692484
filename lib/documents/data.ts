import "server-only";
import { db } from "@/lib/db/client";
import type { AuthorizedWorkspace } from "@/lib/workspaces/access";
import { toCalendarDate } from "@/lib/matrix/dates";

export async function listDocuments(workspace: AuthorizedWorkspace) {
  const documents = await db().document.findMany({
    where: { workspaceId: workspace.id },
    orderBy: [{ publishedOn: "desc" }, { importedAt: "desc" }],
    select: { id: true, title: true, outlet: true, publishedOn: true, language: true, _count: { select: { evidence: true } } },
  });
  return documents.map(({ _count, ...document }) => ({ ...document, evidenceCount: _count.evidence }));
}

export async function getDocument(workspace: AuthorizedWorkspace, documentId: string) {
  const document = await db().document.findFirst({
    where: { id: documentId, workspaceId: workspace.id },
    select: {
      id: true,
      title: true,
      outlet: true,
      url: true,
      language: true,
      publishedOn: true,
      importedAt: true,
      importedBy: { select: { name: true, email: true } },
      revisions: { orderBy: { number: "desc" }, take: 1, select: { id: true, number: true, text: true, contentHash: true } },
    },
  });
  const revision = document?.revisions[0];
  if (!document || !revision) return null;
  const evidence = await db().evidence.findMany({
    where: { workspaceId: workspace.id, revisionId: revision.id },
    orderBy: [{ startOffset: "asc" }, { endOffset: "desc" }],
    select: {
      id: true,
      startOffset: true,
      endOffset: true,
      exact: true,
      kind: true,
      saidOn: true,
      speaker: { select: { name: true, party: { select: { colour: true, shortName: true } } } },
      links: { select: { relation: true, statement: { select: { party: { select: { colour: true, shortName: true } } } } } },
    },
  });
  const { revisions: _revisions, ...meta } = document;
  return {
    ...meta,
    revision,
    evidence: evidence.map((e) => ({
      ...e,
      saidOn: toCalendarDate(e.saidOn),
      // A quote takes the colour of the party whose stance it is linked to, else its speaker's.
      colour: e.links[0]?.statement.party.colour ?? e.speaker?.party?.colour ?? null,
    })),
  };
}
