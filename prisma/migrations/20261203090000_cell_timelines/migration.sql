-- Each cell's live statements (never corrected or retracted), newest first, packed for the
-- convergence heat map (lib/convergence/timeline.ts reads them). The heat map needs every
-- statement of every cell: reading 200,000 index entries and shipping them as text took most of
-- its time, where one row of bytes a cell is read in a few milliseconds. The rows are derived
-- from stance_statements and statement_amendments by the triggers below, whoever writes (the app,
-- an import, a bulk load), so they cannot drift from the statements they summarise.
--
-- A statement is 4 bytes, big-endian: (statedOn - 1970-01-01 in days) * 256 + red line * 128 +
-- condition * 8 + position, where position is its index + 1 in TIMELINE_POSITIONS below, red line
-- 1 or 0, and condition 0 for none, 15 for words alone, else the index + 1 of
-- conditionMinPosition; a condition on another cell is followed by that cell's issue and party
-- ids (16 bytes each). The heat map and the "what moved" digest read them. Beside them, for the
-- digest's list of retracted statements, the cell's retracted ones in the same order, 28 bytes
-- each: the day, recordedAt in milliseconds since 1970 (8 bytes) and the statement's id. A cell
-- has a row while it has a live or a retracted statement.
CREATE TABLE "cell_timelines" (
    "workspaceId" UUID NOT NULL,
    "issueId" UUID NOT NULL,
    "partyId" UUID NOT NULL,
    "timeline" BYTEA NOT NULL,
    "retracted" BYTEA NOT NULL,

    CONSTRAINT "cell_timelines_pkey" PRIMARY KEY ("workspaceId","issueId","partyId")
);

ALTER TABLE "cell_timelines" ADD CONSTRAINT "cell_timelines_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "cell_timelines" ADD CONSTRAINT "cell_timelines_workspaceId_issueId_fkey" FOREIGN KEY ("workspaceId", "issueId") REFERENCES "issues"("workspaceId", "id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "cell_timelines" ADD CONSTRAINT "cell_timelines_workspaceId_partyId_fkey" FOREIGN KEY ("workspaceId", "partyId") REFERENCES "parties"("workspaceId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Rebuilds the timelines of the cells given (three arrays, one cell per index); a cell left with
-- no live or retracted statement loses its row. A cell whose workspace, issue or party is being deleted gets
-- none: the cascade that removes its statements may run before or after the one that removes
-- their amendments, and the row would point at what is gone. The query is planned afresh on each
-- call (EXECUTE): a cached generic plan, not knowing the cells, reads every statement for each.
-- The position lists are TIMELINE_POSITIONS, the order lib/convergence/timeline.ts decodes.
CREATE FUNCTION "refresh_cell_timelines"(workspace_ids uuid[], issue_ids uuid[], party_ids uuid[]) RETURNS void LANGUAGE plpgsql AS $function$
BEGIN
  EXECUTE $query$
    WITH touched AS (
      SELECT DISTINCT * FROM unnest($1::uuid[], $2::uuid[], $3::uuid[]) AS t(ws, issue, party)
    ), fresh AS (
      SELECT t.ws, t.issue, t.party,
             coalesce(string_agg(
               int4send((st."statedOn" - DATE '1970-01-01') * 256
                 + CASE WHEN st."redLine" THEN 128 ELSE 0 END
                 + 8 * CASE WHEN st."conditionIssueId" IS NOT NULL
                              THEN array_position('{DEMANDS,SUPPORTS,OPEN,CONDITIONAL,OPPOSES,REJECTS,NO_POSITION}'::"Position"[], st."conditionMinPosition")
                            WHEN st."conditionText" IS NOT NULL THEN 15 ELSE 0 END
                 + array_position('{DEMANDS,SUPPORTS,OPEN,CONDITIONAL,OPPOSES,REJECTS,NO_POSITION}'::"Position"[], st.position))
               || CASE WHEN st."conditionIssueId" IS NOT NULL
                       THEN uuid_send(st."conditionIssueId") || uuid_send(st."conditionPartyId") ELSE ''::bytea END,
               ''::bytea ORDER BY st."statedOn" DESC, st."recordedAt" DESC, st.id DESC) FILTER (WHERE a."statementId" IS NULL),
               ''::bytea) AS timeline,
             coalesce(string_agg(
               int4send(st."statedOn" - DATE '1970-01-01')
               || int8send((extract(epoch FROM st."recordedAt") * 1000)::bigint)
               || uuid_send(st.id),
               ''::bytea ORDER BY st."statedOn" DESC, st."recordedAt" DESC, st.id DESC) FILTER (WHERE a.kind = 'RETRACTED'),
               ''::bytea) AS retracted
      FROM touched t
      JOIN "stance_statements" st ON st."workspaceId" = t.ws AND st."issueId" = t.issue AND st."partyId" = t.party
      LEFT JOIN "statement_amendments" a ON a."statementId" = st.id
      GROUP BY t.ws, t.issue, t.party
      HAVING count(*) FILTER (WHERE a."statementId" IS NULL OR a.kind = 'RETRACTED') > 0
    ), emptied AS (
      DELETE FROM "cell_timelines" c USING touched t
      WHERE c."workspaceId" = t.ws AND c."issueId" = t.issue AND c."partyId" = t.party
        AND NOT EXISTS (SELECT 1 FROM fresh f WHERE f.ws = t.ws AND f.issue = t.issue AND f.party = t.party)
    )
    INSERT INTO "cell_timelines" ("workspaceId", "issueId", "partyId", "timeline", "retracted")
    SELECT f.ws, f.issue, f.party, f.timeline, f.retracted
    FROM fresh f
    JOIN "issues" i ON i."workspaceId" = f.ws AND i.id = f.issue
    JOIN "parties" p ON p."workspaceId" = f.ws AND p.id = f.party
    WHERE EXISTS (SELECT 1 FROM "workspaces" w WHERE w.id = f.ws)
    ON CONFLICT ("workspaceId", "issueId", "partyId") DO UPDATE SET "timeline" = EXCLUDED."timeline", "retracted" = EXCLUDED."retracted"
  $query$ USING workspace_ids, issue_ids, party_ids;
END $function$;

-- Statement-level, with the changed rows as a transition table: a bulk load of 200,000
-- statements rebuilds each of its cells once. A rebuild reads what is committed when it runs:
-- two transactions writing one cell are kept apart by the app's compare-and-set on stance_cells
-- (advanceCellVersion in lib/matrix/mutations.ts), which each takes before it writes, so the
-- second rebuild sees the first one's statements. Imports and the demo write new workspaces only.
CREATE FUNCTION "stance_statements_refresh_timelines"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "refresh_cell_timelines"(array_agg("workspaceId"), array_agg("issueId"), array_agg("partyId"))
  FROM (SELECT DISTINCT "workspaceId", "issueId", "partyId" FROM changed) cells;
  RETURN NULL;
END $$;

CREATE FUNCTION "statement_amendments_refresh_timelines"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "refresh_cell_timelines"(array_agg("workspaceId"), array_agg("issueId"), array_agg("partyId"))
  FROM (
    SELECT DISTINCT st."workspaceId", st."issueId", st."partyId"
    FROM changed a JOIN "stance_statements" st ON st.id = a."statementId"
  ) cells;
  RETURN NULL;
END $$;

CREATE TRIGGER "stance_statements_timelines_insert" AFTER INSERT ON "stance_statements"
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "stance_statements_refresh_timelines"();
CREATE TRIGGER "stance_statements_timelines_delete" AFTER DELETE ON "stance_statements"
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "stance_statements_refresh_timelines"();
CREATE TRIGGER "statement_amendments_timelines_insert" AFTER INSERT ON "statement_amendments"
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "statement_amendments_refresh_timelines"();
CREATE TRIGGER "statement_amendments_timelines_delete" AFTER DELETE ON "statement_amendments"
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "statement_amendments_refresh_timelines"();
CREATE TRIGGER "statement_amendments_timelines_update" AFTER UPDATE ON "statement_amendments"
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "statement_amendments_refresh_timelines"();

-- Derived data must follow every write, bulk loads under session_replication_role = replica included.
ALTER TABLE "stance_statements" ENABLE ALWAYS TRIGGER "stance_statements_timelines_insert";
ALTER TABLE "stance_statements" ENABLE ALWAYS TRIGGER "stance_statements_timelines_delete";
ALTER TABLE "statement_amendments" ENABLE ALWAYS TRIGGER "statement_amendments_timelines_insert";
ALTER TABLE "statement_amendments" ENABLE ALWAYS TRIGGER "statement_amendments_timelines_delete";
ALTER TABLE "statement_amendments" ENABLE ALWAYS TRIGGER "statement_amendments_timelines_update";

SELECT "refresh_cell_timelines"(array_agg("workspaceId"), array_agg("issueId"), array_agg("partyId"))
FROM (SELECT DISTINCT "workspaceId", "issueId", "partyId" FROM "stance_statements") cells;

-- The heat map read the statements through these; nothing else does.
DROP INDEX "stance_statements_heat_map_idx";
DROP INDEX "stance_statements_offers_in_words_idx";
