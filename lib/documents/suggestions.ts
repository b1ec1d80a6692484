import "server-only";
import { db } from "@/lib/db/client";
import type { AuthorizedWorkspace } from "@/lib/workspaces/access";
import { suggestQuotes, type QuoteSuggestion } from "@/lib/evidence/suggest";

/**
 * Attributed passages in a revision that are not yet evidence and were not dismissed, with the
 * likely speaker matched against the workspace's people directory.
 */
export async function listSuggestions(workspace: AuthorizedWorkspace, revision: { id: string; text: string }): Promise<QuoteSuggestion[]> {
  const [people, saved, dismissed] = await Promise.all([
    db().person.findMany({ where: { workspaceId: workspace.id }, select: { id: true, name: true, aliases: true } }),
    db().evidence.findMany({ where: { workspaceId: workspace.id, revisionId: revision.id }, select: { startOffset: true, endOffset: true } }),
    db().suggestionDismissal.findMany({ where: { workspaceId: workspace.id, revisionId: revision.id }, select: { startOffset: true, endOffset: true } }),
  ]);
  const overlaps = (a: { start: number; end: number }, b: { startOffset: number; endOffset: number }) => a.start < b.endOffset && b.startOffset < a.end;
  return suggestQuotes(revision.text, people).filter(
    (s) => !saved.some((e) => overlaps(s, e)) && !dismissed.some((d) => d.startOffset === s.start && d.endOffset === s.end),
  );
}
