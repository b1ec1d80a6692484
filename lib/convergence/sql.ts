// The query of the heat map and the "what moved" digest (lib/convergence/data.ts), shared with the
// benchmark: each live cell's timeline (its statements never corrected or retracted, newest first, packed; see
// lib/convergence/timeline.ts), which the triggers of migration 20261203090000_cell_timelines keep
// beside the statements. Reading 200,000 statements and sending them as text arrays took five
// times as long as these few hundred rows of bytes; the digest's two as-of probes per cell and its
// count over a year of statements, twice as long. Archived issues and parties are left out.
// Parameters: $1 the workspace id.
export const CELL_TIMELINES_SQL = `
  SELECT t."issueId", t."partyId", t.timeline
  FROM cell_timelines t
  JOIN issues i ON i."workspaceId" = t."workspaceId" AND i.id = t."issueId" AND i."archivedAt" IS NULL
  JOIN parties p ON p."workspaceId" = t."workspaceId" AND p.id = t."partyId" AND p."archivedAt" IS NULL
  WHERE t."workspaceId" = $1::uuid`;

// The "what moved" digest's retracted statements: the latest of the window, with the window's
// total on each row. Retractions are a few per cent of the statements, so the query starts from
// them and probes each one's statement by key; OFFSET 0 keeps that probe (planned as a join, the
// statements are scanned whole, ten times slower).
// Parameters: $1 the workspace id, $2 the window's start (excluded), $3 its end, $4 the list's length.
export const RETRACTED_IN_WINDOW_SQL = `
  SELECT s.id, s."issueId", s."partyId", s.position, s.summary, s."statedOn"::text AS "statedOn",
         a.kind, a.reason, (count(*) OVER ())::int AS total
  FROM statement_amendments a
  CROSS JOIN LATERAL (
    SELECT st.id, st."workspaceId", st."issueId", st."partyId", st.position, st.summary, st."statedOn", st."recordedAt"
    FROM stance_statements st WHERE st.id = a."statementId" OFFSET 0
  ) s
  JOIN issues i ON i."workspaceId" = s."workspaceId" AND i.id = s."issueId" AND i."archivedAt" IS NULL
  JOIN parties p ON p."workspaceId" = s."workspaceId" AND p.id = s."partyId" AND p."archivedAt" IS NULL
  WHERE a."workspaceId" = $1::uuid AND a.kind = 'RETRACTED'
    AND s."statedOn" > $2::date AND s."statedOn" <= $3::date
  ORDER BY s."statedOn" DESC, s."recordedAt" DESC, s.id DESC
  LIMIT $4`;
