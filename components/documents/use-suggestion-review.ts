"use client";

import { useRouter } from "next/navigation";
import { useAction } from "next-safe-action/hooks";
import { type RefObject, useEffect, useState } from "react";
import { suggestionKey } from "@/components/documents/document-text";
import { dismissSuggestionAction } from "@/lib/documents/actions";
import type { QuoteSuggestion } from "@/lib/evidence/suggest";

type Container = RefObject<HTMLDivElement | null>;

/** Marks the active suggestion's marks, and follows focus and clicks on the server-rendered marks. */
function useSuggestionMarks(
  container: Container,
  suggestions: QuoteSuggestion[],
  activeKey: string | null,
  setActiveKey: (key: string | null) => void,
  focusSuggestion: (s: QuoteSuggestion) => void,
) {
  useEffect(() => {
    const root = container.current;
    if (!root) return;
    for (const el of root.querySelectorAll("mark.suggestion[data-active]")) el.removeAttribute("data-active");
    if (!activeKey) return;
    for (const el of root.querySelectorAll(`mark.suggestion[data-suggestion="${CSS.escape(activeKey)}"]`))
      el.setAttribute("data-active", "true");
  });

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
}

type ReviewKeys = {
  /** Off without edit rights, without suggestions, or while the evidence form or stance step is open. */
  enabled: boolean;
  active: { suggestion: QuoteSuggestion } | null;
  move: (step: 1 | -1) => void;
  accept: (s: QuoteSuggestion) => void;
  dismiss: (s: QuoteSuggestion) => void;
  close: () => void;
};

// j/k/a/d review the suggestions, except while typing, with a modifier held, or in a dialog.
function useReviewKeys({ enabled, active, move, accept, dismiss, close }: ReviewKeys) {
  useEffect(() => {
    if (!enabled) return;
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
        else dismiss(active.suggestion);
      } else if (e.key === "Escape" && active) close();
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  });
}

type Review = {
  container: Container;
  slug: string;
  revisionId: string;
  suggestions: QuoteSuggestion[];
  keysEnabled: boolean;
  accept: (s: QuoteSuggestion) => void;
};

/** The suggestion under review: moving between the marks, dismissing one, and the review keys. */
export function useSuggestionReview({ container, slug, revisionId, suggestions, keysEnabled, accept }: Review) {
  const router = useRouter();
  const dismiss = useAction(dismissSuggestionAction, { onSuccess: () => router.refresh() });
  const [activeKey, setActiveKey] = useState<string | null>(null);
  const activeIndex = activeKey ? suggestions.findIndex((s) => suggestionKey(s) === activeKey) : -1;
  const active = activeIndex >= 0 ? { suggestion: suggestions[activeIndex]!, index: activeIndex } : null;

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

  function dismissSuggestion(s: QuoteSuggestion) {
    if (dismiss.isPending) return;
    dismiss.execute({ workspaceSlug: slug, revisionId, startOffset: s.start, endOffset: s.end });
    const rest = suggestions.filter((other) => other !== s);
    const next = rest.find((other) => other.start > s.start) ?? rest[0];
    if (next) focusSuggestion(next);
    else {
      setActiveKey(null);
      container.current?.focus({ preventScroll: true });
    }
  }

  const close = () => setActiveKey(null);
  useSuggestionMarks(container, suggestions, activeKey, setActiveKey, focusSuggestion);
  useReviewKeys({ enabled: keysEnabled, active, move, accept, dismiss: dismissSuggestion, close });

  return { active, move, dismiss: dismissSuggestion, dismissing: dismiss.isPending, close };
}
