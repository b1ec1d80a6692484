-- CreateEnum
CREATE TYPE "Role" AS ENUM ('OWNER', 'EDITOR', 'COMMENTER', 'VIEWER');

-- CreateEnum
CREATE TYPE "Position" AS ENUM ('DEMANDS', 'SUPPORTS', 'OPEN', 'CONDITIONAL', 'OPPOSES', 'REJECTS', 'NO_POSITION');

-- CreateEnum
CREATE TYPE "EvidenceKind" AS ENUM ('DIRECT_QUOTE', 'REPORTED_SPEECH', 'EXPERT_ASSESSMENT', 'OFFICIAL_DOCUMENT');

-- CreateEnum
CREATE TYPE "EvidenceRelation" AS ENUM ('SUPPORTS', 'CONTRADICTS', 'CONTEXT');

-- CreateEnum
CREATE TYPE "AmendmentKind" AS ENUM ('CORRECTED', 'RETRACTED');

-- CreateTable
CREATE TABLE "users" (
    "id" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL DEFAULT '',
    "emailVerified" TIMESTAMP(3),
    "image" TEXT,
    "passwordHash" TEXT,
    "sessionVersion" INTEGER NOT NULL DEFAULT 1,
    "disabledAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "users_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "accounts" (
    "userId" UUID NOT NULL,
    "type" TEXT NOT NULL,
    "provider" TEXT NOT NULL,
    "providerAccountId" TEXT NOT NULL,
    "refresh_token" TEXT,
    "access_token" TEXT,
    "expires_at" INTEGER,
    "token_type" TEXT,
    "scope" TEXT,
    "id_token" TEXT,
    "session_state" TEXT,

    CONSTRAINT "accounts_pkey" PRIMARY KEY ("provider","providerAccountId")
);

-- CreateTable
CREATE TABLE "verification_tokens" (
    "identifier" TEXT NOT NULL,
    "token" TEXT NOT NULL,
    "expires" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "verification_tokens_pkey" PRIMARY KEY ("identifier","token")
);

-- CreateTable
CREATE TABLE "login_attempts" (
    "id" BIGSERIAL NOT NULL,
    "email" TEXT NOT NULL,
    "succeeded" BOOLEAN NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "login_attempts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "invitations" (
    "id" UUID NOT NULL,
    "workspaceId" UUID NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "email" TEXT,
    "role" "Role" NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdById" UUID,
    "acceptedAt" TIMESTAMP(3),
    "acceptedById" UUID,
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "invitations_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "workspaces" (
    "id" UUID NOT NULL,
    "slug" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "positionLabels" JSONB NOT NULL DEFAULT '{}',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "workspaces_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "memberships" (
    "workspaceId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "role" "Role" NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "memberships_pkey" PRIMARY KEY ("workspaceId","userId")
);

-- CreateTable
CREATE TABLE "parties" (
    "id" UUID NOT NULL,
    "workspaceId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "shortName" TEXT NOT NULL,
    "colour" TEXT NOT NULL,
    "sortOrder" INTEGER NOT NULL,
    "archivedAt" TIMESTAMP(3),

    CONSTRAINT "parties_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "issues" (
    "id" UUID NOT NULL,
    "workspaceId" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "sortOrder" INTEGER NOT NULL,
    "archivedAt" TIMESTAMP(3),

    CONSTRAINT "issues_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "people" (
    "id" UUID NOT NULL,
    "workspaceId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "aliases" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "role" TEXT NOT NULL DEFAULT '',
    "partyId" UUID,
    "organisation" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "people_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "documents" (
    "id" UUID NOT NULL,
    "workspaceId" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "outlet" TEXT NOT NULL DEFAULT '',
    "url" TEXT NOT NULL DEFAULT '',
    "language" TEXT NOT NULL DEFAULT 'en',
    "publishedOn" TEXT,
    "importedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "importedById" UUID,

    CONSTRAINT "documents_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "document_revisions" (
    "id" UUID NOT NULL,
    "workspaceId" UUID NOT NULL,
    "documentId" UUID NOT NULL,
    "number" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "contentHash" TEXT NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdById" UUID,

    CONSTRAINT "document_revisions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "evidence" (
    "id" UUID NOT NULL,
    "workspaceId" UUID NOT NULL,
    "documentId" UUID NOT NULL,
    "revisionId" UUID NOT NULL,
    "startOffset" INTEGER NOT NULL,
    "endOffset" INTEGER NOT NULL,
    "exact" TEXT NOT NULL,
    "prefix" TEXT NOT NULL DEFAULT '',
    "suffix" TEXT NOT NULL DEFAULT '',
    "speakerId" UUID,
    "saidOn" DATE NOT NULL,
    "kind" "EvidenceKind" NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdById" UUID,

    CONSTRAINT "evidence_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "stance_statements" (
    "id" UUID NOT NULL,
    "workspaceId" UUID NOT NULL,
    "partyId" UUID NOT NULL,
    "issueId" UUID NOT NULL,
    "position" "Position" NOT NULL,
    "summary" TEXT NOT NULL,
    "statedOn" DATE NOT NULL,
    "recordedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "recordedById" UUID,

    CONSTRAINT "stance_statements_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "statement_amendments" (
    "statementId" UUID NOT NULL,
    "workspaceId" UUID NOT NULL,
    "kind" "AmendmentKind" NOT NULL,
    "replacementId" UUID,
    "reason" TEXT NOT NULL,
    "amendedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "amendedById" UUID,

    CONSTRAINT "statement_amendments_pkey" PRIMARY KEY ("statementId")
);

-- CreateTable
CREATE TABLE "stance_cells" (
    "workspaceId" UUID NOT NULL,
    "issueId" UUID NOT NULL,
    "partyId" UUID NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 0,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "stance_cells_pkey" PRIMARY KEY ("workspaceId","issueId","partyId")
);

-- CreateTable
CREATE TABLE "activity_events" (
    "id" BIGSERIAL NOT NULL,
    "workspaceId" UUID NOT NULL,
    "actorId" UUID,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "action" TEXT NOT NULL,
    "subjectType" TEXT NOT NULL,
    "subjectId" TEXT NOT NULL,
    "before" JSONB,
    "after" JSONB,

    CONSTRAINT "activity_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "statement_evidence" (
    "workspaceId" UUID NOT NULL,
    "statementId" UUID NOT NULL,
    "evidenceId" UUID NOT NULL,
    "relation" "EvidenceRelation" NOT NULL,

    CONSTRAINT "statement_evidence_pkey" PRIMARY KEY ("statementId","evidenceId")
);

-- CreateIndex
CREATE UNIQUE INDEX "users_email_key" ON "users"("email");

-- CreateIndex
CREATE INDEX "accounts_userId_idx" ON "accounts"("userId");

-- CreateIndex
CREATE INDEX "login_attempts_email_at_idx" ON "login_attempts"("email", "at");

-- CreateIndex
CREATE UNIQUE INDEX "invitations_tokenHash_key" ON "invitations"("tokenHash");

-- CreateIndex
CREATE INDEX "invitations_workspaceId_createdAt_idx" ON "invitations"("workspaceId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "workspaces_slug_key" ON "workspaces"("slug");

-- CreateIndex
CREATE INDEX "memberships_userId_idx" ON "memberships"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "parties_workspaceId_id_key" ON "parties"("workspaceId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "parties_workspaceId_name_key" ON "parties"("workspaceId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "issues_workspaceId_id_key" ON "issues"("workspaceId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "issues_workspaceId_title_key" ON "issues"("workspaceId", "title");

-- CreateIndex
CREATE UNIQUE INDEX "people_workspaceId_id_key" ON "people"("workspaceId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "people_workspaceId_name_key" ON "people"("workspaceId", "name");

-- CreateIndex
CREATE INDEX "documents_workspaceId_importedAt_idx" ON "documents"("workspaceId", "importedAt");

-- CreateIndex
CREATE UNIQUE INDEX "documents_workspaceId_id_key" ON "documents"("workspaceId", "id");

-- CreateIndex
CREATE INDEX "document_revisions_workspaceId_contentHash_idx" ON "document_revisions"("workspaceId", "contentHash");

-- CreateIndex
CREATE UNIQUE INDEX "document_revisions_workspaceId_id_key" ON "document_revisions"("workspaceId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "document_revisions_documentId_number_key" ON "document_revisions"("documentId", "number");

-- CreateIndex
CREATE INDEX "evidence_documentId_startOffset_idx" ON "evidence"("documentId", "startOffset");

-- CreateIndex
CREATE INDEX "evidence_workspaceId_saidOn_idx" ON "evidence"("workspaceId", "saidOn");

-- CreateIndex
CREATE UNIQUE INDEX "evidence_workspaceId_id_key" ON "evidence"("workspaceId", "id");

-- CreateIndex
CREATE INDEX "stance_statements_workspaceId_issueId_partyId_statedOn_reco_idx" ON "stance_statements"("workspaceId", "issueId", "partyId", "statedOn" DESC, "recordedAt" DESC, "id" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "stance_statements_workspaceId_id_key" ON "stance_statements"("workspaceId", "id");

-- CreateIndex
CREATE INDEX "statement_amendments_workspaceId_idx" ON "statement_amendments"("workspaceId");

-- CreateIndex
CREATE INDEX "activity_events_workspaceId_at_idx" ON "activity_events"("workspaceId", "at");

-- CreateIndex
CREATE INDEX "activity_events_workspaceId_subjectType_subjectId_at_idx" ON "activity_events"("workspaceId", "subjectType", "subjectId", "at");

-- CreateIndex
CREATE INDEX "statement_evidence_workspaceId_evidenceId_idx" ON "statement_evidence"("workspaceId", "evidenceId");

-- AddForeignKey
ALTER TABLE "accounts" ADD CONSTRAINT "accounts_userId_fkey" FOREIGN KEY ("userId") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_acceptedById_fkey" FOREIGN KEY ("acceptedById") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_userId_fkey" FOREIGN KEY ("userId") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "parties" ADD CONSTRAINT "parties_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "issues" ADD CONSTRAINT "issues_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "people" ADD CONSTRAINT "people_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "people" ADD CONSTRAINT "people_workspaceId_partyId_fkey" FOREIGN KEY ("workspaceId", "partyId") REFERENCES "parties"("workspaceId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "documents" ADD CONSTRAINT "documents_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "documents" ADD CONSTRAINT "documents_importedById_fkey" FOREIGN KEY ("importedById") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "document_revisions" ADD CONSTRAINT "document_revisions_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "document_revisions" ADD CONSTRAINT "document_revisions_workspaceId_documentId_fkey" FOREIGN KEY ("workspaceId", "documentId") REFERENCES "documents"("workspaceId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "document_revisions" ADD CONSTRAINT "document_revisions_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "evidence" ADD CONSTRAINT "evidence_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "evidence" ADD CONSTRAINT "evidence_workspaceId_documentId_fkey" FOREIGN KEY ("workspaceId", "documentId") REFERENCES "documents"("workspaceId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "evidence" ADD CONSTRAINT "evidence_workspaceId_revisionId_fkey" FOREIGN KEY ("workspaceId", "revisionId") REFERENCES "document_revisions"("workspaceId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "evidence" ADD CONSTRAINT "evidence_workspaceId_speakerId_fkey" FOREIGN KEY ("workspaceId", "speakerId") REFERENCES "people"("workspaceId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "evidence" ADD CONSTRAINT "evidence_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "stance_statements" ADD CONSTRAINT "stance_statements_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "stance_statements" ADD CONSTRAINT "stance_statements_workspaceId_partyId_fkey" FOREIGN KEY ("workspaceId", "partyId") REFERENCES "parties"("workspaceId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "stance_statements" ADD CONSTRAINT "stance_statements_workspaceId_issueId_fkey" FOREIGN KEY ("workspaceId", "issueId") REFERENCES "issues"("workspaceId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "stance_statements" ADD CONSTRAINT "stance_statements_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "statement_amendments" ADD CONSTRAINT "statement_amendments_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "statement_amendments" ADD CONSTRAINT "statement_amendments_statementId_fkey" FOREIGN KEY ("statementId") REFERENCES "stance_statements"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "statement_amendments" ADD CONSTRAINT "statement_amendments_replacementId_fkey" FOREIGN KEY ("replacementId") REFERENCES "stance_statements"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "statement_amendments" ADD CONSTRAINT "statement_amendments_amendedById_fkey" FOREIGN KEY ("amendedById") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "stance_cells" ADD CONSTRAINT "stance_cells_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "stance_cells" ADD CONSTRAINT "stance_cells_workspaceId_issueId_fkey" FOREIGN KEY ("workspaceId", "issueId") REFERENCES "issues"("workspaceId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "stance_cells" ADD CONSTRAINT "stance_cells_workspaceId_partyId_fkey" FOREIGN KEY ("workspaceId", "partyId") REFERENCES "parties"("workspaceId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "activity_events" ADD CONSTRAINT "activity_events_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "activity_events" ADD CONSTRAINT "activity_events_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "statement_evidence" ADD CONSTRAINT "statement_evidence_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "statement_evidence" ADD CONSTRAINT "statement_evidence_workspaceId_statementId_fkey" FOREIGN KEY ("workspaceId", "statementId") REFERENCES "stance_statements"("workspaceId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "statement_evidence" ADD CONSTRAINT "statement_evidence_workspaceId_evidenceId_fkey" FOREIGN KEY ("workspaceId", "evidenceId") REFERENCES "evidence"("workspaceId", "id") ON DELETE CASCADE ON UPDATE CASCADE;
-- Constraints Prisma's schema language cannot express. Offsets are Unicode code points, which
-- is what PostgreSQL's char_length and substr count, so the database can verify every anchor.

ALTER TABLE "workspaces"
  ADD CONSTRAINT "workspaces_slug_format" CHECK ("slug" ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND char_length("slug") <= 64),
  ADD CONSTRAINT "workspaces_title_length" CHECK (char_length("title") BETWEEN 1 AND 200),
  ADD CONSTRAINT "workspaces_description_length" CHECK (char_length("description") <= 5000);

ALTER TABLE "users"
  ADD CONSTRAINT "users_email_normalised" CHECK ("email" = lower("email") AND char_length("email") BETWEEN 3 AND 320),
  ADD CONSTRAINT "users_name_length" CHECK (char_length("name") <= 200);

ALTER TABLE "parties"
  ADD CONSTRAINT "parties_name_length" CHECK (char_length("name") BETWEEN 1 AND 120),
  ADD CONSTRAINT "parties_short_name_length" CHECK (char_length("shortName") BETWEEN 1 AND 24),
  ADD CONSTRAINT "parties_colour_format" CHECK ("colour" ~ '^#[0-9a-f]{6}$');

ALTER TABLE "issues"
  ADD CONSTRAINT "issues_title_length" CHECK (char_length("title") BETWEEN 1 AND 200),
  ADD CONSTRAINT "issues_description_length" CHECK (char_length("description") <= 5000);

ALTER TABLE "people"
  ADD CONSTRAINT "people_name_length" CHECK (char_length("name") BETWEEN 1 AND 200),
  ADD CONSTRAINT "people_role_length" CHECK (char_length("role") <= 300),
  ADD CONSTRAINT "people_organisation_length" CHECK (char_length("organisation") <= 200);

ALTER TABLE "documents"
  ADD CONSTRAINT "documents_title_length" CHECK (char_length("title") BETWEEN 1 AND 500),
  ADD CONSTRAINT "documents_outlet_length" CHECK (char_length("outlet") <= 200),
  ADD CONSTRAINT "documents_url_length" CHECK (char_length("url") <= 2048),
  ADD CONSTRAINT "documents_language_format" CHECK ("language" ~ '^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$'),
  ADD CONSTRAINT "documents_published_on_format" CHECK ("publishedOn" IS NULL OR "publishedOn" ~ '^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$');

ALTER TABLE "document_revisions"
  ADD CONSTRAINT "document_revisions_number_positive" CHECK ("number" >= 1),
  ADD CONSTRAINT "document_revisions_text_length" CHECK (char_length("text") BETWEEN 1 AND 2000000),
  ADD CONSTRAINT "document_revisions_content_hash_format" CHECK ("contentHash" ~ '^[0-9a-f]{64}$');

ALTER TABLE "evidence"
  ADD CONSTRAINT "evidence_offsets_ordered" CHECK ("startOffset" >= 0 AND "startOffset" < "endOffset"),
  ADD CONSTRAINT "evidence_exact_matches_offsets" CHECK (char_length("exact") = "endOffset" - "startOffset"),
  ADD CONSTRAINT "evidence_exact_length" CHECK (char_length("exact") <= 10000),
  ADD CONSTRAINT "evidence_context_length" CHECK (char_length("prefix") <= 32 AND char_length("suffix") <= 32),
  ADD CONSTRAINT "evidence_note_length" CHECK (char_length("note") <= 5000);

ALTER TABLE "stance_statements"
  ADD CONSTRAINT "stance_statements_summary_length" CHECK (char_length("summary") BETWEEN 1 AND 600),
  ADD CONSTRAINT "stance_statements_stated_on_range" CHECK ("statedOn" >= DATE '1900-01-01');

-- Revisions are immutable: a correction is a new revision, so quotes never point into text that
-- changed under them.
CREATE FUNCTION "document_revisions_immutable"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."text" IS DISTINCT FROM OLD."text" OR NEW."contentHash" IS DISTINCT FROM OLD."contentHash"
     OR NEW."documentId" IS DISTINCT FROM OLD."documentId" OR NEW."number" IS DISTINCT FROM OLD."number" THEN
    RAISE EXCEPTION 'document revision % is immutable; add a new revision instead', OLD."id"
      USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END $$;

CREATE TRIGGER "document_revisions_immutable" BEFORE UPDATE ON "document_revisions"
  FOR EACH ROW EXECUTE FUNCTION "document_revisions_immutable"();

-- A quote must be exactly the words at its offsets in the revision it names, with the prefix
-- and suffix that surround them there.
CREATE FUNCTION "evidence_anchor_matches_revision"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  source text;
BEGIN
  SELECT r."text" INTO source FROM "document_revisions" r
    WHERE r."id" = NEW."revisionId" AND r."documentId" = NEW."documentId";
  IF source IS NULL THEN
    RAISE EXCEPTION 'evidence revision % does not belong to document %', NEW."revisionId", NEW."documentId"
      USING ERRCODE = 'foreign_key_violation';
  END IF;
  IF NEW."endOffset" > char_length(source) THEN
    RAISE EXCEPTION 'evidence anchor ends at % beyond the text (% code points)', NEW."endOffset", char_length(source)
      USING ERRCODE = 'check_violation';
  END IF;
  IF substr(source, NEW."startOffset" + 1, NEW."endOffset" - NEW."startOffset") <> NEW."exact"
     OR right(substr(source, 1, NEW."startOffset"), char_length(NEW."prefix")) <> NEW."prefix"
     OR left(substr(source, NEW."endOffset" + 1), char_length(NEW."suffix")) <> NEW."suffix" THEN
    RAISE EXCEPTION 'evidence anchor does not match the text of revision %', NEW."revisionId"
      USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END $$;

CREATE TRIGGER "evidence_anchor_matches_revision" BEFORE INSERT OR UPDATE OF "revisionId", "startOffset", "endOffset", "exact", "prefix", "suffix"
  ON "evidence" FOR EACH ROW EXECUTE FUNCTION "evidence_anchor_matches_revision"();

-- Stance statements are append-only: corrections and retractions are new rows.
CREATE FUNCTION "stance_statements_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'stance statements are append-only; record a correction instead'
    USING ERRCODE = 'check_violation';
END $$;

CREATE TRIGGER "stance_statements_append_only" BEFORE UPDATE ON "stance_statements"
  FOR EACH ROW EXECUTE FUNCTION "stance_statements_append_only"();

ALTER TABLE "statement_amendments"
  ADD CONSTRAINT "statement_amendments_reason_length" CHECK (char_length("reason") BETWEEN 1 AND 1000),
  ADD CONSTRAINT "statement_amendments_replacement_matches_kind" CHECK (("kind" = 'CORRECTED') = ("replacementId" IS NOT NULL));

ALTER TABLE "stance_cells"
  ADD CONSTRAINT "stance_cells_version_nonnegative" CHECK ("version" >= 0);

ALTER TABLE "invitations"
  ADD CONSTRAINT "invitations_email_normalised" CHECK ("email" IS NULL OR "email" = lower("email"));

-- The activity log is append-only whatever the application asks: history that can be edited is
-- not history. (TRUNCATE, used only by test resets, fires no row triggers.)
CREATE FUNCTION "activity_events_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the activity log is append-only' USING ERRCODE = 'insufficient_privilege';
END $$;

CREATE TRIGGER "activity_events_append_only" BEFORE UPDATE OR DELETE ON "activity_events"
  FOR EACH ROW EXECUTE FUNCTION "activity_events_append_only"();
