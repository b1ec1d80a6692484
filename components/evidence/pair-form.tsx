"use client";

import { useRouter } from "next/navigation";
import { useAction } from "next-safe-action/hooks";
import { ActionButton } from "@/components/ui/action-button";
import { actionErrorMessage } from "@/components/ui/action-error";
import { unpairQuoteAction } from "@/lib/evidence/actions";
import { usePairForm } from "./use-pair-form";

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
  const { id, pending, error, onSubmit } = usePairForm(slug, evidenceId, documentId, translations.length > 0);
  if (translations.length === 0 && originals.length === 0) return null;
  return (
    <form
      aria-label={translations.length > 0 ? "Pair with the translation" : "Pair with the original"}
      className="mt-4 space-y-2 rounded-md border border-slate-200 bg-white p-4 text-sm"
      onSubmit={onSubmit}
    >
      {translations.length > 0 ? (
        <TranslationPassageFields id={id} translations={translations} error={error} />
      ) : (
        <OriginalQuoteField id={id} originals={originals} />
      )}
      <button
        type="submit"
        disabled={pending}
        className="rounded-md bg-indigo-700 px-3 py-1.5 font-medium text-white disabled:opacity-60"
      >
        {pending ? "Pairing…" : translations.length > 0 ? "Pair with the translation" : "Pair with the original"}
      </button>
      {error ? (
        <p id={`${id}-error`} role="alert" className="text-red-700">
          {error}
        </p>
      ) : null}
    </form>
  );
}

function TranslationPassageFields({
  id,
  translations,
  error,
}: {
  id: string;
  translations: Props["translations"];
  error: string | null;
}) {
  return (
    <>
      <label htmlFor={`${id}-document`} className="block font-medium">
        Translation
      </label>
      <select id={`${id}-document`} name="documentId" className="w-full rounded-md border border-slate-300 px-2 py-1">
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
  );
}

function OriginalQuoteField({ id, originals }: { id: string; originals: Props["originals"] }) {
  return (
    <>
      <label htmlFor={`${id}-original`} className="block font-medium">
        Translation of this quote of the original
      </label>
      <select id={`${id}-original`} name="originalId" className="w-full rounded-md border border-slate-300 px-2 py-1">
        {originals.map((o) => (
          <option key={o.id} value={o.id}>
            “{o.exact.length > 120 ? `${o.exact.slice(0, 120)}…` : o.exact}”
          </option>
        ))}
      </select>
    </>
  );
}

/** Ends a pairing from the translation's side; both quotes stay. */
export function UnpairButton({ slug, evidenceId }: { slug: string; evidenceId: string }) {
  const router = useRouter();
  const action = useAction(unpairQuoteAction, { onSuccess: () => router.refresh() });
  const error = actionErrorMessage(action.result);
  return (
    <ActionButton
      onClick={() => action.execute({ workspaceSlug: slug, evidenceId })}
      pending={action.isPending}
      pendingLabel="Unpairing…"
      error={error}
    >
      Unpair from the original
    </ActionButton>
  );
}
