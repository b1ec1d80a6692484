-- The import and correction forms accept texts up to 2 MiB of UTF-8 (MAX_DOCUMENT_BYTES,
-- lib/documents/extract-text.ts), which can be up to 2,097,152 characters; the old cap of
-- 2,000,000 characters turned such a text into an internal error.
ALTER TABLE "document_revisions" DROP CONSTRAINT "document_revisions_text_length";
ALTER TABLE "document_revisions"
  ADD CONSTRAINT "document_revisions_text_length" CHECK (char_length("text") BETWEEN 1 AND 2097152);
