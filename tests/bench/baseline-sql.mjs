// The hand-written baseline for getMatrix's whole output, shared by `npm run bench`
// (tests/bench/matrix.bench-run.ts) and `npm run load` (scripts/load.mjs) so both measure the app
// against the same query: one LATERAL … LIMIT 1 probe per cell on the statements index, each
// statement's quote links aggregated in the same query, dates formatted by the database.
// $1 = workspace id, $2 = as-of date.
export const BASELINE_CELLS_SQL = `
  SELECT i.id AS "issueId", p.id AS "partyId", COALESCE(c.version, 0) AS version,
         s.id, s.position, s.summary, to_char(s."statedOn", 'YYYY-MM-DD') AS "statedOn", s.confidence, s."confidenceRationale",
         s."redLine", s."conditionText", s."conditionIssueId", s."conditionPartyId", s."conditionMinPosition",
         (SELECT count(*)::int FROM statement_evidence se WHERE se."statementId" = s.id) AS "evidenceCount",
         (SELECT coalesce(json_agg(json_build_object('evidenceId', se."evidenceId", 'relation', se.relation)
                                   ORDER BY se."evidenceId"), '[]')
          FROM statement_evidence se WHERE se."statementId" = s.id) AS links
  FROM issues i
  JOIN parties p ON p."workspaceId" = i."workspaceId" AND p."archivedAt" IS NULL
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
  ) s ON true
  WHERE i."workspaceId" = $1::uuid AND i."archivedAt" IS NULL
    AND (s.id IS NOT NULL OR c.version IS NOT NULL)`;
