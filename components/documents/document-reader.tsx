"use client";

import { useEffect, useRef, useState, type ReactNode } from "react";
import { useRouter } from "next/navigation";
import { useAction } from "next-safe-action/hooks";
import { dismissSuggestionAction } from "@/lib/documents/actions";
import { anchorAt, locateQuote, type TextAnchor } from "@/lib/evidence/anchor";
import type { EvidenceFormOptions } from "@/lib/documents/data";
import type { QuoteSuggestion } from "@/lib/evidence/suggest";
import { selectionAnchor, selectRange } from "@/components/documents/text-selection";
import { EvidenceForm } from "@/components/documents/evidence-form";
import { CopyLinkButton } from "@/components/ui/copy-link-button";

type Props = {
  slug: string;
  document: { id: string; publishedOn: string | null; revision: { id: string; text: string } };
  canEdit: boolean;
  options: EvidenceFormOptions | null;
  suggestions: QuoteSuggestion[];
  children: ReactNode;
};

export function DocumentReader({ slug, document: doc, canEdit, options, suggestions, children }: Props) {
  const container = useRef<HTMLDivElement>(null);
  const router = useRouter();
  const [selection, setSelection] = useState<TextAnchor | null>(null);
  const [draft, setDraft] = useState<{ anchor: TextAnchor; suggestion?: QuoteSuggestion } | null>(null);
  const [find, setFind] = useState("");
  const [findMessage, setFindMessage] = useState<string | null>(null);
  const dismiss = useAction(dismissSuggestionAction, { onSuccess: () => router.refresh() });

  useEffect(() => {
    const update = () => container.current && setSelection(selectionAnchor(container.current, doc.revision.text));
    document.addEventListener("selectionchange", update);
    return () => document.removeEventListener("selectionchange", update);
  }, [doc.revision.text]);

  function findPassage() {
    const anchor = locateQuote(doc.revision.text, find);
    if (!anchor || !container.current) {
      setFindMessage(find ? "Those exact words are not in the text." : "Type the words to select.");
      return;
    }
    setFindMessage(null);
    selectRange(container.current, doc.revision.text, anchor.startOffset, anchor.endOffset);
    setSelection(anchor);
  }

  return (
    <div>
      {canEdit ? (
        <div className="sticky top-0 z-10 -mx-2 mb-3 flex flex-wrap items-center gap-2 rounded-md border border-slate-200 bg-white/95 p-2 shadow-sm backdrop-blur">
          <label className="flex flex-1 items-center gap-2 text-sm">
            <span className="shrink-0 font-medium">Find passage</span>
            <input
              value={find}
              onChange={(e) => setFind(e.target.value)}
              onKeyDown={(e) => e.key === "Enter" && (e.preventDefault(), findPassage())}
              placeholder="Type or paste the exact words, then Enter"
              className="w-full rounded-md border border-slate-300 px-2 py-1"
            />
          </label>
          <button type="button" onClick={findPassage} className="rounded-md border border-slate-300 px-3 py-1 text-sm">Select</button>
          <button
            type="button"
            disabled={!selection}
            onClick={() => selection && setDraft({ anchor: selection })}
            className="rounded-md bg-indigo-700 px-3 py-1 text-sm font-medium text-white disabled:opacity-40"
            title={selection ? "Save the selected passage as evidence" : "Select a passage in the text first"}
          >
            Save as evidence
          </button>
          {findMessage ? <p role="alert" className="w-full text-sm text-red-700">{findMessage}</p> : null}
          {selection ? (
            <p className="flex w-full items-center gap-2 truncate text-xs text-slate-500">
              <span className="truncate">Selected: “{selection.exact}” (characters {selection.startOffset}–{selection.endOffset})</span>
              <CopyLinkButton href={`?at=${selection.startOffset}-${selection.endOffset}`} label="Copy link to this passage" />
            </p>
          ) : null}
        </div>
      ) : null}
      <div ref={container}>{children}</div>
      {canEdit && suggestions.length > 0 ? (
        <section aria-label="Suggested quotes" className="mt-6 rounded-lg border border-indigo-200 bg-indigo-50/50 p-4">
          <h2 className="text-sm font-semibold uppercase tracking-wide text-indigo-900">{suggestions.length} suggested quotes</h2>
          <p className="text-xs text-indigo-900/70">Passages that look like attributed statements. Accept to review and save one; dismiss the rest.</p>
          <ul className="mt-3 space-y-2">
            {suggestions.map((s) => (
              <li key={`${s.start}-${s.end}`} className="rounded-md border border-indigo-100 bg-white p-3 text-sm">
                <p className="font-serif">“{s.text}”</p>
                <p className="mt-1 text-xs text-slate-500">{s.speaker?.name ?? s.speakerName ?? "Speaker unknown"} · {s.kind === "DIRECT_QUOTE" ? "direct quote" : "reported speech"} · cue “{s.cue}”</p>
                <div className="mt-2 flex gap-2">
                  <button
                    type="button"
                    onClick={() => {
                      if (container.current) selectRange(container.current, doc.revision.text, s.start, s.end);
                      setDraft({ anchor: anchorAt(doc.revision.text, s.start, s.end), suggestion: s });
                    }}
                    className="rounded-md bg-indigo-700 px-3 py-1 text-xs font-medium text-white"
                  >
                    Accept…
                  </button>
                  <button type="button" disabled={dismiss.isPending} onClick={() => dismiss.execute({ workspaceSlug: slug, revisionId: doc.revision.id, startOffset: s.start, endOffset: s.end })} className="rounded-md border border-slate-300 px-3 py-1 text-xs disabled:opacity-50">
                    Dismiss
                  </button>
                </div>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {draft && options ? (
        <EvidenceForm
          slug={slug}
          documentId={doc.id}
          revisionId={doc.revision.id}
          publishedOn={doc.publishedOn}
          anchor={draft.anchor}
          suggestion={draft.suggestion}
          options={options}
          onClose={() => setDraft(null)}
          onSaved={(evidenceId) => {
            setDraft(null);
            window.getSelection()?.removeAllRanges();
            router.replace(`/w/${slug}/documents/${doc.id}#quote-${evidenceId}`, { scroll: false });
            router.refresh();
          }}
        />
      ) : null}
    </div>
  );
}
