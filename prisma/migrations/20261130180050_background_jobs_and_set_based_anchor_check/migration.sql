-- CreateEnum
CREATE TYPE "JobStatus" AS ENUM ('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED');

-- CreateTable
CREATE TABLE "jobs" (
    "id" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "userId" UUID NOT NULL,
    "status" "JobStatus" NOT NULL DEFAULT 'QUEUED',
    "params" JSONB NOT NULL DEFAULT '{}',
    "input" TEXT,
    "progress" INTEGER NOT NULL DEFAULT 0,
    "stage" TEXT NOT NULL DEFAULT '',
    "result" JSONB,
    "error" JSONB,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lockedBy" TEXT,
    "lockedUntil" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "jobs_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "jobs_status_createdAt_idx" ON "jobs"("status", "createdAt");

-- CreateIndex
CREATE INDEX "jobs_userId_kind_createdAt_idx" ON "jobs"("userId", "kind", "createdAt");

-- AddForeignKey
ALTER TABLE "jobs" ADD CONSTRAINT "jobs_userId_fkey" FOREIGN KEY ("userId") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "jobs"
  ADD CONSTRAINT "jobs_progress_range" CHECK ("progress" BETWEEN 0 AND 100),
  ADD CONSTRAINT "jobs_running_is_leased" CHECK ("status" <> 'RUNNING' OR ("lockedBy" IS NOT NULL AND "lockedUntil" IS NOT NULL));

-- The quote check, once per statement instead of once per row. PostgreSQL finds a code-point
-- offset in UTF-8 text by walking from the start, so the row trigger's substr calls cost a scan of
-- the text per quote (68 s for 1,500 quotes on 1.5 MB documents). This one reads each revision
-- named by the statement's rows once; for more than a few quotes it cuts the text, in one pass,
-- into pieces of 1,024 code points, and compares each quote's prefix, exact words and suffix with
-- the few pieces around its offsets.
DROP TRIGGER "evidence_anchor_matches_revision" ON "evidence";
DROP FUNCTION "evidence_anchor_matches_revision"();

CREATE FUNCTION "evidence_anchors_match_revisions"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  piece_length CONSTANT integer := 1024;
  target record;
  quote record;
  source text;
  source_length integer;
  rest text;
  part text;
  pieces text[];
  from_offset integer;
  to_offset integer;
  around text;
  mismatch record;
BEGIN
  FOR target IN
    SELECT c."revisionId", c."documentId", count(*) AS "quotes" FROM "changed_evidence" c GROUP BY 1, 2
  LOOP
    -- Concatenating makes a plain in-memory copy: the stored text is compressed and out of line.
    SELECT r."text" || '' INTO source FROM "document_revisions" r
      WHERE r."id" = target."revisionId" AND r."documentId" = target."documentId";
    IF source IS NULL THEN
      RAISE EXCEPTION 'evidence revision % does not belong to document %', target."revisionId", target."documentId"
        USING ERRCODE = 'foreign_key_violation';
    END IF;
    source_length := char_length(source);
    IF target."quotes" <= 8 THEN
      -- A quote saved from the page: a few scans cost less than cutting the text.
      SELECT c."endOffset" INTO mismatch FROM "changed_evidence" c
        WHERE c."revisionId" = target."revisionId" AND c."documentId" = target."documentId"
          AND NOT (
            c."endOffset" <= source_length
            AND char_length(c."prefix") <= c."startOffset"
            AND substr(source, c."startOffset" - char_length(c."prefix") + 1,
                       char_length(c."prefix") + char_length(c."exact") + char_length(c."suffix"))
                = c."prefix" || c."exact" || c."suffix")
        LIMIT 1;
      IF FOUND THEN
        IF mismatch."endOffset" > source_length THEN
          RAISE EXCEPTION 'evidence anchor ends at % beyond the text (% code points)', mismatch."endOffset", source_length
            USING ERRCODE = 'check_violation';
        END IF;
        RAISE EXCEPTION 'evidence anchor does not match the text of revision %', target."revisionId"
          USING ERRCODE = 'check_violation';
      END IF;
      CONTINUE;
    END IF;
    -- Two levels, so that no step copies more than a 64-piece stretch of what is left.
    pieces := '{}';
    rest := source;
    WHILE rest <> '' LOOP
      part := left(rest, piece_length * 64);
      rest := substr(rest, piece_length * 64 + 1);
      WHILE part <> '' LOOP
        pieces := pieces || left(part, piece_length);
        part := substr(part, piece_length + 1);
      END LOOP;
    END LOOP;
    FOR quote IN
      SELECT c."startOffset", c."endOffset", c."prefix" || c."exact" || c."suffix" AS "words",
             char_length(c."prefix") AS "prefix_length", char_length(c."suffix") AS "suffix_length"
        FROM "changed_evidence" c
       WHERE c."revisionId" = target."revisionId" AND c."documentId" = target."documentId"
    LOOP
      IF quote."endOffset" > source_length THEN
        RAISE EXCEPTION 'evidence anchor ends at % beyond the text (% code points)', quote."endOffset", source_length
          USING ERRCODE = 'check_violation';
      END IF;
      from_offset := quote."startOffset" - quote."prefix_length";
      to_offset := quote."endOffset" + quote."suffix_length";
      around := '';
      IF from_offset >= 0 AND to_offset <= source_length THEN
        FOR i IN from_offset / piece_length + 1 .. (to_offset - 1) / piece_length + 1 LOOP
          around := around || pieces[i];
        END LOOP;
      END IF;
      IF from_offset < 0 OR to_offset > source_length
         OR substr(around, from_offset % piece_length + 1, to_offset - from_offset) <> quote."words" THEN
        RAISE EXCEPTION 'evidence anchor does not match the text of revision %', target."revisionId"
          USING ERRCODE = 'check_violation';
      END IF;
    END LOOP;
  END LOOP;
  RETURN NULL;
END $$;

-- Transition tables allow no column list on an UPDATE trigger: every update is checked, which
-- costs one read of each revision the updated quotes name.
CREATE TRIGGER "evidence_anchors_match_revisions_insert" AFTER INSERT ON "evidence"
  REFERENCING NEW TABLE AS "changed_evidence" FOR EACH STATEMENT EXECUTE FUNCTION "evidence_anchors_match_revisions"();
CREATE TRIGGER "evidence_anchors_match_revisions_update" AFTER UPDATE ON "evidence"
  REFERENCING NEW TABLE AS "changed_evidence" FOR EACH STATEMENT EXECUTE FUNCTION "evidence_anchors_match_revisions"();
