"use client";

import { useId } from "react";
import { CharacterCount, isTooLong } from "@/components/ui/character-count";
import type { MentionCandidate } from "@/lib/comments/mentions";
import { COMMENT_MAX_CHARACTERS } from "@/lib/comments/schema";
import { type MentionComposer, useMentionComposer } from "./use-mention-composer";

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
export function CommentComposer(props: Props) {
  const { label, pending, error, onCancel } = props;
  const id = useId();
  const composer = useMentionComposer(props.members, props.initialBody ?? "");
  const { body } = composer;
  const tooLong = isTooLong(body, COMMENT_MAX_CHARACTERS, false);

  async function submit() {
    if (tooLong) return;
    if (await props.onSubmit({ body, mentionUserIds: composer.mentionUserIds() })) composer.clear();
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
          ref={composer.textarea}
          id={`${id}-body`}
          value={body}
          rows={3}
          // biome-ignore lint/a11y/noAutofocus: only a reply composer the user just asked for takes the focus
          autoFocus={props.autoFocus}
          placeholder={props.placeholder ?? "Write a comment. Markdown works; type @ to mention someone."}
          maxLength={COMMENT_MAX_CHARACTERS * 2}
          aria-autocomplete="list"
          aria-controls={`${id}-mentions`}
          aria-activedescendant={composer.open ? `${id}-mention-${composer.active}` : undefined}
          aria-invalid={Boolean(error) || tooLong}
          aria-describedby={error ? `${id}-count ${id}-error` : `${id}-count`}
          onChange={(event) => composer.change(event.target.value, event.target.selectionStart)}
          onSelect={(event) => composer.track(event.currentTarget.value, event.currentTarget.selectionStart)}
          onBlur={composer.close}
          onKeyDown={composer.onKeyDown}
          className="w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm"
        />
        <MentionListbox id={id} composer={composer} />
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
          {pending ? props.pendingLabel : props.submitLabel}
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

/** The members matching the "@query" at the caret; ids derive from the composer's id. */
function MentionListbox({ id, composer }: { id: string; composer: MentionComposer }) {
  const { options, active } = composer;
  return (
    <div
      id={`${id}-mentions`}
      role="listbox"
      aria-label="Mention someone"
      hidden={!composer.open}
      className="absolute z-10 mt-1 max-h-64 w-72 overflow-auto rounded-md border border-slate-200 bg-white py-1 text-sm shadow-lg"
    >
      {options.map((member, index) => (
        <div
          key={member.id}
          id={`${id}-mention-${index}`}
          role="option"
          tabIndex={-1}
          aria-selected={index === active}
          // Keeps the focus (and the caret) in the textarea.
          onMouseDown={(event) => {
            event.preventDefault();
            composer.insert(member);
          }}
          className={`cursor-pointer px-3 py-1.5 ${index === active ? "bg-indigo-50 text-indigo-900" : ""}`}
        >
          <span className="font-medium">{member.name}</span>
          {member.email !== member.name ? <span className="ml-2 text-xs text-slate-500">{member.email}</span> : null}
        </div>
      ))}
    </div>
  );
}
