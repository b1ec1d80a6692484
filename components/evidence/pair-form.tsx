"use client";

import { useRouter } from "next/navigation";
import { useAction } from "next-safe-action/hooks";
import { useId } from "react";
import { actionErrorMessage } from "@/components/ui/action-error";
import { pairQuoteAction, unpairQuoteAction } from "@/lib/evidence/actions";

type Props = {
  slug: string;
  evidenceId: string;
  documentId: string;
  /** Translations of this quote's document that have no passage paired with it yet. */
  translations: { id: string; title: string; language: string }[];
  /** For a quote of a translation: the original's quotes it could render. */
  originals: { id: string; exact: string }[];
};

/** Pairs a quote with its counterpart: a passage of a translation by its exact words, or a quote of the original. */
export function PairForm({ slug, evidenceId, documentId, translations, originals }: Props) {
  const router = useRouter();
  const id = useId();
  const action = useAction(pairQuoteAction, { onSuccess: () => router.refresh() });
  const error = actionErrorMessage(action.result);
  if (translations.length === 0 && originals.length === 0) return null;
  return (
    <form
      aria-label={translations.length > 0 ? "Pair with the translation" : "Pair with the original"}
      className="mt-4 space-y-2 rounded-md border border-slate-200 bg-white p-4 text-sm"
      onSubmit={(e) => {
        e.preventDefault();
        const form = new FormData(e.currentTarget);
        if (translations.length > 0)
          action.execute({
            workspaceSlug: slug,
            originalId: evidenceId,
            documentId: String(form.get("documentId") ?? ""),
            exact: String(form.get("exact") ?? ""),
          });
        else
          action.execute({
            workspaceSlug: slug,
            originalId: String(form.get("originalId") ?? ""),
            documentId,
            translationId: evidenceId,
          });
      }}
    >
      {translations.length > 0 ? (
        <>
          <label htmlFor={`${id}-document`} className="block font-medium">
            Translation
          </label>
          <select
            id={`${id}-document`}
            name="documentId"
            className="w-full rounded-md border border-slate-300 px-2 py-1"
          >
            {translations.map((t) => (
              <option key={t.id} value={t.id}>
                {t.title} ({t.language})
              </option>
            ))}
          </select>
          <label htmlFor={`${id}-exact`} className="block font-medium">
            The same words in the translation, exactly as there
          </label>
          <textarea
            id={`${id}-exact`}
            name="exact"
            required
            rows={3}
            aria-describedby={error ? `${id}-error` : undefined}
            className="w-full rounded-md border border-slate-300 px-2 py-1 font-serif"
          />
        </>
      ) : (
        <>
          <label htmlFor={`${id}-original`} className="block font-medium">
            Translation of this quote of the original
          </label>
          <select
            id={`${id}-original`}
            name="originalId"
            className="w-full rounded-md border border-slate-300 px-2 py-1"
          >
            {originals.map((o) => (
              <option key={o.id} value={o.id}>
                “{o.exact.length > 120 ? `${o.exact.slice(0, 120)}…` : o.exact}”
              </option>
            ))}
          </select>
        </>
      )}
      <button
        type="submit"
        disabled={action.isPending}
        className="rounded-md bg-indigo-700 px-3 py-1.5 font-medium text-white disabled:opacity-60"
      >
        {action.isPending
          ? "Pairing…"
          : translations.length > 0
            ? "Pair with the translation"
            : "Pair with the original"}
      </button>
      {error ? (
        <p id={`${id}-error`} role="alert" className="text-red-700">
          {error}
        </p>
      ) : null}
    </form>
  );
}

/** Ends a pairing from the translation's side; both quotes stay. */
export function UnpairButton({ slug, evidenceId }: { slug: string; evidenceId: string }) {
  const router = useRouter();
  const action = useAction(unpairQuoteAction, { onSuccess: () => router.refresh() });
  const error = actionErrorMessage(action.result);
  return (
    <>
      <button
        type="button"
        disabled={action.isPending}
        onClick={() => action.execute({ workspaceSlug: slug, evidenceId })}
        className="rounded-md border border-slate-300 px-3 py-1 text-sm disabled:opacity-60"
      >
        {action.isPending ? "Unpairing…" : "Unpair from the original"}
      </button>
      {error ? (
        <span role="alert" className="ml-2 text-sm text-red-700">
          {error}
        </span>
      ) : null}
    </>
  );
}
