-- A document can be the translation of another in its workspace, and a quote in a translation can
-- be paired with the quote of the original it renders. Both references are composite, so neither
-- can reach into another workspace; NO ACTION lets a workspace's deletion take both sides at once.
ALTER TABLE "documents" ADD COLUMN "translationOfId" UUID;
ALTER TABLE "evidence" ADD COLUMN "translationOfId" UUID;

CREATE INDEX "documents_translationOfId_idx" ON "documents"("translationOfId");
CREATE UNIQUE INDEX "evidence_translationOfId_documentId_key" ON "evidence"("translationOfId", "documentId");

ALTER TABLE "documents" ADD CONSTRAINT "documents_workspaceId_translationOfId_fkey"
  FOREIGN KEY ("workspaceId", "translationOfId") REFERENCES "documents"("workspaceId", "id") ON DELETE NO ACTION ON UPDATE NO ACTION;
ALTER TABLE "evidence" ADD CONSTRAINT "evidence_workspaceId_translationOfId_fkey"
  FOREIGN KEY ("workspaceId", "translationOfId") REFERENCES "evidence"("workspaceId", "id") ON DELETE NO ACTION ON UPDATE NO ACTION;

ALTER TABLE "documents" ADD CONSTRAINT "documents_not_own_translation" CHECK ("translationOfId" <> "id");
ALTER TABLE "evidence" ADD CONSTRAINT "evidence_not_own_translation" CHECK ("translationOfId" <> "id");

-- Many sources are Russian originals: search stems Russian words too ("расширение" finds
-- "расширения"), beside English stems and exact words. Russian's configuration stems ASCII words
-- with the English stemmer, so English results do not change. The indexes are built on the
-- function, so they are rebuilt with it.
DROP INDEX "document_revisions_text_search";
DROP INDEX "evidence_exact_search";
DROP INDEX "stance_statements_summary_search";
DROP INDEX "comments_body_search";

CREATE OR REPLACE FUNCTION parley_search_vector(body text) RETURNS tsvector
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  RETURN to_tsvector('pg_catalog.english'::regconfig, public.unaccent('public.unaccent'::regdictionary, body))
      || to_tsvector('pg_catalog.russian'::regconfig, public.unaccent('public.unaccent'::regdictionary, body))
      || to_tsvector('pg_catalog.simple'::regconfig, public.unaccent('public.unaccent'::regdictionary, body));

CREATE INDEX "document_revisions_text_search" ON "document_revisions" USING gin (parley_search_vector("text"));
CREATE INDEX "evidence_exact_search" ON "evidence" USING gin (parley_search_vector("exact"));
CREATE INDEX "stance_statements_summary_search" ON "stance_statements" USING gin (parley_search_vector("summary"));
CREATE INDEX "comments_body_search" ON "comments" USING gin (parley_search_vector("body"));
