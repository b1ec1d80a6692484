"use client";

import { type KeyboardEvent, useId, useLayoutEffect, useRef, useState } from "react";
import { CharacterCount, isTooLong } from "@/components/ui/character-count";
import { type MentionCandidate, matchesMentionQuery, mentionQueryAt, mentionsName } from "@/lib/comments/mentions";
import { COMMENT_MAX_CHARACTERS } from "@/lib/comments/schema";

const MAX_OPTIONS = 8;

export type ComposerValue = { body: string; mentionUserIds: string[] };

type Props = {
  label: string;
  members: MentionCandidate[];
  submitLabel: string;
  pendingLabel: string;
  pending: boolean;
  error?: string | null;
  initialBody?: string;
  placeholder?: string;
  autoFocus?: boolean;
  /** Resolves to whether the comment was saved; the composer empties itself if so. */
  onSubmit: (value: ComposerValue) => Promise<boolean>;
  onCancel?: () => void;
};

/**
 * A Markdown textarea with @mention autocomplete: typing "@" and a few letters lists matching
 * members; arrow keys pick one and Enter (or Tab) writes "@Display Name". The ids of the people
 * picked go with the text, for those whose name is still in it when it is sent.
 */
export function CommentComposer({
  label,
  members,
  submitLabel,
  pendingLabel,
  pending,
  error,
  initialBody = "",
  placeholder,
  autoFocus,
  onSubmit,
  onCancel,
}: Props) {
  const id = useId();
  const textarea = useRef<HTMLTextAreaElement>(null);
  const [body, setBody] = useState(initialBody);
  const tooLong = isTooLong(body, COMMENT_MAX_CHARACTERS, false);
  // Editing starts with the people the text already names.
  const [chosen, setChosen] = useState(
    () => new Map(members.filter((m) => mentionsName(initialBody, m.name)).map((m) => [m.id, m.name])),
  );
  const [query, setQuery] = useState<{ start: number; query: string } | null>(null);
  const [active, setActive] = useState(0);
  const [caretAfter, setCaretAfter] = useState<number | null>(null);

  const options = query ? members.filter((m) => matchesMentionQuery(m, query.query)).slice(0, MAX_OPTIONS) : [];
  const open = options.length > 0;
  const listId = `${id}-mentions`;
  const optionId = (index: number) => `${id}-mention-${index}`;

  useLayoutEffect(() => {
    if (caretAfter === null || !textarea.current) return;
    textarea.current.setSelectionRange(caretAfter, caretAfter);
    setCaretAfter(null);
  }, [caretAfter]);

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

  async function submit() {
    if (tooLong) return;
    const mentionUserIds = [...chosen].filter(([, name]) => mentionsName(body, name)).map(([userId]) => userId);
    if (await onSubmit({ body, mentionUserIds })) {
      setBody("");
      setChosen(new Map());
      setQuery(null);
    }
  }

  return (
    <form
      className="space-y-2"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <label htmlFor={`${id}-body`} className="sr-only">
        {label}
      </label>
      <div className="relative">
        <textarea
          ref={textarea}
          id={`${id}-body`}
          value={body}
          rows={3}
          // biome-ignore lint/a11y/noAutofocus: only a reply composer the user just asked for takes the focus
          autoFocus={autoFocus}
          placeholder={placeholder ?? "Write a comment. Markdown works; type @ to mention someone."}
          maxLength={COMMENT_MAX_CHARACTERS * 2}
          aria-autocomplete="list"
          aria-controls={listId}
          aria-activedescendant={open ? optionId(active) : undefined}
          aria-invalid={Boolean(error) || tooLong}
          aria-describedby={error ? `${id}-count ${id}-error` : `${id}-count`}
          onChange={(event) => {
            setBody(event.target.value);
            track(event.target.value, event.target.selectionStart);
          }}
          onSelect={(event) => track(event.currentTarget.value, event.currentTarget.selectionStart)}
          onBlur={() => setQuery(null)}
          onKeyDown={onKeyDown}
          className="w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm"
        />
        <div
          id={listId}
          role="listbox"
          aria-label="Mention someone"
          hidden={!open}
          className="absolute z-10 mt-1 max-h-64 w-72 overflow-auto rounded-md border border-slate-200 bg-white py-1 text-sm shadow-lg"
        >
          {options.map((member, index) => (
            <div
              key={member.id}
              id={optionId(index)}
              role="option"
              tabIndex={-1}
              aria-selected={index === active}
              // Keeps the focus (and the caret) in the textarea.
              onMouseDown={(event) => {
                event.preventDefault();
                insert(member);
              }}
              className={`cursor-pointer px-3 py-1.5 ${index === active ? "bg-indigo-50 text-indigo-900" : ""}`}
            >
              <span className="font-medium">{member.name}</span>
              {member.email !== member.name ? (
                <span className="ml-2 text-xs text-slate-500">{member.email}</span>
              ) : null}
            </div>
          ))}
        </div>
      </div>
      <CharacterCount id={`${id}-count`} value={body} max={COMMENT_MAX_CHARACTERS} trim={false} />
      {error ? (
        <p id={`${id}-error`} role="alert" className="text-sm text-red-700">
          {error}
        </p>
      ) : null}
      <div className="flex gap-2">
        <button
          type="submit"
          disabled={pending || tooLong}
          className="rounded-md bg-indigo-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-indigo-800 disabled:opacity-60"
        >
          {pending ? pendingLabel : submitLabel}
        </button>
        {onCancel ? (
          <button
            type="button"
            onClick={onCancel}
            disabled={pending}
            className="rounded-md border border-slate-300 px-3 py-1.5 text-sm disabled:opacity-60"
          >
            Cancel
          </button>
        ) : null}
      </div>
    </form>
  );
}
