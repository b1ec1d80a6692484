"use client";

import type { RefObject } from "react";
import { suggestionKey } from "@/components/documents/document-text";
import type { QuoteSuggestion } from "@/lib/evidence/suggest";
import { useCardPlacement } from "./use-card-placement";

const percent = (confidence: number) => `${Math.round(confidence * 100)}%`;

export const STANCE_CUE_LABELS: Record<NonNullable<QuoteSuggestion["stance"]>["cue"], string> = {
  demands: "demands",
  rejects: "rejects",
  open: "open",
  conditional: "conditional",
  concerned: "concerned",
};

export const suggestionSpeaker = (s: QuoteSuggestion) => s.speaker?.name ?? s.speakerName ?? null;

/** What the suggestion proposes: speaker, party, likely issues and stance, each with its confidence. */
function SuggestionDetails({ suggestion }: { suggestion: QuoteSuggestion }) {
  const speaker = suggestionSpeaker(suggestion);
  // The likely issues; a weak match is shown only when it is the best there is.
  const likelyIssues = suggestion.issues.filter((issue, i) => i === 0 || issue.confidence >= 0.5);
  return (
    <dl className="mt-1 grid grid-cols-[auto_minmax(0,1fr)] gap-x-3 gap-y-0.5">
      <dt className="text-slate-500">Speaker</dt>
      <dd>
        {speaker ?? "unknown"} <Confidence value={suggestion.confidence} />
      </dd>
      <dt className="text-slate-500">Party</dt>
      <dd>
        {suggestion.party ? (
          <>
            {suggestion.party.name} <Confidence value={suggestion.party.confidence} />
          </>
        ) : (
          "none proposed"
        )}
      </dd>
      <dt className="text-slate-500">Issue</dt>
      <dd>
        {likelyIssues.length > 0
          ? likelyIssues.map((issue, i) => (
              <span key={issue.key}>
                {i > 0 ? ", " : ""}
                {issue.title} <Confidence value={issue.confidence} />
              </span>
            ))
          : "none proposed"}
      </dd>
      <dt className="text-slate-500">Stance</dt>
      <dd>
        {suggestion.stance ? (
          <>
            {STANCE_CUE_LABELS[suggestion.stance.cue]} <Confidence value={suggestion.stance.confidence} />
          </>
        ) : (
          "no cue"
        )}
      </dd>
    </dl>
  );
}

function SuggestionActions({
  dismissing,
  onAccept,
  onDismiss,
}: {
  dismissing: boolean;
  onAccept: () => void;
  onDismiss: () => void;
}) {
  return (
    <div className="mt-2 flex flex-wrap items-center gap-2">
      <button
        type="button"
        onClick={onAccept}
        aria-keyshortcuts="a"
        className="rounded-md bg-indigo-700 px-3 py-1 text-xs font-medium text-white"
      >
        Accept…
      </button>
      <button
        type="button"
        onClick={onDismiss}
        disabled={dismissing}
        aria-keyshortcuts="d"
        className="rounded-md border border-slate-300 px-3 py-1 text-xs disabled:opacity-50"
      >
        Dismiss
      </button>
      <span className="text-xs text-slate-500">
        <kbd>j</kbd>/<kbd>k</kbd> next/previous · <kbd>a</kbd> accept · <kbd>d</kbd> dismiss
      </span>
    </div>
  );
}

/**
 * The active suggestion's proposals, floating under its last line: out of the flow, so opening it
 * never moves the text.
 */
export function SuggestionCard({
  wrapper,
  suggestion,
  index,
  count,
  dismissing,
  onAccept,
  onDismiss,
  onClose,
}: {
  wrapper: RefObject<HTMLDivElement | null>;
  suggestion: QuoteSuggestion;
  index: number;
  count: number;
  dismissing: boolean;
  onAccept: () => void;
  onDismiss: () => void;
  onClose: () => void;
}) {
  const { card, position } = useCardPlacement(wrapper, suggestionKey(suggestion));
  return (
    <section
      ref={card}
      aria-label={`Suggestion ${index + 1} of ${count}`}
      data-testid="suggestion-card"
      className="absolute z-20 w-[min(22rem,100%)] rounded-lg border border-indigo-200 bg-white p-3 font-sans text-sm shadow-lg"
      style={position ? { top: position.top, left: position.left } : { visibility: "hidden", top: 0, left: 0 }}
      onKeyDown={(e) => e.key === "Escape" && onClose()}
    >
      <p className="flex items-baseline justify-between gap-2 text-xs text-slate-500">
        <span>
          Suggestion {index + 1} of {count} · {suggestion.kind === "DIRECT_QUOTE" ? "direct quote" : "reported speech"}
        </span>
        <button type="button" onClick={onClose} aria-label="Close the suggestion" className="px-1 text-slate-500">
          ×
        </button>
      </p>
      <SuggestionDetails suggestion={suggestion} />
      <SuggestionActions dismissing={dismissing} onAccept={onAccept} onDismiss={onDismiss} />
    </section>
  );
}

function Confidence({ value }: { value: number }) {
  return <span className="text-xs text-slate-500">({percent(value)})</span>;
}
