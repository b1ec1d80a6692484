// The query of the heat map and the "what moved" digest (lib/convergence/data.ts), shared with the
// benchmark: each live cell's timeline (its statements never corrected or retracted, newest first, packed; see
// lib/convergence/timeline.ts), which the triggers of migration 20261203090000_cell_timelines keep
// beside the statements. Reading 200,000 statements and sending them as text arrays took five
// times as long as these few hundred rows of bytes; the digest's two as-of probes per cell, its
// count over a year of statements and its probe of every retraction, twice as long. Archived
// issues and parties are left out.
// Parameters: $1 the workspace id.
export const CELL_TIMELINES_SQL = `
  SELECT t."issueId", t."partyId", t.timeline, t.retracted
  FROM cell_timelines t
  JOIN issues i ON i."workspaceId" = t."workspaceId" AND i.id = t."issueId" AND i."archivedAt" IS NULL
  JOIN parties p ON p."workspaceId" = t."workspaceId" AND p.id = t."partyId" AND p."archivedAt" IS NULL
  WHERE t."workspaceId" = $1::uuid`;
