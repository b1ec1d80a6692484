// Shared by the composer (to know which chosen people are still named in the text) and the
// server (which trusts only what it checks here), so both agree on what counts as a mention.

export type MentionCandidate = { id: string; name: string; email: string };

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Whether `@Name` stands in the body as a whole name: "@Ann" is not a mention of Ann in "@Anna". */
export function mentionsName(body: string, name: string): boolean {
  if (!name) return false;
  return new RegExp(`(?<![\\p{L}\\p{N}_])@${escapeRegExp(name)}(?![\\p{L}\\p{N}_])`, "u").test(body);
}

/** The "@query" being typed just before the caret, if any: what the autocomplete filters by. */
export function mentionQueryAt(text: string, caret: number): { start: number; query: string } | null {
  const match = /(?:^|[^\p{L}\p{N}_])@([\p{L}\p{N}._'-]{1,40})$/u.exec(text.slice(0, caret));
  if (!match) return null;
  const query = match[1]!;
  return { start: caret - query.length - 1, query };
}

export function matchesMentionQuery(candidate: MentionCandidate, query: string): boolean {
  const q = query.toLowerCase();
  return candidate.name.toLowerCase().includes(q) || candidate.email.toLowerCase().includes(q);
}
