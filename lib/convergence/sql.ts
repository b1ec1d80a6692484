// The heat map's query, shared by getHeatMap (lib/convergence/data.ts) and the benchmark.
//
// The matrix as of each column would be one as-of query per column (hundreds for five years of
// weeks); instead one pass over the history keeps, for each cell and column, only the last
// statement that lands in that column: the first column on or after its date, found by
// width_bucket over the columns (the number of columns strictly before the statement's date).
// Later columns inherit it until a newer one lands; lib/convergence/heat-map.ts carries that
// forward and judges conditional offers against the cells standing on the same column. Amended (corrected or retracted) statements never count, as in the matrix.
// Parameters: $1 the workspace id, $2 the columns' dates, oldest first.
export const HEAT_MAP_SQL = `
  SELECT DISTINCT ON (st."issueId", st."partyId", bucket)
         st."issueId", st."partyId", st.position, st."conditionText", st."conditionIssueId",
         st."conditionPartyId", st."conditionMinPosition",
         width_bucket(st."statedOn" - 1, $2::date[]) AS bucket
  FROM stance_statements st
  JOIN issues i ON i.id = st."issueId" AND i."workspaceId" = st."workspaceId" AND i."archivedAt" IS NULL
  JOIN parties p ON p.id = st."partyId" AND p."workspaceId" = st."workspaceId" AND p."archivedAt" IS NULL
  WHERE st."workspaceId" = $1::uuid
    AND st."statedOn" <= ($2::date[])[cardinality($2::date[])]
    AND NOT EXISTS (SELECT 1 FROM statement_amendments a WHERE a."statementId" = st.id)
  ORDER BY st."issueId", st."partyId", bucket, st."statedOn" DESC, st."recordedAt" DESC, st.id DESC`;
