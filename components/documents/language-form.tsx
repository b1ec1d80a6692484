"use client";

import { useRouter } from "next/navigation";
import { useAction } from "next-safe-action/hooks";
import { actionErrorMessage } from "@/components/ui/action-error";
import { setDocumentLanguageAction } from "@/lib/documents/actions";

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
  const router = useRouter();
  const action = useAction(setDocumentLanguageAction, { onSuccess: () => router.refresh() });
  const error = actionErrorMessage(action.result);
  return (
    <form
      aria-label="Language and translation"
      className="mt-2 flex flex-wrap items-end gap-3 text-sm"
      onSubmit={(e) => {
        e.preventDefault();
        const form = new FormData(e.currentTarget);
        const original = String(form.get("translationOfId") ?? "");
        action.execute({
          workspaceSlug: slug,
          documentId,
          language: String(form.get("language") ?? "").trim(),
          translationOfId: original || null,
        });
      }}
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
          aria-describedby={error ? "document-language-error" : undefined}
        />
      </div>
      <div>
        <label htmlFor="document-translation-of" className="block text-xs font-medium text-slate-600">
          Translation of
        </label>
        <select
          id="document-translation-of"
          name="translationOfId"
          defaultValue={translationOfId ?? ""}
          className="mt-1 max-w-xs rounded-md border border-slate-300 px-2 py-1"
          aria-describedby={error ? "document-language-error" : undefined}
        >
          <option value="">— none: this is an original —</option>
          {candidates.map((c) => (
            <option key={c.id} value={c.id}>
              {c.title} ({c.language})
            </option>
          ))}
        </select>
      </div>
      <button
        type="submit"
        disabled={action.isPending}
        className="rounded-md border border-slate-300 px-3 py-1 disabled:opacity-60"
      >
        {action.isPending ? "Saving…" : "Save language"}
      </button>
      {action.hasSucceeded && !action.isPending ? <span role="status">Saved.</span> : null}
      {error ? (
        <p id="document-language-error" role="alert" className="w-full text-red-700">
          {error}
        </p>
      ) : null}
    </form>
  );
}
