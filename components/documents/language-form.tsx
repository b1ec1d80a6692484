"use client";

import { useLanguageForm } from "./use-language-form";

type Candidate = { id: string; title: string; language: string };

/** A document's language (guessed on import) and the original it translates, if any. */
export function LanguageForm({
  slug,
  documentId,
  language,
  translationOfId,
  candidates,
}: {
  slug: string;
  documentId: string;
  language: string;
  translationOfId: string | null;
  candidates: Candidate[];
}) {
  const { pending, saved, error, onSubmit } = useLanguageForm(slug, documentId);
  const describedBy = error ? "document-language-error" : undefined;
  return (
    <form
      aria-label="Language and translation"
      className="mt-2 flex flex-wrap items-end gap-3 text-sm"
      onSubmit={onSubmit}
    >
      <div>
        <label htmlFor="document-language" className="block text-xs font-medium text-slate-600">
          Language
        </label>
        <input
          id="document-language"
          name="language"
          defaultValue={language}
          required
          size={6}
          className="mt-1 rounded-md border border-slate-300 px-2 py-1"
          aria-describedby={describedBy}
        />
      </div>
      <TranslationOfField translationOfId={translationOfId} candidates={candidates} describedBy={describedBy} />
      <button
        type="submit"
        disabled={pending}
        className="rounded-md border border-slate-300 px-3 py-1 disabled:opacity-60"
      >
        {pending ? "Saving…" : "Save language"}
      </button>
      {saved && !pending ? <span role="status">Saved.</span> : null}
      {error ? (
        <p id="document-language-error" role="alert" className="w-full text-red-700">
          {error}
        </p>
      ) : null}
    </form>
  );
}

function TranslationOfField({
  translationOfId,
  candidates,
  describedBy,
}: {
  translationOfId: string | null;
  candidates: Candidate[];
  describedBy: string | undefined;
}) {
  return (
    <div>
      <label htmlFor="document-translation-of" className="block text-xs font-medium text-slate-600">
        Translation of
      </label>
      <select
        id="document-translation-of"
        name="translationOfId"
        defaultValue={translationOfId ?? ""}
        className="mt-1 max-w-xs rounded-md border border-slate-300 px-2 py-1"
        aria-describedby={describedBy}
      >
        <option value="">— none: this is an original —</option>
        {candidates.map((c) => (
          <option key={c.id} value={c.id}>
            {c.title} ({c.language})
          </option>
        ))}
      </select>
    </div>
  );
}
