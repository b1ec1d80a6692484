-- Each searchable text keeps its search vector (parley_search_vector, see the translations
-- migration) in a generated column instead of an index on the expression. The index answered
-- "which rows match" without computing anything, but ranking them (ts_rank) computed the vector
-- again for every match on every search: three parses of each document's whole text, most of the
-- time of a search. The columns are computed once, when a row is written.
--
-- Should parley_search_vector change again, a migration must recompute these columns (drop and
-- add them): PostgreSQL does not recompute a stored generated column when its function changes.
DROP INDEX "document_revisions_text_search";
DROP INDEX "evidence_exact_search";
DROP INDEX "stance_statements_summary_search";
DROP INDEX "comments_body_search";

ALTER TABLE "document_revisions" ADD COLUMN "searchVector" tsvector GENERATED ALWAYS AS (parley_search_vector("text")) STORED;
ALTER TABLE "evidence" ADD COLUMN "searchVector" tsvector GENERATED ALWAYS AS (parley_search_vector("exact")) STORED;
ALTER TABLE "stance_statements" ADD COLUMN "searchVector" tsvector GENERATED ALWAYS AS (parley_search_vector("summary")) STORED;
ALTER TABLE "comments" ADD COLUMN "searchVector" tsvector GENERATED ALWAYS AS (parley_search_vector("body")) STORED;

CREATE INDEX "document_revisions_search_vector" ON "document_revisions" USING gin ("searchVector");
CREATE INDEX "evidence_search_vector" ON "evidence" USING gin ("searchVector");
CREATE INDEX "stance_statements_search_vector" ON "stance_statements" USING gin ("searchVector");
CREATE INDEX "comments_search_vector" ON "comments" USING gin ("searchVector");
