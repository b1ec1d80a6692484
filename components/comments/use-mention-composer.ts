import { type KeyboardEvent, type RefObject, useLayoutEffect, useRef, useState } from "react";
import { type MentionCandidate, matchesMentionQuery, mentionQueryAt, mentionsName } from "@/lib/comments/mentions";

const MAX_OPTIONS = 8;

/** Puts the caret at a position once the text set with it has rendered. */
function useCaretAfter(textarea: RefObject<HTMLTextAreaElement | null>) {
  const [caretAfter, setCaretAfter] = useState<number | null>(null);
  useLayoutEffect(() => {
    if (caretAfter === null || !textarea.current) return;
    textarea.current.setSelectionRange(caretAfter, caretAfter);
    setCaretAfter(null);
  }, [caretAfter, textarea]);
  return setCaretAfter;
}

/**
 * The composer's text with @mention autocomplete: the open "@query" at the caret, the members
 * it matches, the one the arrow keys point at, and the people picked so far.
 */
export function useMentionComposer(members: MentionCandidate[], initialBody: string) {
  const textarea = useRef<HTMLTextAreaElement>(null);
  const [body, setBody] = useState(initialBody);
  // Editing starts with the people the text already names.
  const [chosen, setChosen] = useState(
    () => new Map(members.filter((m) => mentionsName(initialBody, m.name)).map((m) => [m.id, m.name])),
  );
  const [query, setQuery] = useState<{ start: number; query: string } | null>(null);
  const [active, setActive] = useState(0);
  const setCaretAfter = useCaretAfter(textarea);

  const options = query ? members.filter((m) => matchesMentionQuery(m, query.query)).slice(0, MAX_OPTIONS) : [];
  const open = options.length > 0;

  function track(text: string, caret: number) {
    const next = mentionQueryAt(text, caret);
    if (next?.query !== query?.query || next?.start !== query?.start) setActive(0);
    setQuery(next);
  }

  function insert(member: MentionCandidate) {
    if (!query) return;
    const caret = query.start + 1 + query.query.length;
    const inserted = `@${member.name} `;
    setBody(body.slice(0, query.start) + inserted + body.slice(caret));
    setChosen(new Map(chosen).set(member.id, member.name));
    setQuery(null);
    setCaretAfter(query.start + inserted.length);
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (open) {
      if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        event.preventDefault();
        setActive((active + (event.key === "ArrowDown" ? 1 : options.length - 1)) % options.length);
        return;
      }
      if (event.key === "Enter" || event.key === "Tab") {
        event.preventDefault();
        insert(options[Math.min(active, options.length - 1)]!);
        return;
      }
      if (event.key === "Escape") {
        event.preventDefault();
        setQuery(null);
        return;
      }
    }
    if (event.key === "Enter" && (event.metaKey || event.ctrlKey)) {
      event.preventDefault();
      event.currentTarget.form?.requestSubmit();
    }
  }

  return {
    textarea,
    body,
    options,
    open,
    active,
    onKeyDown,
    insert,
    track,
    change(text: string, caret: number) {
      setBody(text);
      track(text, caret);
    },
    close: () => setQuery(null),
    /** The people picked whose name is still in the text. */
    mentionUserIds: () => [...chosen].filter(([, name]) => mentionsName(body, name)).map(([userId]) => userId),
    clear() {
      setBody("");
      setChosen(new Map());
      setQuery(null);
    },
  };
}

export type MentionComposer = ReturnType<typeof useMentionComposer>;
