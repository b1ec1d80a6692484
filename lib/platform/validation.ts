import { z } from "zod";
import { codePointLength } from "@/lib/platform/code-points";

export { codePointLength };

// The field schemas every lib/*/schema.ts builds on, so that what a client may send is decided
// in one place: text that PostgreSQL can store (no NUL, no lone surrogates) and people can read
// (no control characters but tab and line breaks), lengths in code points as the database's
// char_length counts them, ids that are uuids, and integers that fit an int4 column.

export const INT4_MAX = 2 ** 31 - 1;

// C0 controls, DEL and C1 controls; tab, line feed and carriage return are decided per field.
// biome-ignore lint/suspicious/noControlCharactersInRegex: the characters to refuse
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/u;
const LINE_BREAK = /[\n\r\u2028\u2029]/u;
// With the u flag a surrogate pair is one code point, so this matches only unpaired halves.
const LONE_SURROGATE = /[\ud800-\udfff]/u;

function describe(character: string): string {
  return `U+${(character.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0")}`;
}

/** Why a string may not be stored as text, or null when it may. */
export function textProblem(value: string, { multiline }: { multiline: boolean }): string | null {
  const surrogate = LONE_SURROGATE.exec(value);
  if (surrogate) return "Contains an incomplete character (a lone UTF-16 surrogate); paste the text again.";
  const control = CONTROL.exec(value);
  if (control) return `Contains an invisible control character (${describe(control[0])}); remove it.`;
  if (!multiline && LINE_BREAK.test(value)) return "Keep this to one line.";
  return null;
}

type TextOptions = {
  /** Most code points allowed (after trimming, when trimmed). */
  max: number;
  /** Fewest code points allowed; 0 allows the empty string. */
  min?: number;
  /** Line breaks (\n, \r) and tabs allowed; otherwise only tabs. */
  multiline?: boolean;
  /** Leading and trailing whitespace removed before the checks (the default). */
  trim?: boolean;
  tooLong?: string;
  tooShort?: string;
};

/**
 * A text field: refuses NUL, other control characters (tab and, when multiline, line breaks
 * allowed), lone surrogates, and more than `max` code points.
 */
export function text({ max, min = 0, multiline = false, trim = true, tooLong, tooShort }: TextOptions) {
  const tooLongMessage = tooLong ?? `At most ${max.toLocaleString("en")} characters.`;
  const base = trim ? z.string().trim() : z.string();
  // A UTF-16 length past twice the limit is past it in code points too: refused before counting.
  const bounded = base.max(max * 2, { message: tooLongMessage, abort: true }).superRefine((value, ctx) => {
    const problem = textProblem(value, { multiline });
    if (problem) ctx.addIssue({ code: "custom", message: problem });
    else if (codePointLength(value) > max) ctx.addIssue({ code: "custom", message: tooLongMessage });
  });
  return min > 0
    ? bounded.refine((value) => value.length > 0 && codePointLength(value) >= min, {
        message: tooShort ?? (min === 1 ? "Required." : `At least ${min} characters.`),
        abort: true,
      })
    : bounded;
}

/** One line of text: names, titles, labels. */
export const line = (options: Omit<TextOptions, "multiline">) => text({ ...options, multiline: false });

/** Text that may run over several lines: descriptions, notes, comments, documents. */
export const paragraphs = (options: Omit<TextOptions, "multiline">) => text({ ...options, multiline: true });

/** A string of any length that may not hold NUL, control characters or lone surrogates (passwords). */
export const secret = (max: number) =>
  z
    .string()
    .max(max * 2, { message: `At most ${max} characters.`, abort: true })
    .refine((value) => textProblem(value, { multiline: false }) === null, "Contains a character that is not allowed.");

/** A record id (PostgreSQL uuid). */
/** An email address as accounts store it: trimmed and lower-cased. */
export const EmailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email({ error: "Enter an email address, like name@example.org." }).max(320));

export const id = (notFound = "No such record.") => z.uuid({ error: notFound });

/** An integer that fits an int4 column. */
export const int4 = ({ min = 0, max = INT4_MAX, message }: { min?: number; max?: number; message?: string } = {}) =>
  z
    .number({ error: message ?? "Expected a whole number." })
    .int(message ?? "Expected a whole number.")
    .min(min, message ?? `At least ${min}.`)
    .max(Math.min(max, INT4_MAX), message ?? `At most ${Math.min(max, INT4_MAX)}.`);

/** A query-string text: one line, no control characters, `max` code points; missing is "". */
export const searchText = (max: number, tooLong = `Search for at most ${max} characters.`) =>
  line({ max, tooLong }).default("");

/** Ids of linked records, none twice, at most `max`; an empty list when none are sent. */
export function distinctIds(notFound: string, what: string, max: number) {
  return z
    .array(id(notFound))
    .max(max, `At most ${max} ${what}.`)
    .refine((ids) => new Set(ids).size === ids.length, `Each of the ${what} may appear only once.`)
    .default([]);
}
