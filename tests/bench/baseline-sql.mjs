// The hand-written baseline for getMatrix's whole output, shared by `npm run bench`
// (tests/bench/matrix.bench-run.ts) and `npm run load` (scripts/load.mjs) so both measure the app
// against the same query. Written apart from the app's SQL (lib/matrix/sql.mjs), as an engineer
// would write it by hand for the same answer, so that a slower app query shows in the ratio
// instead of slowing its yardstick too: the grid of live issues × parties, one LATERAL … LIMIT 1
// probe per cell on the statements index, the shown statement's quote links counted and listed in
// one pass, dates formatted by the database.
// $1 = workspace id, $2 = as-of date.
export const BASELINE_CELLS_SQL = `
  WITH grid AS (
    SELECT iss.id AS issue_id, par.id AS party_id
    FROM issues iss
    JOIN parties par ON par."workspaceId" = iss."workspaceId" AND par."archivedAt" IS NULL
    WHERE iss."workspaceId" = $1::uuid AND iss."archivedAt" IS NULL
  )
  SELECT g.issue_id AS "issueId", g.party_id AS "partyId", COALESCE(cell.version, 0) AS version,
         latest.id, latest.position, latest.summary, to_char(latest."statedOn", 'YYYY-MM-DD') AS "statedOn",
         latest.confidence, latest."confidenceRationale", latest."redLine", latest."conditionText",
         latest."conditionIssueId", latest."conditionPartyId", latest."conditionMinPosition",
         quotes.n AS "evidenceCount", COALESCE(quotes.list, '[]') AS links
  FROM grid g
  LEFT JOIN stance_cells cell
    ON cell."workspaceId" = $1::uuid AND cell."issueId" = g.issue_id AND cell."partyId" = g.party_id
  LEFT JOIN LATERAL (
    SELECT stmt.id, stmt.position, stmt.summary, stmt."statedOn", stmt.confidence, stmt."confidenceRationale",
           stmt."redLine", stmt."conditionText", stmt."conditionIssueId", stmt."conditionPartyId",
           stmt."conditionMinPosition"
    FROM stance_statements stmt
    WHERE stmt."workspaceId" = $1::uuid AND stmt."issueId" = g.issue_id AND stmt."partyId" = g.party_id
      AND stmt."statedOn" <= $2::date
      AND NOT EXISTS (SELECT 1 FROM statement_amendments am WHERE am."statementId" = stmt.id)
    ORDER BY stmt."statedOn" DESC, stmt."recordedAt" DESC, stmt.id DESC
    LIMIT 1
  ) latest ON true
  LEFT JOIN LATERAL (
    SELECT count(*)::int AS n,
           json_agg(json_build_object('evidenceId', link."evidenceId", 'relation', link.relation)
                    ORDER BY link."evidenceId") AS list
    FROM statement_evidence link
    WHERE link."statementId" = latest.id
  ) quotes ON true
  WHERE latest.id IS NOT NULL OR cell.version IS NOT NULL`;
