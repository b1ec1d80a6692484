-- Search that understands words: English stemming ("guarantee" finds "guarantees") beside the
-- 'simple' configuration (names, non-English words and the English stop words that matter here,
-- such as "US"), both over unaccented text ("Lavróv" finds "Lavrov"). unaccent() is STABLE
-- because its dictionary could change; naming the dictionary and the configurations makes this
-- wrapper safe to declare IMMUTABLE, which an index expression needs.
CREATE EXTENSION IF NOT EXISTS unaccent SCHEMA public;

CREATE FUNCTION parley_search_vector(body text) RETURNS tsvector
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  RETURN to_tsvector('pg_catalog.english'::regconfig, public.unaccent('public.unaccent'::regdictionary, body))
      || to_tsvector('pg_catalog.simple'::regconfig, public.unaccent('public.unaccent'::regdictionary, body));

DROP INDEX IF EXISTS "document_revisions_text_search";
DROP INDEX IF EXISTS "evidence_exact_search";

CREATE INDEX "document_revisions_text_search" ON "document_revisions" USING gin (parley_search_vector("text"));
CREATE INDEX "evidence_exact_search" ON "evidence" USING gin (parley_search_vector("exact"));
CREATE INDEX "stance_statements_summary_search" ON "stance_statements" USING gin (parley_search_vector("summary"));
CREATE INDEX "comments_body_search" ON "comments" USING gin (parley_search_vector("body"));
