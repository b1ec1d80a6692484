// The matrix's SQL in one file, for getMatrix (lib/matrix/data.ts), the benchmark (tests/bench) and
// the load test (scripts/load.mjs). Plain JavaScript, so that the scripts import it without a
// build. The benchmark also runs the app's whole query through `pg` to tell its own cost from the
// rest of getMatrix; its hand-written baseline (tests/bench/baseline-sql.mjs) is written apart,
// so that a slower query here shows in the ratio instead of slowing the yardstick too.
//
// One index probe per cell (LATERAL … LIMIT 1 on the statements index) rather than a scan of
// every statement up to the date: the cost follows the size of the matrix, not of its history.
// Amended (corrected or retracted) statements never show; their replacements do. The cell's
// version is the one an edit must be based on (see mutations.ts). The shown statement's quote
// links come in the same row (the editor's Correct mode starts from them): a second query for
// them would wait on this one.

/** The cell of issue `i` and party `p`: its version row `c` and its statement `s` as of $2 (YYYY-MM-DD), if any. */
const CELL_AS_OF_JOINS = `
  LEFT JOIN stance_cells c ON c."workspaceId" = i."workspaceId" AND c."issueId" = i.id AND c."partyId" = p.id
  LEFT JOIN LATERAL (
    SELECT st.id, st.position, st.summary, st."statedOn", st.confidence, st."confidenceRationale",
           st."redLine", st."conditionText", st."conditionIssueId", st."conditionPartyId", st."conditionMinPosition"
    FROM stance_statements st
    WHERE st."workspaceId" = i."workspaceId" AND st."issueId" = i.id AND st."partyId" = p.id
      AND st."statedOn" <= $2::date
      AND NOT EXISTS (SELECT 1 FROM statement_amendments a WHERE a."statementId" = st.id)
    ORDER BY st."statedOn" DESC, st."recordedAt" DESC, st.id DESC
    LIMIT 1
  ) s ON true`;

/** The quote links of the statement `s`: how many, and each quote with its relation. */
const STATEMENT_LINK_COLUMNS = `
         (SELECT count(*)::int FROM statement_evidence se WHERE se."statementId" = s.id) AS "evidenceCount",
         (SELECT coalesce(json_agg(json_build_object('evidenceId', se."evidenceId", 'relation', se.relation)
                                   ORDER BY se."evidenceId"), '[]')
          FROM statement_evidence se WHERE se."statementId" = s.id) AS links`;

// Parameters: $1 the workspace id, $2 the date (YYYY-MM-DD).
export const MATRIX_AS_OF_SQL = `
  SELECT i.id AS "issueId", p.id AS "partyId", COALESCE(c.version, 0) AS version,
         s.id, s.position, s.summary, s."statedOn", s.confidence, s."confidenceRationale",
         s."redLine", s."conditionText", s."conditionIssueId", s."conditionPartyId", s."conditionMinPosition",${STATEMENT_LINK_COLUMNS}
  FROM issues i
  CROSS JOIN parties p${CELL_AS_OF_JOINS}
  WHERE i."workspaceId" = $1::uuid AND p."workspaceId" = $1::uuid
    AND i."archivedAt" IS NULL AND p."archivedAt" IS NULL
    AND (s.id IS NOT NULL OR c.version IS NOT NULL)`;
