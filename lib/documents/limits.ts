// How large a document may be, apart from the extraction code that enforces it (extract-text.ts),
// so that forms, routes and the import file's schema can name the limits without loading PDF and
// Word parsers.

/** The stored text of one revision (quote offsets count in it); the document_revisions_text_length check agrees. */
export const MAX_DOCUMENT_BYTES = 2 * 1024 * 1024;
/** An uploaded file (a PDF's fonts and images make it far larger than its text). */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;
