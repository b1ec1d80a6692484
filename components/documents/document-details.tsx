import Link from "next/link";
import { LanguageForm } from "@/components/documents/language-form";
import type { DocumentView } from "@/lib/documents/data";
import { httpUrl } from "@/lib/exports/text";
import { readerDates } from "@/lib/platform/format/reader-locale";

/** The document's outlet, date, revision and links. */
export async function DocumentDetails({
  slug,
  document,
  canCorrect,
  hasOriginalFile,
}: {
  slug: string;
  document: DocumentView;
  canCorrect: boolean;
  hasOriginalFile: boolean;
}) {
  const dates = await readerDates();
  // Stored addresses predate the http(s)-only check: a data: or javascript: one is no link.
  const sourceUrl = document.url ? httpUrl(document.url) : null;
  return (
    <p className="mt-1 text-sm text-slate-600">
      {[
        document.outlet,
        document.publishedOn ? dates.calendar(document.publishedOn) : "date not printed",
        `revision ${document.revision.number} of ${document.revisionCount}`,
      ]
        .filter(Boolean)
        .join(" · ")}
      {sourceUrl ? (
        <>
          {" "}
          ·{" "}
          <a href={sourceUrl} rel="noopener noreferrer" className="underline">
            source
          </a>
        </>
      ) : null}
      {canCorrect ? (
        <>
          {" "}
          ·{" "}
          <Link href={`/w/${slug}/documents/${document.id}/correct`} className="text-indigo-700 underline">
            Correct the text
          </Link>
        </>
      ) : null}
      {document.revision.pageStarts.length > 0 ? ` · ${document.revision.pageStarts.length} pages` : ""}
      {hasOriginalFile ? (
        <>
          {" "}
          ·{" "}
          <a href={`/api/w/${slug}/documents/${document.id}/file`} className="text-indigo-700 underline" download>
            Original file
          </a>
        </>
      ) : null}
      {" · "}
      <Link href={`/w/${slug}/activity?document=${document.id}`} className="text-indigo-700 underline">
        Activity
      </Link>
    </p>
  );
}

/** The document's language and its translations, with the form that sets them for an editor. */
export function DocumentLanguage({
  slug,
  document,
  originals,
}: {
  slug: string;
  document: DocumentView;
  /** Documents it may be marked a translation of; null when the viewer may not edit documents. */
  originals: { id: string; title: string; language: string }[] | null;
}) {
  return (
    <>
      <p className="mt-1 text-sm text-slate-600">
        Language: {document.language}
        {document.translationOf ? (
          <>
            {" · "}translation of{" "}
            <Link href={`/w/${slug}/documents/${document.translationOf.id}`} className="text-indigo-700 underline">
              {document.translationOf.title}
            </Link>{" "}
            ({document.translationOf.language})
          </>
        ) : null}
        {document.translations.length > 0 ? (
          <>
            {" · "}translated in{" "}
            {document.translations.map((t, i) => (
              <span key={t.id}>
                {i > 0 ? ", " : ""}
                <Link href={`/w/${slug}/documents/${t.id}`} className="text-indigo-700 underline">
                  {t.title}
                </Link>{" "}
                ({t.language})
              </span>
            ))}
          </>
        ) : null}
      </p>
      {originals ? (
        <LanguageForm
          slug={slug}
          documentId={document.id}
          language={document.language}
          translationOfId={document.translationOf?.id ?? null}
          candidates={document.translations.length > 0 ? [] : originals}
        />
      ) : null}
    </>
  );
}
