import "server-only";
import { createHash } from "node:crypto";
import { LRUCache } from "lru-cache";
import { dismissedMatcher } from "@/lib/evidence/dismissals";
import { type QuoteSuggestion, suggestQuotes } from "@/lib/evidence/suggest";
import { db } from "@/lib/platform/db/client";
import type { AuthorizedWorkspace } from "@/lib/workspaces/access";

type Span = { startOffset: number; endOffset: number };
// What suggesting needs, read in one round trip.
type SuggestionInputs = {
  people: { id: string; name: string; aliases: string[]; role: string; partyId: string | null }[];
  issues: { id: string; title: string; description: string }[];
  parties: { id: string; name: string; shortName: string }[];
  saved: Span[];
  dismissed: Span[];
};

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
  const [row] = await db().$queryRaw<SuggestionInputs[]>`
    SELECT
      (SELECT coalesce(json_agg(json_build_object('id', x.id, 'name', x.name, 'aliases', x.aliases, 'role', x.role,
                'partyId', x."partyId")), '[]'::json)
       FROM people x WHERE x."workspaceId" = ${workspace.id}::uuid) AS people,
      (SELECT coalesce(json_agg(json_build_object('id', x.id, 'title', x.title, 'description', x.description)), '[]'::json)
       FROM issues x WHERE x."workspaceId" = ${workspace.id}::uuid AND x."archivedAt" IS NULL) AS issues,
      (SELECT coalesce(json_agg(json_build_object('id', x.id, 'name', x.name, 'shortName', x."shortName")), '[]'::json)
       FROM parties x WHERE x."workspaceId" = ${workspace.id}::uuid AND x."archivedAt" IS NULL) AS parties,
      (SELECT coalesce(json_agg(json_build_object('startOffset', x."startOffset", 'endOffset', x."endOffset")), '[]'::json)
       FROM evidence x WHERE x."workspaceId" = ${workspace.id}::uuid AND x."revisionId" = ${revision.id}::uuid) AS saved,
      (SELECT coalesce(json_agg(json_build_object('startOffset', x."startOffset", 'endOffset', x."endOffset")), '[]'::json)
       FROM suggestion_dismissals x
       WHERE x."workspaceId" = ${workspace.id}::uuid AND x."revisionId" = ${revision.id}::uuid) AS dismissed`;
  const { people, issues, parties, saved, dismissed } = row ?? {
    people: [],
    issues: [],
    parties: [],
    saved: [],
    dismissed: [],
  };
  const overlaps = (a: { start: number; end: number }, b: { startOffset: number; endOffset: number }) =>
    a.start < b.endOffset && b.startOffset < a.end;
  const isDismissed = dismissedMatcher(revision.text, dismissed);
  const directory = people.map((p) => ({ id: p.id, name: p.name, aliases: p.aliases, role: p.role, party: p.partyId }));
  const context = {
    issues: issues.map((i) => ({ key: i.id, title: i.title, description: i.description })),
    parties: parties.map((p) => ({ key: p.id, name: p.name, shortName: p.shortName })),
    title: title ?? null,
  };
  return suggestedFor(revision, directory, context).filter(
    (s) => !saved.some((e) => overlaps(s, e)) && !isDismissed(s),
  );
}

// Suggesting reads the whole text through the NLP pipeline: tens of milliseconds of CPU for an
// article, on every view of the document by an editor. A revision's text never changes, so the
// suggestions are kept per revision and per state of the directory and structure they used.
const suggested = new LRUCache<string, QuoteSuggestion[]>({ max: 200 });

function suggestedFor(
  revision: { id: string; text: string },
  directory: Parameters<typeof suggestQuotes>[1],
  context: Parameters<typeof suggestQuotes>[2],
): readonly QuoteSuggestion[] {
  const inputs = createHash("sha256")
    .update(JSON.stringify([directory, context]))
    .digest("base64url");
  const key = `${revision.id}:${inputs}`;
  let found = suggested.get(key);
  if (!found) {
    found = suggestQuotes(revision.text, directory, context);
    suggested.set(key, found);
  }
  return found;
}

/** What an import answers over HTTP: the new document and revision, and the passages proposed as quotes. */
export async function importedDocumentAnswer(
  workspace: AuthorizedWorkspace,
  imported: { documentId: string; revisionId: string },
  source: { text: string; title: string },
) {
  // The title as the web import passes it: it often names a transcript's speaker ("Press conference by …").
  const suggestions = await listSuggestions(workspace, { id: imported.revisionId, text: source.text }, source.title);
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
