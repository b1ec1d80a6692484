import "server-only";
import { db } from "@/lib/db/client";
import { type QuoteSuggestion, suggestQuotes } from "@/lib/evidence/suggest";
import type { AuthorizedWorkspace } from "@/lib/workspaces/access";

/**
 * Attributed passages in a revision that are not yet evidence and were not dismissed, with the
 * likely speaker matched against the workspace's people directory, the speaker's party, and the
 * issues (by their titles) each passage bears on.
 */
export async function listSuggestions(
  workspace: AuthorizedWorkspace,
  revision: { id: string; text: string },
  title?: string,
): Promise<QuoteSuggestion[]> {
  const [people, issues, parties, saved, dismissed] = await Promise.all([
    db().person.findMany({
      where: { workspaceId: workspace.id },
      select: { id: true, name: true, aliases: true, role: true, partyId: true },
    }),
    db().issue.findMany({
      where: { workspaceId: workspace.id, archivedAt: null },
      select: { id: true, title: true, description: true },
    }),
    db().party.findMany({
      where: { workspaceId: workspace.id, archivedAt: null },
      select: { id: true, name: true, shortName: true },
    }),
    db().evidence.findMany({
      where: { workspaceId: workspace.id, revisionId: revision.id },
      select: { startOffset: true, endOffset: true },
    }),
    db().suggestionDismissal.findMany({
      where: { workspaceId: workspace.id, revisionId: revision.id },
      select: { startOffset: true, endOffset: true },
    }),
  ]);
  const overlaps = (a: { start: number; end: number }, b: { startOffset: number; endOffset: number }) =>
    a.start < b.endOffset && b.startOffset < a.end;
  return suggestQuotes(
    revision.text,
    people.map((p) => ({ id: p.id, name: p.name, aliases: p.aliases, role: p.role, party: p.partyId })),
    {
      issues: issues.map((i) => ({ key: i.id, title: i.title, description: i.description })),
      parties: parties.map((p) => ({ key: p.id, name: p.name, shortName: p.shortName })),
      title: title ?? null,
    },
  ).filter(
    (s) =>
      !saved.some((e) => overlaps(s, e)) && !dismissed.some((d) => d.startOffset === s.start && d.endOffset === s.end),
  );
}

/** What an import answers over HTTP: the new document and revision, and the passages proposed as quotes. */
export async function importedDocumentAnswer(
  workspace: AuthorizedWorkspace,
  imported: { documentId: string; revisionId: string },
  text: string,
) {
  const suggestions = await listSuggestions(workspace, { id: imported.revisionId, text });
  return {
    id: imported.documentId,
    revisionId: imported.revisionId,
    suggestions: suggestions.map((s) => ({
      start: s.start,
      end: s.end,
      text: s.text,
      speaker: s.speaker?.name ?? s.speakerName,
    })),
  };
}
