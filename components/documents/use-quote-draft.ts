"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import type { TextAnchor } from "@/lib/evidence/anchor";
import type { QuoteSuggestion } from "@/lib/evidence/suggest";

export type QuoteDraft = { anchor: TextAnchor; suggestion?: QuoteSuggestion };
type StanceStep = { suggestion: QuoteSuggestion; evidenceId: string; saidOn: string };

/** The quote being saved from the reader and, once a suggested one is saved, its stance step. */
export function useQuoteDraft(slug: string, documentId: string) {
  const router = useRouter();
  const [draft, setDraft] = useState<QuoteDraft | null>(null);
  const [stanceStep, setStanceStep] = useState<StanceStep | null>(null);

  function saved(quote: QuoteDraft, evidenceId: string, saidOn: string) {
    if (quote.suggestion) setStanceStep({ suggestion: quote.suggestion, evidenceId, saidOn });
    setDraft(null);
    window.getSelection()?.removeAllRanges();
    router.replace(`/w/${slug}/documents/${documentId}#quote-${evidenceId}`, { scroll: false });
    router.refresh();
  }

  return { draft, setDraft, stanceStep, closeStanceStep: () => setStanceStep(null), saved };
}
