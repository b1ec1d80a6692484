"use client";

import { useRouter } from "next/navigation";
import { useAction } from "next-safe-action/hooks";
import { type ReactNode, useEffect, useRef, useState } from "react";
import { EvidenceForm } from "@/components/documents/evidence-form";
import { SelectionToolbar } from "@/components/documents/selection-toolbar";
import { selectionAnchor, selectRange } from "@/components/documents/text-selection";
import { dismissSuggestionAction } from "@/lib/documents/actions";
import type { EvidenceFormOptions } from "@/lib/documents/data";
import { anchorAt, locateQuote, type TextAnchor } from "@/lib/evidence/anchor";
import type { QuoteSuggestion } from "@/lib/evidence/suggest";

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
  const wrapper = useRef<HTMLDivElement>(null);
  const router = useRouter();
  const [selection, setSelection] = useState<TextAnchor | null>(null);
  const [draft, setDraft] = useState<{ anchor: TextAnchor; suggestion?: QuoteSuggestion } | null>(null);
  const [find, setFind] = useState("");
  const foundByKeyboard = useRef(false);
  const [findMessage, setFindMessage] = useState<string | null>(null);
  const dismiss = useAction(dismissSuggestionAction, { onSuccess: () => router.refresh() });

  useEffect(() => {
    const update = () => {
      if (!container.current) return;
      setSelection(selectionAnchor(container.current, doc.revision.text));
    };
    document.addEventListener("selectionchange", update);
    return () => document.removeEventListener("selectionchange", update);
  }, [doc.revision.text]);

  useEffect(() => {
    if (!selection || draft) return;
    const onKey = (e: KeyboardEvent) => e.key === "Escape" && closeToolbar();
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  });

  function closeToolbar() {
    const inToolbar = wrapper.current?.contains(document.activeElement) ?? false;
    window.getSelection()?.removeAllRanges();
    setSelection(null);
    if (inToolbar) container.current?.focus({ preventScroll: true });
  }

  function findPassage() {
    const anchor = locateQuote(doc.revision.text, find);
    if (!anchor || !container.current) {
      setFindMessage(find ? "Those exact words are not in the text." : "Type the words to select.");
      return;
    }
    setFindMessage(null);
    selectRange(container.current, doc.revision.text, anchor.startOffset, anchor.endOffset);
    setSelection(anchor);
    foundByKeyboard.current = true;
  }

  return (
    <div>
      {canEdit ? (
        // On phones the find bar sits at the bottom of the screen, clear of the text being selected.
        // It never changes height while text is selected: what acts on a selection floats beside it.
        <div className="fixed inset-x-0 bottom-0 z-20 flex flex-wrap items-center gap-2 border-t border-slate-200 bg-white/95 p-2 shadow-[0_-2px_6px_rgb(0_0_0/0.06)] backdrop-blur sm:sticky sm:top-0 sm:bottom-auto sm:z-10 sm:-mx-2 sm:mb-3 sm:rounded-md sm:border sm:shadow-sm">
          <label className="flex min-w-0 flex-1 basis-full items-center gap-2 text-sm sm:basis-auto">
            <span className="shrink-0 font-medium">Find passage</span>
            <input
              value={find}
              onChange={(e) => setFind(e.target.value)}
              onKeyDown={(e) => e.key === "Enter" && (e.preventDefault(), findPassage())}
              placeholder="Type or paste the exact words, then Enter"
              className="w-full rounded-md border border-slate-300 px-2 py-1"
            />
          </label>
          <button type="button" onClick={findPassage} className="rounded-md border border-slate-300 px-3 py-1 text-sm">
            Select
          </button>
          {findMessage ? (
            <p role="alert" className="w-full text-sm text-red-700">
              {findMessage}
            </p>
          ) : null}
        </div>
      ) : null}
      <div ref={wrapper} className={`relative ${canEdit ? "pb-36 sm:pb-0" : ""}`}>
        <div ref={container} tabIndex={-1} className="outline-none">
          {children}
        </div>
        {selection && !draft ? (
          <SelectionToolbar
            wrapper={wrapper}
            selection={selection}
            canEdit={canEdit && Boolean(options)}
            autoFocus={foundByKeyboard}
            onSave={() => setDraft({ anchor: selection })}
            onClose={closeToolbar}
          />
        ) : null}
      </div>
      {canEdit && suggestions.length > 0 ? (
        <section aria-label="Suggested quotes" className="mt-6 rounded-lg border border-indigo-200 bg-indigo-50/50 p-4">
          <h2 className="text-sm font-semibold uppercase tracking-wide text-indigo-900">
            {suggestions.length} suggested quotes
          </h2>
          <p className="text-xs text-indigo-900/70">
            Passages that look like attributed statements. Accept to review and save one; dismiss the rest.
          </p>
          <ul className="mt-3 space-y-2">
            {suggestions.map((s) => (
              <li key={`${s.start}-${s.end}`} className="rounded-md border border-indigo-100 bg-white p-3 text-sm">
                <p className="font-serif">“{s.text}”</p>
                <p className="mt-1 text-xs text-slate-500">
                  {s.speaker?.name ?? s.speakerName ?? "Speaker unknown"} ·{" "}
                  {s.kind === "DIRECT_QUOTE" ? "direct quote" : "reported speech"} · cue “{s.cue}”
                </p>
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
                  <button
                    type="button"
                    disabled={dismiss.isPending}
                    onClick={() =>
                      dismiss.execute({
                        workspaceSlug: slug,
                        revisionId: doc.revision.id,
                        startOffset: s.start,
                        endOffset: s.end,
                      })
                    }
                    className="rounded-md border border-slate-300 px-3 py-1 text-xs disabled:opacity-50"
                  >
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
