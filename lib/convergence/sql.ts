// The heat map's query, shared by getHeatMap (lib/convergence/data.ts) and the benchmark.
//
// The matrix as of each column would be one as-of query per column (hundreds for five years of
// weeks); instead one pass over the history keeps, for each cell and column, only the last
// statement that lands in that column: the first column on or after its date, found by
// width_bucket over the columns (the number of columns strictly before the statement's date).
// Later columns inherit it until a newer one lands; lib/convergence/heat-map.ts carries that
// forward and judges conditional offers against the cells standing on the same column. Amended
// (corrected or retracted) statements never count, as in the matrix.
//
// The pass rides the statements index in its own order (newest first within a cell), so nothing
// is sorted and no row is compared with another here: each cell comes back as one row, its live
// statements as integers newest first (see LandedCell in heat-map.ts for the code), and the sweep
// keeps the first of each column. The order comes from the inner query's ORDER BY, which the index
// walk satisfies, not from ORDER BY inside array_agg: PostgreSQL 15 sorts each group again for
// that (three sorts per cell, costing as much as the walk), while an aggregate over an ordered
// subquery takes its rows in that order (the subquery is planned on its own, so no partial
// aggregate can run beneath it). The index carries the columns read here (migration
// 20261202150000_heat_map_indexes), so the table itself is not visited; the amendments and the
// offers conditional in words alone are small sets probed by hash. Archived issues and parties
// are left to a join on the few hundred cell rows.
// Parameters: $1 the workspace id, $2 the columns' dates, oldest first.
//
// Run it after HEAT_MAP_PLAN, in the same transaction: the planner prices the index walk and a
// full sort of the history close together (a fresh load's index is dense, one grown by inserts is
// not), and on the wrong side of that line it sorts ~200,000 rows on disk, ten times slower.
export const HEAT_MAP_PLAN = "SET LOCAL enable_sort = off";

export const HEAT_MAP_SQL = `
  WITH scale AS (SELECT '{REJECTS,OPPOSES,OPEN,SUPPORTS,DEMANDS}'::"Position"[] AS steps)
  SELECT c."issueId", c."partyId", c.landed, c."conditionIssueIds", c."conditionPartyIds"
  FROM (
    SELECT s."issueId", s."partyId",
           array_agg(s.code) AS landed,
           array_agg(s."conditionIssueId"::text) FILTER (WHERE s."conditionIssueId" IS NOT NULL) AS "conditionIssueIds",
           array_agg(s."conditionPartyId"::text) FILTER (WHERE s."conditionIssueId" IS NOT NULL) AS "conditionPartyIds"
    FROM (
      SELECT st."issueId", st."partyId", st."conditionIssueId", st."conditionPartyId",
             width_bucket(st."statedOn" - 1, $2::date[]) * 64
             + coalesce(array_position(scale.steps, st.position), 0)
             + 8 * CASE WHEN st."conditionIssueId" IS NOT NULL THEN array_position(scale.steps, st."conditionMinPosition")
                        WHEN st.id IN (SELECT w.id FROM stance_statements w WHERE w."workspaceId" = $1::uuid
                                         AND w."conditionText" IS NOT NULL AND w."conditionIssueId" IS NULL) THEN 7
                        ELSE 0 END AS code
      FROM stance_statements st, scale
      WHERE st."workspaceId" = $1::uuid
        AND st."statedOn" <= ($2::date[])[cardinality($2::date[])]
        AND st.id NOT IN (SELECT a."statementId" FROM statement_amendments a WHERE a."workspaceId" = $1::uuid)
      ORDER BY st."workspaceId", st."issueId", st."partyId", st."statedOn" DESC, st."recordedAt" DESC, st.id DESC
    ) s
    GROUP BY s."issueId", s."partyId"
  ) c
  JOIN issues i ON i.id = c."issueId" AND i."workspaceId" = $1::uuid AND i."archivedAt" IS NULL
  JOIN parties p ON p.id = c."partyId" AND p."workspaceId" = $1::uuid AND p."archivedAt" IS NULL`;

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
