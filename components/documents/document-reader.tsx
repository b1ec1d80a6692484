"use client";

import { useRouter } from "next/navigation";
import { useAction } from "next-safe-action/hooks";
import { type ReactNode, useEffect, useRef, useState } from "react";
import { suggestionKey } from "@/components/documents/document-text";
import { EvidenceForm } from "@/components/documents/evidence-form";
import { SelectionToolbar } from "@/components/documents/selection-toolbar";
import { SuggestionCard } from "@/components/documents/suggestion-card";
import { SuggestionStanceStep } from "@/components/documents/suggestion-stance-step";
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
  const [activeKey, setActiveKey] = useState<string | null>(null);
  const [stanceStep, setStanceStep] = useState<{
    suggestion: QuoteSuggestion;
    evidenceId: string;
    saidOn: string;
  } | null>(null);
  const activeIndex = activeKey ? suggestions.findIndex((s) => suggestionKey(s) === activeKey) : -1;
  const active = activeIndex >= 0 ? { suggestion: suggestions[activeIndex]!, index: activeIndex } : null;

  useEffect(() => {
    const root = container.current;
    if (!root) return;
    for (const el of root.querySelectorAll("mark.suggestion[data-active]")) el.removeAttribute("data-active");
    if (!activeKey) return;
    for (const el of root.querySelectorAll(`mark.suggestion[data-suggestion="${CSS.escape(activeKey)}"]`))
      el.setAttribute("data-active", "true");
  });

  function focusSuggestion(s: QuoteSuggestion) {
    const key = suggestionKey(s);
    setActiveKey(key);
    const mark = container.current?.querySelector<HTMLElement>(
      `mark.suggestion[data-suggestion="${CSS.escape(key)}"][data-suggestion-start]`,
    );
    mark?.focus({ preventScroll: true });
    // To the top (below the sticky bar, by the mark's scroll margin), leaving room for the card under it.
    mark?.scrollIntoView({ block: "start" });
  }

  function move(step: 1 | -1) {
    if (suggestions.length === 0) return;
    const next =
      activeIndex < 0
        ? step === 1
          ? 0
          : suggestions.length - 1
        : (activeIndex + step + suggestions.length) % suggestions.length;
    focusSuggestion(suggestions[next]!);
  }

  function accept(s: QuoteSuggestion) {
    if (!options) return;
    if (container.current) selectRange(container.current, doc.revision.text, s.start, s.end);
    setDraft({ anchor: anchorAt(doc.revision.text, s.start, s.end), suggestion: s });
  }

  function dismissSuggestion(s: QuoteSuggestion) {
    if (dismiss.isPending) return;
    dismiss.execute({ workspaceSlug: slug, revisionId: doc.revision.id, startOffset: s.start, endOffset: s.end });
    const rest = suggestions.filter((other) => other !== s);
    const next = rest.find((other) => other.start > s.start) ?? rest[0];
    if (next) focusSuggestion(next);
    else {
      setActiveKey(null);
      container.current?.focus({ preventScroll: true });
    }
  }

  function suggestionAt(target: EventTarget) {
    const mark = target instanceof Element ? target.closest<HTMLElement>("mark.suggestion") : null;
    const key = mark?.dataset.suggestion;
    return key ? suggestions.find((s) => suggestionKey(s) === key) : undefined;
  }

  // The marks are rendered by the server; their focus and clicks are listened to here.
  useEffect(() => {
    const root = container.current;
    if (!root) return;
    const onFocus = (e: FocusEvent) => {
      const s = e.target && suggestionAt(e.target);
      if (s) setActiveKey(suggestionKey(s));
    };
    const onClick = (e: MouseEvent) => {
      // A click that ends a drag selects text: the selection toolbar answers it, not the card.
      if (!window.getSelection()?.isCollapsed) return;
      const s = e.target && suggestionAt(e.target);
      if (s) focusSuggestion(s);
    };
    // Chromium starts no drag selection inside a focusable inline element: the pressed mark is
    // unfocusable until the pointer is released (a plain click then focuses it, from onClick).
    const onPointerDown = (e: PointerEvent) => {
      const mark = e.target instanceof Element ? e.target.closest("mark.suggestion[tabindex]") : null;
      if (!mark || e.button !== 0) return;
      mark.removeAttribute("tabindex");
      const restore = () => {
        mark.setAttribute("tabindex", "0");
        window.removeEventListener("pointerup", restore);
        window.removeEventListener("pointercancel", restore);
      };
      window.addEventListener("pointerup", restore);
      window.addEventListener("pointercancel", restore);
    };
    root.addEventListener("pointerdown", onPointerDown);
    root.addEventListener("focusin", onFocus);
    root.addEventListener("click", onClick);
    return () => {
      root.removeEventListener("pointerdown", onPointerDown);
      root.removeEventListener("focusin", onFocus);
      root.removeEventListener("click", onClick);
    };
  });

  // j/k/a/d review the suggestions, except while typing, with a modifier held, or in a dialog.
  useEffect(() => {
    if (!canEdit || suggestions.length === 0 || draft || stanceStep) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.isComposing || e.ctrlKey || e.metaKey || e.altKey || e.shiftKey) return;
      const target = e.target instanceof Element ? e.target : null;
      if (target?.closest("input, textarea, select, [contenteditable]:not([contenteditable='false']), [role='dialog']"))
        return;
      if (e.key === "j" || e.key === "k") {
        e.preventDefault();
        move(e.key === "j" ? 1 : -1);
      } else if ((e.key === "a" || e.key === "d") && active) {
        e.preventDefault();
        if (e.key === "a") accept(active.suggestion);
        else dismissSuggestion(active.suggestion);
      } else if (e.key === "Escape" && active) setActiveKey(null);
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  });

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
        {active && !selection && !draft ? (
          <SuggestionCard
            key={suggestionKey(active.suggestion)}
            wrapper={wrapper}
            suggestion={active.suggestion}
            index={active.index}
            count={suggestions.length}
            dismissing={dismiss.isPending}
            onAccept={() => accept(active.suggestion)}
            onDismiss={() => dismissSuggestion(active.suggestion)}
            onClose={() => setActiveKey(null)}
          />
        ) : null}
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
        <p className="mt-4 text-sm text-slate-600">
          {suggestions.length === 1 ? "1 suggested quote is" : `${suggestions.length} suggested quotes are`} marked with
          a dashed underline.{" "}
          <button type="button" onClick={() => move(1)} className="text-indigo-700 underline">
            Review them
          </button>{" "}
          with <kbd>j</kbd> and <kbd>k</kbd>; <kbd>a</kbd> accepts, <kbd>d</kbd> dismisses.
        </p>
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
            if (draft.suggestion) setStanceStep({ suggestion: draft.suggestion, evidenceId, saidOn });
            setActiveKey(null);
            setDraft(null);
            window.getSelection()?.removeAllRanges();
            router.replace(`/w/${slug}/documents/${doc.id}#quote-${evidenceId}`, { scroll: false });
            router.refresh();
          }}
        />
      ) : null}
      {stanceStep ? <SuggestionStanceStep slug={slug} {...stanceStep} onClose={() => setStanceStep(null)} /> : null}
    </div>
  );
}
