"use client";

import { type ReactNode, useRef } from "react";
import { suggestionKey } from "@/components/documents/document-text";
import { EvidenceForm } from "@/components/documents/evidence-form";
import { SelectionToolbar } from "@/components/documents/selection-toolbar";
import { SuggestionCard } from "@/components/documents/suggestion-card";
import { SuggestionStanceStep } from "@/components/documents/suggestion-stance-step";
import { selectRange } from "@/components/documents/text-selection";
import type { EvidenceFormOptions } from "@/lib/documents/data";
import { anchorAt } from "@/lib/evidence/anchor";
import type { QuoteSuggestion } from "@/lib/evidence/suggest";
import { type PassageSelection, usePassageSelection } from "./use-passage-selection";
import { useQuoteDraft } from "./use-quote-draft";
import { useSuggestionReview } from "./use-suggestion-review";

type Props = {
  slug: string;
  document: { id: string; publishedOn: string | null; revision: { id: string; text: string } };
  canEdit: boolean;
  options: EvidenceFormOptions | null;
  suggestions: QuoteSuggestion[];
  children: ReactNode;
};

/** The find bar: selects a passage typed or pasted, for readers who cannot drag a selection. */
function FindBar({ passage }: { passage: PassageSelection }) {
  return (
    // On phones the find bar sits at the bottom of the screen, clear of the text being selected.
    // It never changes height while text is selected: what acts on a selection floats beside it.
    <div className="fixed inset-x-0 bottom-0 z-20 flex flex-wrap items-center gap-2 border-t border-slate-200 bg-white/95 p-2 shadow-[0_-2px_6px_rgb(0_0_0/0.06)] backdrop-blur sm:sticky sm:top-0 sm:bottom-auto sm:z-10 sm:-mx-2 sm:mb-3 sm:rounded-md sm:border sm:shadow-sm">
      <label className="flex min-w-0 flex-1 basis-full items-center gap-2 text-sm sm:basis-auto">
        <span className="shrink-0 font-medium">Find passage</span>
        <input
          value={passage.find}
          onChange={(e) => passage.setFind(e.target.value)}
          onKeyDown={(e) => e.key === "Enter" && (e.preventDefault(), passage.findPassage())}
          placeholder="Type or paste the exact words, then Enter"
          className="w-full rounded-md border border-slate-300 px-2 py-1"
        />
      </label>
      <button
        type="button"
        onClick={passage.findPassage}
        className="rounded-md border border-slate-300 px-3 py-1 text-sm"
      >
        Select
      </button>
      {passage.findMessage ? (
        <p role="alert" className="w-full text-sm text-red-700">
          {passage.findMessage}
        </p>
      ) : null}
    </div>
  );
}

function ReviewHint({ count, onReview }: { count: number; onReview: () => void }) {
  return (
    <p className="mt-4 text-sm text-slate-600">
      {count === 1 ? "1 suggested quote is" : `${count} suggested quotes are`} marked with a dashed underline.{" "}
      <button type="button" onClick={onReview} className="text-indigo-700 underline">
        Review them
      </button>{" "}
      with <kbd>j</kbd> and <kbd>k</kbd>; <kbd>a</kbd> accepts, <kbd>d</kbd> dismisses.
    </p>
  );
}

export function DocumentReader({ slug, document: doc, canEdit, options, suggestions, children }: Props) {
  const container = useRef<HTMLDivElement>(null);
  const wrapper = useRef<HTMLDivElement>(null);
  const { draft, setDraft, stanceStep, closeStanceStep, saved } = useQuoteDraft(slug, doc.id);

  function accept(s: QuoteSuggestion) {
    if (!options) return;
    if (container.current) selectRange(container.current, doc.revision.text, s.start, s.end);
    setDraft({ anchor: anchorAt(doc.revision.text, s.start, s.end), suggestion: s });
  }
  const review = useSuggestionReview({
    container,
    slug,
    revisionId: doc.revision.id,
    suggestions,
    keysEnabled: canEdit && suggestions.length > 0 && !draft && !stanceStep,
    accept,
  });
  const passage = usePassageSelection(container, wrapper, doc.revision.text, Boolean(draft));
  const { active } = review;
  const { selection } = passage;

  return (
    <div>
      {canEdit ? <FindBar passage={passage} /> : null}
      <div ref={wrapper} className={`relative ${canEdit ? "pb-36 sm:pb-0" : ""}`}>
        <div ref={container} tabIndex={-1} className="outline-none">
          {children}
        </div>
        {active && !selection && !draft ? (
          <SuggestionCard
            key={suggestionKey(active.suggestion)}
            wrapper={wrapper}
            suggestion={active.suggestion}
            index={active.index}
            count={suggestions.length}
            dismissing={review.dismissing}
            onAccept={() => accept(active.suggestion)}
            onDismiss={() => review.dismiss(active.suggestion)}
            onClose={review.close}
          />
        ) : null}
        {selection && !draft ? (
          <SelectionToolbar
            wrapper={wrapper}
            selection={selection}
            canEdit={canEdit && Boolean(options)}
            autoFocus={passage.foundByKeyboard}
            onSave={() => setDraft({ anchor: selection })}
            onClose={passage.closeToolbar}
          />
        ) : null}
      </div>
      {canEdit && suggestions.length > 0 ? (
        <ReviewHint count={suggestions.length} onReview={() => review.move(1)} />
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
          onSaved={(evidenceId, saidOn) => {
            review.close();
            saved(draft, evidenceId, saidOn);
          }}
        />
      ) : null}
      {stanceStep ? <SuggestionStanceStep slug={slug} {...stanceStep} onClose={closeStanceStep} /> : null}
    </div>
  );
}
