// The hand-written baseline for getMatrix's whole output, shared by `npm run bench`
// (tests/bench/matrix.bench-run.ts) and `npm run load` (scripts/load.mjs) so both measure the app
// against the same query: one LATERAL … LIMIT 1 probe per cell on the statements index, each
// statement's quote links aggregated in the same query, dates formatted by the database. What a
// cell is (its statement as of the date, its links) is the app's, from lib/matrix/sql.mjs, so that
// both give the same answer; how the cells are framed and shaped is this file's own.
// $1 = workspace id, $2 = as-of date.
import { CELL_AS_OF_JOINS, STATEMENT_LINK_COLUMNS } from "../../lib/matrix/sql.mjs";

export const BASELINE_CELLS_SQL = `
  SELECT i.id AS "issueId", p.id AS "partyId", COALESCE(c.version, 0) AS version,
         s.id, s.position, s.summary, to_char(s."statedOn", 'YYYY-MM-DD') AS "statedOn", s.confidence, s."confidenceRationale",
         s."redLine", s."conditionText", s."conditionIssueId", s."conditionPartyId", s."conditionMinPosition",${STATEMENT_LINK_COLUMNS}
  FROM issues i
  JOIN parties p ON p."workspaceId" = i."workspaceId" AND p."archivedAt" IS NULL${CELL_AS_OF_JOINS}
  WHERE i."workspaceId" = $1::uuid AND i."archivedAt" IS NULL
    AND (s.id IS NOT NULL OR c.version IS NOT NULL)`;
