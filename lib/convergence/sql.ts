// The heat map's query, shared by getHeatMap (lib/convergence/data.ts) and the benchmark: each live
// cell's timeline (its statements never corrected or retracted, newest first, packed; see
// lib/convergence/timeline.ts), which the triggers of migration 20261203090000_cell_timelines keep
// beside the statements. Reading 200,000 statements and sending them as text arrays took five
// times as long as these few hundred rows of bytes. Archived issues and parties are left out.
// Parameters: $1 the workspace id.
export const HEAT_MAP_SQL = `
  SELECT t."issueId", t."partyId", t.timeline
  FROM cell_timelines t
  JOIN issues i ON i."workspaceId" = t."workspaceId" AND i.id = t."issueId" AND i."archivedAt" IS NULL
  JOIN parties p ON p."workspaceId" = t."workspaceId" AND p.id = t."partyId" AND p."archivedAt" IS NULL
  WHERE t."workspaceId" = $1::uuid`;

// The "what moved" digest's cells: what each live cell showed as of two dates, in one query. Each
// side is the matrix's own probe (lib/matrix/sql.ts, MATRIX_AS_OF_SQL: the cell's latest
// statement on or before the date that was never amended), cut to the columns the digest reads;
// the two full matrices would also count and fetch every shown statement's quotes.
// Parameters: $1 the workspace id, $2 the earlier date, $3 the later one.
export const SHOWN_AT_TWO_DATES_SQL = `
  SELECT i.id AS "issueId", p.id AS "partyId",
         b.position AS "beforePosition", b."statedOn" AS "beforeStatedOn", b."redLine" AS "beforeRedLine",
         a.position AS "afterPosition", a."statedOn" AS "afterStatedOn", a."redLine" AS "afterRedLine"
  FROM issues i
  CROSS JOIN parties p
  LEFT JOIN LATERAL (${shownAsOf("$2")}) b ON true
  LEFT JOIN LATERAL (${shownAsOf("$3")}) a ON true
  WHERE i."workspaceId" = $1::uuid AND p."workspaceId" = $1::uuid
    AND i."archivedAt" IS NULL AND p."archivedAt" IS NULL
    AND (b.position IS NOT NULL OR a.position IS NOT NULL)`;

function shownAsOf(dateParameter: string): string {
  return `
    SELECT st.position, st."statedOn", st."redLine"
    FROM stance_statements st
    WHERE st."workspaceId" = i."workspaceId" AND st."issueId" = i.id AND st."partyId" = p.id
      AND st."statedOn" <= ${dateParameter}::date
      AND NOT EXISTS (SELECT 1 FROM statement_amendments am WHERE am."statementId" = st.id)
    ORDER BY st."statedOn" DESC, st."recordedAt" DESC, st.id DESC
    LIMIT 1`;
}
