// Quote suggestions: the passages of an imported document that look like attributed statements,
// with their likely speaker, party, issues and a position cue, each with a confidence.
//
// The pipeline, in order:
//  1. Structure (lines and paragraphs): headlines, bylines, datelines and page furniture are
//     found and never suggested from; a transcript or statement is recognised by its labelled
//     turns ("SECRETARY BLINKEN:") or its header ("Press conference by …", "(As delivered)").
//  2. Transcripts: every paragraph of a turn (greetings and procedure left out; long paragraphs
//     split into groups of sentences, from wink-nlp's sentence boundaries) is the turn's speaker's
//     own words — the labelled speaker, or the document's author.
//  3. Reports: quotations and reported speech from the regular-expression engine in
//     ./suggest-news, then, on sentences it left alone, reported speech found from wink-nlp's
//     sentences and part-of-speech tags ("A senior State Department official told reporters …
//     that …", "…, official news agency IRNA reported.").
//  4. Speakers: titles split from names, names matched against the workspace's people, groups and
//     organisations ("Russian officials", "the EU") kept as named and tied to a party.
//  5. Issues from the issue titles and aliases, party from the speaker, position cue from
//     SUGGEST_RULES.
//
// Offsets are Unicode code points, like every anchor (see ./anchor); `text` is exactly the slice.

import { codePoints } from "./anchor";
import { findNewsQuotes, type NewsSuggestion, pointsBack } from "./suggest-news";
import { readSentences, type Sentence } from "./suggest-nlp";
import { AROUND, PRONOUNS, type StanceCue, SUGGEST_RULES } from "./suggest-rules";

export type PersonForMatching = {
  id: string;
  name: string;
  aliases: string[];
  party?: string | null;
  role?: string | null;
};
export type IssueForMatching = { key: string; title: string; description?: string | null; aliases?: string[] };
export type PartyForMatching = { key: string; name: string; shortName?: string | null; aliases?: string[] };
export type SuggestOptions = {
  issues?: IssueForMatching[];
  parties?: PartyForMatching[];
  /** Who wrote or delivered the document, when known (a statement's or a transcript's speaker). */
  author?: string | null;
  /** The document's title, which often names a transcript's speaker ("Press conference by …"). */
  title?: string | null;
};

/** A news quote as found (see NewsSuggestion), scored and tied to a party, issues and a stance. */
export type QuoteSuggestion = NewsSuggestion & {
  confidence: number;
  party: { key: string; name: string; confidence: number } | null;
  issues: { key: string; title: string; confidence: number }[];
  stance: { cue: StanceCue; confidence: number } | null;
};

type Draft = {
  start: number; // UTF-16 offsets
  end: number;
  kind: QuoteSuggestion["kind"];
  cue: string;
  personId: string | null;
  speakerName: string | null;
  confidence: number;
};

type Range = { start: number; end: number };

const MIN_WORDS = 5;
const MAX_PARAGRAPH = 10_000;
const QUOTE_OPEN = '\u201c\u00ab\u201e"';
const QUOTE_CLOSE = '\u201d\u00bb"';

const words = (s: string) => s.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const phraseRegex = (phrases: readonly string[]) =>
  new RegExp(
    `(?<![\\p{L}\\p{N}])(?:${[...phrases]
      .sort((a, b) => b.length - a.length)
      .map(escapeRegex)
      .join("|")})(?![\\p{L}\\p{N}])`,
    "giu",
  );

const TITLE_WORDS = new Set<string>(SUGGEST_RULES.titleWords);
const CLAUSE_CUES = phraseRegex(SUGGEST_RULES.cueVerbs.clause);
const SENTENCE_CUES = phraseRegex(SUGGEST_RULES.cueVerbs.sentence);
const ORGANISATIONS = Object.keys(SUGGEST_RULES.organisationSpeakers);
const ORG_WORDS = phraseRegex(ORGANISATIONS);
const MEDIA = new Set<string>(SUGGEST_RULES.mediaNames);
const ORG_AT_END = new RegExp(`(?:${phraseRegex(ORGANISATIONS).source})$`, "iu");
const CEREMONY = SUGGEST_RULES.ceremony;
const TRANSCRIPT_HEADER = new RegExp(`^\\s*(?:${SUGGEST_RULES.transcriptHeaders.map(escapeRegex).join("|")})\\b`, "i");

// ── Structure ───────────────────────────────────────────────────────────────────────────────

type Line = { start: number; end: number; text: string };

function splitLines(view: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  for (;;) {
    const nl = view.indexOf("\n", start);
    const end = nl < 0 ? view.length : nl;
    lines.push({ start, end, text: view.slice(start, end) });
    if (nl < 0) return lines;
    start = nl + 1;
  }
}

const DATE_LINE =
  /^[\s•|–—-]*(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s*)?(?:\d{1,2}(?:st|nd|rd|th)?\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s*\d{0,2}(?:st|nd|rd|th)?,?\s*\d{0,4}\s*[-–—|]*\s*$/i;
const META_LINE =
  /^\s*(?:[•|]|\(as delivered\)|last updated|mis à jour|updated:|published:|share:?$|related materials|source:|all news$|\d{1,2}:\d{2})/i;
const BYLINE = /^\s*by\s+[\p{Lu}][\p{L}.'’-]+(?:\s+[\p{Lu}][\p{L}.'’-]+){0,3}\s*$/iu;
const DATELINE_PREFIXES = [
  // MOSCOW, February 2. /TASS/.   TEHRAN (Tasnim) –   WASHINGTON (Reuters) -
  /^\s*[A-Z][A-Z .'-]{2,40}(?:,\s*[A-Z][a-z]+\.?\s+\d{1,2}\.?)?\s*(?:\/[A-Za-z]+\/\.?|\([^)]{2,60}\))\s*[-–—:]?\s*/,
  // NAIROBI, KENYA —
  /^\s*[A-Z]{3,}(?:[ ,]+[A-Z]{2,}){0,3}\s+[—–]\s+/,
  // Jan. 6, 2022 (EIRNS)—
  /^\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2},\s+\d{4}\s*\([^)]{2,30}\)\s*[-–—]\s*/,
];

/** A line with no closing punctuation, or one made of capitalised words, is a headline or caption. */
function isHeadingLine(text: string): boolean {
  const t = text.trim();
  if (!t) return false;
  if (!/[.!?…"”’»)\]:;,]$/.test(t) && words(t) <= 30) return true;
  const ws = t.split(/\s+/).filter((w) => /^\p{L}/u.test(w));
  const capitalised = ws.filter((w) => /^\p{Lu}/u.test(w)).length;
  return ws.length >= 4 && ws.length <= 20 && capitalised / ws.length > 0.75 && !/[.!?]["”’»]?$/.test(t);
}

type Structure = {
  excluded: Range[];
  /** Where the body of each content line starts (after a dateline, a turn label). */
  lines: (Line & { kind: "blank" | "heading" | "meta" | "content"; bodyStart: number })[];
  transcript: boolean;
  author: string | null;
  turns: { start: number; label: string | null }[];
};

// "SECRETARY BLINKEN:", "Q:", "NORA MÜLLER [Executive Director, Körber-Stiftung]:" (the bracket is the speaker's role).
const TURN = /^\s*((?:\p{Lu}[\p{Lu}.'’-]*\s+){0,5}\p{Lu}[\p{Lu}.'’-]+|Q|A)\s*(?:\[[^\]\n]{1,160}\]\s*)?:\s+/u;
// "Jonathan Beale (BBC)" over a question: a name and, in brackets, the outlet or body they speak for.
const NAME_AND_OUTLET = /^\s*(\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+){1,3})\s*\([^()\n]{2,40}\)\s*$/u;
const VIA_INTERPRETER = /^\s*\((?:via interpreter|as interpreted|in [A-Za-z]+)\)\s*/i;

type Turn = { start: number; label: string | null };
type StructureLine = Structure["lines"][number];

/** What reading the lines one by one gathers beside each line's kind. */
type LineScan = {
  excluded: Range[];
  turns: Turn[];
  speakerHeadings: Turn[];
  author: string | null;
  transcript: boolean;
};

function analyseStructure(view: string, options: SuggestOptions, people: PersonForMatching[]): Structure {
  const scan: LineScan = {
    excluded: [],
    turns: [],
    speakerHeadings: [],
    author: options.author ?? null,
    transcript: false,
  };
  const title = options.title ? comparable(options.title) : "";
  const lines = splitLines(view).map((line, i) => classifyLine(view, line, i, title, people, scan));
  const { excluded, turns, speakerHeadings } = scan;
  let { author, transcript } = scan;
  // "Russian Deputy Foreign Minister Sergey Ryabkov" over a paragraph, then "U.S. Deputy Secretary
  // of State Wendy Sherman" over the next: each heading is a turn (one such line may be a caption).
  // A question's heading and an answer's heading make the same layout.
  if (turns.length === 0 && speakerHeadings.length >= 2) turns.push(...speakerHeadings);
  // "BRUSSELS: The European Union’s foreign policy chief …": one place name opening the text is its
  // dateline, not a speaker's turn.
  const only = turns.length === 1 ? turns[0] : undefined;
  if (
    only?.label &&
    !/\s/.test(only.label) &&
    !matchPerson(only.label, people, true) &&
    !lines.some((l) => l.kind === "content" && l.start < only.start)
  )
    turns.pop();
  if (turns.length > 0) transcript = true;
  if (!author && turns.length === 0 && options.title) author = authorFromTitle(options.title, people, options.parties);
  // "Secretary-General's remarks to the press …", "Statement by …": a title opening with the
  // kind of a spoken text makes the text that speaker's own words, with no header in it.
  const byTitle =
    !transcript && turns.length === 0 && options.title && firstPerson(view, lines)
      ? titleSpeaker(options.title, people, options.parties ?? [])
      : null;
  if (byTitle) {
    transcript = true;
    author ??= byTitle;
  }
  return { excluded, lines, transcript, author, turns };
}

/** The kind of the i-th line and where its body starts; what is not body goes to `scan.excluded`. */
function classifyLine(
  view: string,
  line: Line,
  i: number,
  title: string,
  people: PersonForMatching[],
  scan: LineScan,
): StructureLine {
  const { excluded } = scan;
  const t = line.text.trim();
  if (!t) return { ...line, kind: "blank" as const, bodyStart: line.start };
  // The headline, repeated at the top of the text, even when it ends with a full stop.
  if (i < 5 && title && words(t) >= 4 && comparable(t) === title) {
    excluded.push({ start: line.start, end: line.end });
    return { ...line, kind: "heading" as const, bodyStart: line.start };
  }
  if (i < 15 && TRANSCRIPT_HEADER.test(t)) {
    scan.transcript = true;
    const by = /\bby\s+(.+)$/i.exec(t);
    if (by && !scan.author) scan.author = findNameIn(by[1] ?? "", people);
    if (/\bby\b/i.test(t) || words(t) <= 4) {
      excluded.push({ start: line.start, end: line.end });
      return { ...line, kind: "heading" as const, bodyStart: line.start };
    }
  }
  if (/^\s*\(as delivered\)\s*$/i.test(t)) scan.transcript = true;
  if (META_LINE.test(t) || DATE_LINE.test(t) || BYLINE.test(t) || /^\s*by\s/i.test(t)) {
    excluded.push({ start: line.start, end: line.end });
    return { ...line, kind: "meta" as const, bodyStart: line.start };
  }
  const turn = TURN.exec(line.text);
  if (turn && words(turn[1] ?? "") <= 6) {
    const label = turn[1] ?? "";
    let bodyStart = line.start + turn[0].length;
    const via = VIA_INTERPRETER.exec(view.slice(bodyStart, line.end));
    if (via) bodyStart += via[0].length;
    scan.turns.push({ start: line.start, label: /^(?:Q|A|QUESTION|MODERATOR|OPERATOR)$/.test(label) ? null : label });
    excluded.push({ start: line.start, end: bodyStart });
    return { ...line, kind: "content" as const, bodyStart };
  }
  const asker = NAME_AND_OUTLET.exec(t);
  if (asker) {
    // A journalist's question, unless the name is someone of the directory ("Jens Stoltenberg (NATO)").
    scan.speakerHeadings.push({ start: line.start, label: matchPerson(asker[1] ?? "", people)?.name ?? null });
    excluded.push({ start: line.start, end: line.end });
    return { ...line, kind: "heading" as const, bodyStart: line.start };
  }
  if (isHeadingLine(t)) {
    const speaker = speakerHeading(t, people);
    if (speaker) scan.speakerHeadings.push({ start: line.start, label: speaker });
    excluded.push({ start: line.start, end: line.end });
    return { ...line, kind: "heading" as const, bodyStart: line.start };
  }
  let bodyStart = line.start;
  for (const re of DATELINE_PREFIXES) {
    const m = re.exec(line.text);
    if (m && m.index === 0 && m[0].length < line.text.length) {
      bodyStart = line.start + m[0].length;
      excluded.push({ start: line.start, end: bodyStart });
      break;
    }
  }
  return { ...line, kind: "content" as const, bodyStart };
}

/** Most of the first content lines speak in the first person, and few quote anyone: a speaker's own text. */
function firstPerson(view: string, lines: { kind: string; start: number; end: number }[]): boolean {
  const first = lines.filter((l) => l.kind === "content").slice(0, 8);
  const own = first.filter((l) => /\b(?:I|we|We|our|Our|my|My|us)\b/.test(view.slice(l.start, l.end))).length;
  const quoting = first.filter((l) => /[“«„"]/.test(view.slice(l.start, l.end))).length;
  return first.length >= 3 && own * 2 >= first.length && quoting * 4 <= first.length;
}

const TITLE_OPENS_WITH_HEADER = new RegExp(
  `^\\s*(?:(.{2,80}?)['’]s?\\s+)?(?:${SUGGEST_RULES.transcriptHeaders.map(escapeRegex).join("|")})\\b`,
  "iu",
);

/** The speaker of a text whose title opens with its kind: "Remarks by X …", "X's remarks to …". */
function titleSpeaker(title: string, people: PersonForMatching[], parties: PartyForMatching[]): string | null {
  const m = TITLE_OPENS_WITH_HEADER.exec(title);
  if (!m) return null;
  if (!m[1]) return authorFromTitle(title, people, parties);
  return matchPerson(m[1], people, true)?.name ?? holderOfPost(m[1], people, parties)?.name ?? null;
}

const comparable = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();

/** A line that is only a person's titles and name: the heading of what they said below it. */
function speakerHeading(line: string, people: PersonForMatching[]): string | null {
  const ws = line.split(/\s+/);
  if (ws.length > 10) return null;
  const name = stripTitles(line);
  const nameWords = name.split(/\s+/).length;
  // At least one title before the name, and nothing after it.
  if (nameWords >= ws.length || nameWords > 3 || !line.endsWith(name)) return null;
  const person = matchPerson(name, people);
  if (person) return person.name;
  return /^\p{Lu}\p{Ll}+(?:\s+\p{Lu}[\p{Ll}’'-]+){1,2}$/u.test(name) ? name : null;
}

// ── People, names and organisations ─────────────────────────────────────────────────────────

const HEADER_IN_TITLE = phraseRegex(SUGGEST_RULES.transcriptHeaders);

/**
 * The speaker a transcript's title names: "Press conference by NATO Secretary General Jens
 * Stoltenberg …", or an organisation's own event ("NATO press conference …"), given by the one
 * person who heads that party in the directory.
 */
function authorFromTitle(title: string, people: PersonForMatching[], parties: PartyForMatching[] = []): string | null {
  const header = [...title.matchAll(HEADER_IN_TITLE)][0];
  if (!header) return null;
  const after = title.slice((header.index ?? 0) + header[0].length);
  const by = /^\s+(?:by|of|with)\s+(.+)$/i.exec(after);
  if (by) return findNameIn(by[1] ?? "", people);
  const before = title.slice(0, header.index ?? 0).trim();
  return before ? (principalOf(before, people, parties, true)?.name ?? null) : null;
}

/**
 * The one person of the directory heading the party an organisation's name stands for ("NATO",
 * "the World Trade Organization"); null when none or several do. `atEnd`: the name ends `text`.
 */
function principalOf(
  text: string,
  people: PersonForMatching[],
  parties: PartyForMatching[],
  atEnd = false,
): PersonForMatching | null {
  const party = parties.find((p) =>
    [p.name, p.shortName, ...(p.aliases ?? [])].some(
      (n) => n && new RegExp(`(?<![\\p{L}])${escapeRegex(n)}${atEnd ? "$" : "(?![\\p{L}])"}`, "iu").test(text.trim()),
    ),
  );
  if (!party) return null;
  const heads = people.filter(
    (p) =>
      p.party === party.key &&
      // "spokesman for the secretary-general" speaks for the principal, and is not one.
      SUGGEST_RULES.organisationPrincipals.some((role) =>
        p.role
          ?.toLowerCase()
          .split(/\s+(?:for|to)\s+/)[0]
          ?.includes(role),
      ),
  );
  return heads.length === 1 ? (heads[0] ?? null) : null;
}

const HEAD_OF = new RegExp(
  `^\\s*(?:the\\s+)?(?:${SUGGEST_RULES.headOf.map(escapeRegex).join("|")})\\s+of\\s+(?:the\\s+)?(.+)$`,
  "iu",
);

function findNameIn(text: string, people: PersonForMatching[]): string | null {
  const person = matchPerson(text, people, true);
  if (person) return person.name;
  const m =
    /([\p{Lu}][\p{Ll}’'-]+(?:\s+[\p{Lu}][\p{Ll}’'-]+){1,2})(?=\s+(?:following|at|on|after|before|in)\b|[,.]|$)/u.exec(
      text,
    );
  return m ? stripTitles(m[1] ?? "") : null;
}

/** The person of the directory named in `text` (by name, alias, or — when `loose` — surname). */
const nameCache = new WeakMap<
  PersonForMatching[],
  { p: PersonForMatching; re: RegExp; len: number; loose: boolean }[]
>();

function matchPerson(
  text: string,
  people: PersonForMatching[],
  loose = false,
  first = false,
): PersonForMatching | null {
  let names = nameCache.get(people);
  if (!names) {
    names = people.flatMap((p) => {
      const full = [p.name, ...p.aliases];
      return [
        ...full.map((n) => ({ n, loose: false })),
        ...full.map((n) => ({ n: n.split(/\s+/).pop() ?? n, loose: true })),
      ].map(({ n, loose }) => ({
        p,
        re: new RegExp(`(?<![\\p{L}])${escapeRegex(n.toLowerCase())}(?![\\p{L}])`, "u"),
        len: n.length,
        loose,
      }));
    });
    nameCache.set(people, names);
  }
  const lower = text.toLowerCase();
  let best: { p: PersonForMatching; len: number; at: number } | null = null;
  for (const entry of names) {
    if (entry.loose && !loose) continue;
    const m = entry.re.exec(lower);
    if (!m) continue;
    const better = first
      ? !best || m.index < best.at || (m.index === best.at && entry.len > best.len)
      : !best || entry.len > best.len;
    if (better) best = { p: entry.p, len: entry.len, at: m.index };
  }
  return best?.p ?? null;
}

/** "Deputy Foreign Minister Sergei Ryabkov" → "Sergei Ryabkov"; "the EU" → "EU". */
function stripTitles(name: string): string {
  const ws = name.trim().split(/\s+/);
  // "Iran’s foreign ministry spokesman Naser Kanani": a possessive opening the phrase is not the name.
  let i = ws.length > 2 && /^\p{Lu}\p{L}*[’']s$/u.test(ws[0] ?? "") ? 1 : 0;
  while (i < ws.length - 1 && TITLE_WORDS.has(ws[i]?.toLowerCase().replace(/[’']s$/, "") ?? "")) i++;
  let j = ws.length;
  // "Sergey Ryabkov Deputy Foreign Minister of Russia": a title after the name
  for (let k = i + 1; k < ws.length; k++) {
    if (TITLE_WORDS.has(ws[k]?.toLowerCase() ?? "") && /^\p{Lu}/u.test(ws[k] ?? "")) {
      j = k;
      break;
    }
  }
  return ws.slice(i, j).join(" ");
}

// ── Transcripts ─────────────────────────────────────────────────────────────────────────────

const isCeremony = (s: string) => {
  const l = s.trim().toLowerCase();
  const opening = l.split(/\s+/).slice(0, 4).join(" ");
  const intro = l.split(/\s+/).slice(0, 12).join(" ");
  return (
    CEREMONY.some((c) => l.startsWith(c)) ||
    /\bthank you\b/.test(opening) ||
    // A host's welcome and introductions: "let me also extend a warm welcome", "delighted to have with me".
    /\b(?:warm welcome|delighted to have|pleasure to have)\b/.test(intro) ||
    words(s) < 4
  );
};

function transcriptDrafts(view: string, st: Structure, people: PersonForMatching[]): Draft[] {
  const drafts: Draft[] = [];
  const speakerAt = (offset: number): { personId: string | null; speakerName: string | null } => {
    let label: string | null | undefined;
    for (const t of st.turns) if (t.start <= offset) label = t.label;
    const name = label === undefined ? st.author : label === null ? null : label;
    if (!name) return { personId: null, speakerName: null };
    if (label === null) return { personId: null, speakerName: null };
    const person = matchPerson(name, people, true);
    if (person) return { personId: person.id, speakerName: person.name };
    const plain = stripTitles(
      name
        .toLowerCase()
        .replace(/(^|\s)\S/g, (c) => c.toUpperCase())
        .trim(),
    );
    return { personId: null, speakerName: plain };
  };
  // Paragraphs: runs of content lines between blank lines.
  let block: typeof st.lines = [];
  const flush = () => {
    if (block.length === 0) return;
    const units = transcriptUnits(view, block);
    for (const u of units) {
      const who = speakerAt(u.start);
      // What comes before the first turn of a transcript whose author is unknown is its preamble.
      if (!who.speakerName && !st.author && u.start < (st.turns[0]?.start ?? 0)) continue;
      if (!who.personId && !who.speakerName && st.turns.some((t) => t.start <= u.start && t.label === null)) continue;
      drafts.push({ ...u, kind: "DIRECT_QUOTE", cue: "transcript", ...who, confidence: who.speakerName ? 0.85 : 0.5 });
    }
    block = [];
  };
  for (const line of st.lines) {
    if (line.kind === "content") {
      if (TURN.test(line.text)) flush();
      block.push(line);
    } else flush();
  }
  flush();
  return drafts;
}

/** A line of one sentence needs no tagger; longer ones go through wink-nlp's sentence boundaries. */
function sentencesOf(view: string, start: number, end: number): Sentence[] {
  const text = view.slice(start, end);
  const stops = text.match(/[.!?…]["”’»)]?(?=\s|$)/g)?.length ?? 0;
  if (stops <= 1) {
    const lead = text.length - text.trimStart().length;
    const body = text.trim();
    return body ? [{ start: start + lead, end: start + lead + body.length, tokens: [] }] : [];
  }
  return readSentences(text, start);
}

/** A paragraph's sentences as points: up to three are one; a longer paragraph is groups of two or
 * more sentences, a continuation never starting one. */
function proseGroups(sentences: Sentence[], isContinuation: (s: Sentence, prev: Sentence | undefined) => boolean) {
  if (sentences.length <= 3) return sentences.length ? [sentences] : [];
  const groups: Sentence[][] = [];
  for (const [i, s] of sentences.entries()) {
    const last = groups[groups.length - 1];
    if (last && (last.length < 2 || isContinuation(s, sentences[i - 1]))) last.push(s);
    else groups.push([s]);
  }
  return groups;
}

function transcriptUnits(view: string, block: Structure["lines"]): Range[] {
  // Sentences per line (a line break always ends a sentence in these layouts).
  const lines = block.map((l) => sentencesOf(view, l.bodyStart, l.end));
  const sentences = lines.flat().filter((s) => !isCeremony(view.slice(s.start, s.end)));
  if (sentences.length === 0) return [];
  const isContinuation = (s: Sentence, prev: Sentence | undefined) => {
    const t = view.slice(s.start, s.end);
    const before = prev ? view.slice(prev.start, prev.end) : "";
    const opening = (x: string) => x.toLowerCase().split(/\s+/).slice(0, 4).join(" ");
    return (
      /^\p{Ll}/u.test(t) ||
      SUGGEST_RULES.continuations.some((c) => t.toLowerCase().startsWith(c)) ||
      // An anaphora goes on with its point: "… we have a ray of hope. / A ray of hope to ease … / A ray
      // of hope to support …".
      (before !== "" &&
        words(t) >= 4 &&
        (opening(t) === opening(before) ||
          before
            .toLowerCase()
            .replace(/[.!?…"”’\s]+$/u, "")
            .endsWith(opening(t)))) ||
      /[:,]$/.test(before.trim())
    );
  };
  const groups: Sentence[][] = [];
  const oneSentenceLines = lines.every((l) => l.length <= 1);
  if (block.length > 1 && block.length <= 4 && oneSentenceLines) {
    // A short paragraph of one-sentence lines is one point ("Everything is now in place for a new
    // attack. / But Russia still has time … / Stop preparing for war. / And start working …").
    groups.push(sentences);
  } else if (block.length > 3 && !oneSentenceLines && lines.filter((l) => l.length > 1).length * 2 > block.length) {
    // Paragraphs without blank lines between them: each line is a paragraph of its own.
    return block.flatMap((_, i) => {
      const own = (lines[i] ?? []).filter((s) => !isCeremony(view.slice(s.start, s.end)));
      return proseGroups(own, isContinuation)
        .map((g) => ({ start: g[0]?.start ?? 0, end: g[g.length - 1]?.end ?? 0 }))
        .filter((r) => words(view.slice(r.start, r.end)) >= MIN_WORDS);
    });
  } else if (block.length > 3) {
    // A column of one-sentence lines: each line is a statement, with its continuations.
    for (const [i, s] of sentences.entries()) {
      const last = groups[groups.length - 1];
      if (last && isContinuation(s, sentences[i - 1])) last.push(s);
      else groups.push([s]);
    }
  } else groups.push(...proseGroups(sentences, isContinuation));
  return groups
    .map((g) => ({ start: g[0]?.start ?? 0, end: g[g.length - 1]?.end ?? 0 }))
    .filter((r) => words(view.slice(r.start, r.end)) >= MIN_WORDS);
}

// ── Reported speech that the news engine left alone ─────────────────────────────────────────

type Focus = { personId: string | null; speakerName: string | null } | null;
type Who = { personId: string | null; speakerName: string | null };

const NAME_AFTER_TITLES = /^\s+((?:[\p{Ll}-]+\s+){1,3})(\p{Lu}[\p{Ll}’'-]+(?:\s+\p{Lu}[\p{Ll}’'-]+){1,2})/u;

/** Titles then a name ("spokesman Naser Kanani") at the start of `text`. */
function titledName(text: string): { phrase: string; name: string } | null {
  const m = NAME_AFTER_TITLES.exec(text);
  if (!m?.[1] || !m[2]) return null;
  if (
    !m[1]
      .trim()
      .split(/\s+/)
      .every((w) => TITLE_WORDS.has(w))
  )
    return null;
  return { phrase: m[0].trimEnd(), name: m[2] };
}
const ORG_MODIFIER = /^(?:[\p{Lu}][\p{L}.’'-]*|senior|top|official|foreign|defence|defense|state|news|press)$/u;

const wordRegex = (word: string) => new RegExp(`(?<![\\p{L}])${escapeRegex(word.toLowerCase())}(?![\\p{L}])`, "u");
const mentionsWord = (text: string, word: string) => word.length >= 2 && wordRegex(word).test(text);

/**
 * The person of the directory whose role the subject names ("Iran’s chief negotiator", "the
 * Kremlin spokesman"): the only holder of that role, or the only one of the party the subject
 * also names.
 */
function roleHolder(
  subject: string,
  people: PersonForMatching[],
  parties: PartyForMatching[],
): PersonForMatching | null {
  const lower = subject.toLowerCase();
  // How much of a role the subject names: the whole role, or its head before "of"/"for" when that
  // is two words or more ("The Deputy Secretary" for "deputy secretary of state"); 0 for none.
  const named = (p: PersonForMatching): number => {
    if (!p.role) return 0;
    const head = p.role.split(/\s+(?:of|for)\s+/)[0] ?? p.role;
    for (const form of head !== p.role && head.includes(" ") ? [p.role, head] : [p.role]) {
      const at = lower.search(wordRegex(form));
      // "foreign ministry spokesman Naser Kanani": the role of someone the subject names.
      if (at >= 0 && !/^\s+\p{Lu}/u.test(subject.slice(at + form.length))) return form.length;
    }
    return 0;
  };
  const namedParties = parties.filter((party) => partyWords(party).some((w) => mentionsWord(lower, w)));
  const ofParty = people
    .map((p) => ({ p, length: named(p) }))
    .filter(
      ({ p, length }) => length > 0 && (namedParties.length === 0 || namedParties.some((x) => x.key === p.party)),
    );
  // The longest post named wins: "deputy secretary" is not "secretary".
  const longest = Math.max(0, ...ofParty.map((h) => h.length));
  const holders = ofParty.filter((h) => h.length === longest);
  return holders.length === 1 ? (holders[0]?.p ?? null) : null;
}

const ROLE_SYNONYMS = Object.entries(SUGGEST_RULES.roleSynonyms).map(
  ([other, role]) => [new RegExp(`(?<![\\p{L}])${escapeRegex(other)}(?![\\p{L}])`, "giu"), role] as const,
);
/** A role in its one wording, case kept: hyphens as spaces, synonyms replaced. */
const canonRole = (s: string) => ROLE_SYNONYMS.reduce((t, [re, role]) => t.replace(re, role), s.replace(/-/g, " "));
const ORG_THEN_HEAD = new RegExp(
  `^\\s*(?:the\\s+)?(.+?)\\s+(?:${SUGGEST_RULES.headOf.map(escapeRegex).join("|")})$`,
  "iu",
);

/**
 * The directory person a subject naming a post but no name stands for: "the Secretary-General",
 * "Iranian top negotiator" (a role, in any of its wordings), "the head of the World Trade
 * Organization" or "the U.N. chief" (the one person heading that organisation's party).
 */
function holderOfPost(
  phrase: string,
  people: PersonForMatching[],
  parties: PartyForMatching[],
): PersonForMatching | null {
  const canonical = canonRole(phrase);
  // A wording of a role comes first: "the head of the Russian diplomatic department" is a minister.
  const head = canonical !== phrase.replace(/-/g, " ") ? null : (HEAD_OF.exec(phrase) ?? ORG_THEN_HEAD.exec(phrase));
  const principal = head ? principalOf(head[1] ?? "", people, parties) : null;
  if (principal) return principal;
  const canon = people.map((p) => ({ ...p, role: p.role ? canonRole(p.role.toLowerCase()) : p.role }));
  const holder = roleHolder(canonical, canon, parties);
  return holder ? (people.find((p) => p.id === holder.id) ?? null) : null;
}

/** Every word by which a party is named: its name, short name, aliases, adjective and capital. */
function partyWords(p: PartyForMatching): string[] {
  const capitals = SUGGEST_RULES.capitals[p.name.toLowerCase().trim()] ?? [];
  return [p.name, p.shortName ?? "", ...(p.aliases ?? []), ...demonymsOf(p.name), ...capitals].filter(
    (n) => n.length >= 2,
  );
}

const ROLE_OF_ORGANISATION = new RegExp(
  `^\\s*(?:the\\s+)?(?:${SUGGEST_RULES.roleNouns.map(escapeRegex).join("|")})\\s+of\\s+(?:the\\s+)?\\p{Lu}[^,;]*$`,
  "iu",
);

/** The speaker named in the subject of a cue: a person, a pronoun, an organisation or a proper name. */
function resolveSubject(
  subject: string,
  subjectStart: number,
  people: PersonForMatching[],
  focus: Focus,
  sentence: Sentence,
  cueAt: number,
  groups: string[],
  parties: PartyForMatching[],
): Who | null {
  const person = matchPerson(subject, people, true);
  if (person) return { personId: person.id, speakerName: person.name };
  // "The head of the World Trade Organization on Thursday said": the one person heading it.
  const headOf = HEAD_OF.exec(subject);
  const head = headOf ? principalOf(headOf[1] ?? "", people, parties) : null;
  if (head) return { personId: head.id, speakerName: head.name };
  // "Iran’s chief negotiator in the Vienna nuclear talks tweeted": the one holding that post.
  const holder = roleHolder(subject, people, parties);
  if (holder) return { personId: holder.id, speakerName: holder.name };
  const ws = subject.trim().toLowerCase().split(/\s+/);
  if (ws.length <= 2 && ws.some((w) => PRONOUNS.includes(w))) {
    // "Mora’s visit … is part of efforts to bridge “…,” he tweeted": a person named earlier in the sentence.
    const earlier = sentence.tokens.length
      ? sentence.tokens
          .filter((t) => t.end <= subjectStart)
          .map((t) => t.value)
          .join(" ")
      : "";
    const named = earlier ? matchPerson(earlier.replace(/[“«„"][^”»"]*[”»"]/g, " "), people, true, true) : null;
    return named ? { personId: named.id, speakerName: named.name } : focus;
  }
  const orgs = [...subject.matchAll(ORG_WORDS)];
  const org = orgs[orgs.length - 1];
  if (org) {
    // The noun phrase that ends with the organisation word: "a senior State Department official".
    const head = subject.slice(0, (org.index ?? 0) + org[0].length).split(/\s+/);
    const phrase: string[] = [head.pop() ?? ""];
    while (head.length > 0 && phrase.length < 5 && ORG_MODIFIER.test(head[head.length - 1] ?? ""))
      phrase.unshift(head.pop() ?? "");
    // "Iran’s foreign ministry spokesman Naser Kanani": the person holding the organisation's title
    // (the phrase is kept whole, so that the party is read from it; the titles come off later).
    const titled = titledName(subject.slice((org.index ?? 0) + org[0].length));
    if (titled) {
      const person = matchPerson(titled.name, people, true);
      if (person) return { personId: person.id, speakerName: person.name };
      return { personId: null, speakerName: `${phrase.join(" ")}${titled.phrase}`.trim() };
    }
    let name = phrase.join(" ").trim();
    // "the official" is the official named before ("a senior State Department official").
    const earlier = groups.find((g) => g.toLowerCase().endsWith(name.toLowerCase()) && g.length > name.length);
    if (earlier) name = earlier;
    else if (/^(?:official|officials|organisation|organization)$/i.test(name)) name = "";
    if (name) return { personId: null, speakerName: name };
  }
  // "the president of the International Committee of the Red Cross (ICRC)": the post, named by its organisation.
  if (ROLE_OF_ORGANISATION.test(subject))
    return {
      personId: null,
      speakerName: subject
        .trim()
        .replace(/^the\s+/i, "")
        .replace(/\s*\([^)]*\)$/, ""),
    };
  // A proper name from the tagger, right before the cue and inside the subject.
  const run: string[] = [];
  for (let i = sentence.tokens.length - 1; i >= 0; i--) {
    const t = sentence.tokens[i];
    if (!t || t.start >= cueAt) continue;
    if (t.start < subjectStart) break;
    if (t.pos === "PROPN") run.unshift(t.value);
    else if (run.length > 0) break;
  }
  if (run.length > 0) {
    const name = stripTitles(run.join(" "));
    if (name && !MEDIA.has(name.toLowerCase())) return { personId: null, speakerName: name };
  }
  return null;
}

function reportedDrafts(
  view: string,
  st: Structure,
  people: PersonForMatching[],
  parties: PartyForMatching[],
  taken: Draft[],
): Draft[] {
  const drafts: Draft[] = [];
  const groups: string[] = [];
  let focus: Focus = null;
  const overlaps = (r: Range) => taken.some((t) => t.start < r.end && r.start < t.end);
  const hasCue = (t: string) => {
    CLAUSE_CUES.lastIndex = 0;
    SENTENCE_CUES.lastIndex = 0;
    return CLAUSE_CUES.test(t) || SENTENCE_CUES.test(t);
  };
  for (const line of st.lines) {
    // A paragraph longer than any real one is not searched (pathological input stays fast).
    if (line.kind !== "content" || line.end - line.bodyStart > MAX_PARAGRAPH) continue;
    if (!hasCue(view.slice(line.bodyStart, line.end))) continue;
    for (const s of readSentences(view.slice(line.bodyStart, line.end), line.bodyStart)) {
      const mine = taken.find((t) => t.start < s.end && s.start < t.end);
      if (mine) {
        if (isPersonLike(mine, people)) focus = { personId: mine.personId, speakerName: mine.speakerName };
        continue;
      }
      if (overlaps(s) || pointsBack(view.slice(s.start, s.end))) continue;
      const draft = reportedInSentence(view.slice(s.start, s.end), s, people, parties, focus, groups);
      if (draft) {
        drafts.push(draft);
        // Only a person can be "he" or "she" in the next sentence; a group or an agency cannot.
        if (isPersonLike(draft, people)) focus = { personId: draft.personId, speakerName: draft.speakerName };
        if (!draft.personId && draft.speakerName) groups.push(draft.speakerName);
      }
    }
  }
  return drafts;
}

function isPersonLike(d: Draft, people: PersonForMatching[]): boolean {
  if (d.personId) return people.some((p) => p.id === d.personId);
  const name = d.speakerName ?? "";
  ORG_WORDS.lastIndex = 0;
  return (
    /^\p{Lu}\p{Ll}+(?:[ -]\p{Lu}[\p{Ll}'’-]+)+$/u.test(name) && !ORG_WORDS.test(name) && !MEDIA.has(name.toLowerCase())
  );
}

/** Quotations in a sentence, as ranges inside their marks. */
function quotationsIn(text: string): Range[] {
  const out: Range[] = [];
  let open = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] ?? "";
    if (open < 0 && QUOTE_OPEN.includes(c)) open = i;
    else if (open >= 0 && QUOTE_CLOSE.includes(c) && (c !== '"' || i > open + 1)) {
      out.push({ start: open + 1, end: i });
      open = -1;
    }
  }
  return out;
}

const SUBORDINATE = /^\s*(?:asked|after|before|while|when|if|in|during|at|on|speaking|following)\b[^,]*,\s*/i;

/** Who may be speaking in a sentence: the directory, the person in focus and the groups already heard. */
type Speakers = {
  people: PersonForMatching[];
  parties: PartyForMatching[];
  focus: Focus;
  groups: string[];
};

function reportedInSentence(
  text: string,
  s: Sentence,
  people: PersonForMatching[],
  parties: PartyForMatching[],
  focus: Focus,
  groups: string[],
): Draft | null {
  const speakers: Speakers = { people, parties, focus, groups };
  const quotes = quotationsIn(text);
  const inQuote = (i: number) => quotes.some((q) => i >= q.start && i < q.end);
  for (const [re, whole] of [
    [CLAUSE_CUES, false],
    [SENTENCE_CUES, true],
  ] as const) {
    re.lastIndex = 0;
    for (const m of text.matchAll(re)) {
      const at = m.index ?? 0;
      if (inQuote(at)) continue;
      const cue = m[0].toLowerCase();
      const before = text.slice(0, at);
      const lastQuote = quotes.filter((q) => q.end <= at).pop();
      const cut = Math.max(before.lastIndexOf(", "), before.lastIndexOf("; "), lastQuote ? lastQuote.end + 1 : -1);
      const who = cueSpeaker(before, cut, s, at, speakers);
      if (!who?.speakerName) continue;
      const { span, quoted } = cueStatement(text, quotes, lastQuote, at, m[0].length, cut, whole);
      const raw = text.slice(span.start, span.end);
      // "reported on his consultations", "told about": what follows is a topic, not what was said.
      if (span.start > at && !quoted && /^\s*(?:on|about|to|in|at|for|with|by|from|of)\b/i.test(raw)) continue;
      const lead = raw.length - raw.trimStart().length;
      const body = raw.trim().replace(/[,;:]$/, "");
      if (words(body) < MIN_WORDS) continue;
      return {
        start: s.start + span.start + lead,
        end: s.start + span.start + lead + body.length,
        kind: quoted ? "DIRECT_QUOTE" : "REPORTED_SPEECH",
        cue,
        ...who,
        confidence: 0.55,
      };
    }
  }
  return null;
}

/**
 * The speaker of a cue at `at`: the subject of its clause (`before` it, from `cut`), or else the
 * subject of the sentence's main clause.
 */
function cueSpeaker(before: string, cut: number, s: Sentence, at: number, speakers: Speakers): Who | null {
  const { people, parties, focus, groups } = speakers;
  let subjectStart = cut + 1;
  let subject = before.slice(subjectStart);
  if (!subject.trim()) {
    const lead = SUBORDINATE.exec(before);
    subjectStart = lead ? lead[0].length : 0;
    subject = before.slice(subjectStart);
  }
  let who = resolveSubject(subject, s.start + subjectStart, people, focus, s, s.start + at, groups, parties);
  if (!who?.speakerName && cut > 0) {
    // "Lavrov thanked his counterpart …, and said": the subject of the main clause.
    const main = before.replace(SUBORDINATE, "");
    const person = matchPerson(main, people, true, true);
    if (person) who = { personId: person.id, speakerName: person.name };
    else {
      // "IRNA did not provide further details …, but added that …"
      const mainSubject = main.split(/,\s/)[0] ?? "";
      const offset = before.length - main.length;
      who = resolveSubject(
        mainSubject,
        s.start + offset,
        people,
        null,
        s,
        s.start + offset + mainSubject.length,
        groups,
        parties,
      );
    }
  }
  return who;
}

/** What a cue at `at` reports, in the sentence's text: a quotation beside it, the clause before it, the whole sentence or the clause after it. */
function cueStatement(
  text: string,
  quotes: Range[],
  lastQuote: Range | undefined,
  at: number,
  cueLength: number,
  cut: number,
  whole: boolean,
): { span: Range; quoted: Range | null } {
  const after = text.slice(at + cueLength);
  const tailWords = words(after.replace(/[.!?]+\s*$/, ""));
  const nextQuote = quotes.find((q) => q.start > at && /^[\s,:]*$/.test(text.slice(at + cueLength, q.start - 1)));
  const quoted = [lastQuote, nextQuote].find((q) => q && words(text.slice(q.start, q.end)) >= MIN_WORDS) ?? null;
  if (quoted) return { span: quoted, quoted }; // "“…,” the official stated."
  if (cut > 0 && tailWords <= 6 && !whole) return { span: { start: 0, end: cut }, quoted };
  if (whole) return { span: { start: 0, end: text.length }, quoted };
  const that = /^(.{0,120}?)\bthat\s+/s.exec(after);
  const from = at + cueLength + (that ? that[0].length : after.length - after.trimStart().length);
  return { span: { start: from, end: text.length }, quoted };
}

// ── Issues, parties and position cues ───────────────────────────────────────────────────────

type IssueMatcher = { issue: IssueForMatching; phrases: RegExp | null; words: string[] };

function issueMatchers(issues: IssueForMatching[], parties: PartyForMatching[]): IssueMatcher[] {
  const partyWords = new Set(
    parties.flatMap((p) => [p.name, p.shortName ?? "", ...(p.aliases ?? [])]).map((w) => w.toLowerCase()),
  );
  const stop = new Set<string>(SUGGEST_RULES.issueStopWords);
  return issues.map((issue) => ({
    issue,
    phrases: issue.aliases?.length ? phraseRegex(issue.aliases) : null,
    words: [
      ...new Set(
        issue.title
          .toLowerCase()
          .split(/[^\p{L}\p{N}-]+/u)
          .filter((w) => w.length >= 4 && !stop.has(w) && !partyWords.has(w)),
      ),
    ],
  }));
}

const stem = (w: string) => w.slice(0, Math.max(4, Math.min(w.length, 6)));

function scoreIssues(text: string, matchers: IssueMatcher[]): QuoteSuggestion["issues"] {
  const lower = text.toLowerCase();
  const tokens = new Set(lower.split(/[^\p{L}\p{N}-]+/u).map(stem));
  return matchers
    .map(({ issue, phrases, words: ws }) => {
      let score = 0;
      if (phrases) score += Math.min(2, [...lower.matchAll(phrases)].length) * 0.6;
      score += ws.filter((w) => tokens.has(stem(w))).length * 0.25;
      return { key: issue.key, title: issue.title, confidence: Math.min(0.95, Number(score.toFixed(2))) };
    })
    .filter((i) => i.confidence >= 0.25)
    .sort((a, b) => b.confidence - a.confidence);
}

const POINTS_BACK_TO_ISSUE =
  /\b(?:this|that|the same)\s+(?:(?:key|main|fundamental|central|core|important|crucial)\s+)?(?:issue|question|topic|matter|subject|demand|requirement)\b/i;

/**
 * The issues a suggestion bears on: those its words name; when they name none but point back to
 * one ("no progress has been made on this issue"; one issue: "both of these issues" are two), the
 * most likely issue of the text just before it.
 */
function issuesOf(span: string, before: string, matchers: IssueMatcher[]): QuoteSuggestion["issues"] {
  const own = scoreIssues(span, matchers);
  if (own.length > 0 || !POINTS_BACK_TO_ISSUE.test(span)) return own;
  return scoreIssues(before, matchers).slice(0, 1);
}

/**
 * The party a suggestion's speaker speaks for: the directory person's, else the party the speaker's
 * words name (`named` is the phrase as written, "Kremlin spokesman Dmitry Peskov", before titles
 * came off it), else an organisation's (the one table of organisation speakers).
 */
function partyOf(
  d: Draft,
  named: string | null,
  people: PersonForMatching[],
  parties: PartyForMatching[],
  before: string,
): QuoteSuggestion["party"] {
  const person = d.personId ? people.find((p) => p.id === d.personId) : null;
  if (person?.party) {
    const party = parties.find((p) => p.key === person.party);
    return { key: person.party, name: party?.name ?? person.party, confidence: 0.9 };
  }
  const name = [d.speakerName, named].filter(Boolean).join(" ").toLowerCase();
  if (!name) return null;
  const found = (p: PartyForMatching | undefined, confidence: number) =>
    p ? { key: p.key, name: p.name, confidence } : null;
  const byName = parties.find((p) =>
    [p.name, p.shortName ?? "", ...(p.aliases ?? [])].some((n) => mentionsWord(name, n)),
  );
  if (byName) return found(byName, 0.7);
  ORG_WORDS.lastIndex = 0;
  // "a senior State Department official": the organisation, not the group word after it.
  const orgs = [...name.matchAll(ORG_WORDS)].map((m) => m[0]);
  const org = orgs.find((o) => SUGGEST_RULES.organisationSpeakers[o]?.length) ?? orgs.pop();
  if (!org) return null;
  const owners = SUGGEST_RULES.organisationSpeakers[org];
  if (Array.isArray(owners) && owners.length > 0)
    return found(
      parties.find((p) => partyNames(p).some((n) => owners.includes(n))),
      0.7,
    );
  // "the Russian Foreign Ministry": the party's adjective, a little less sure than its name.
  const adjective = parties.find((p) => demonymsOf(p.name).some((n) => mentionsWord(name, n)));
  if (adjective || owners !== AROUND) return found(adjective, 0.6);
  // "the foreign ministry", its country named just before it in the paragraph.
  const nearby = before.toLowerCase();
  let last: { p: PartyForMatching; at: number } | null = null;
  for (const p of parties) {
    for (const w of partyWords(p)) {
      const at = [...nearby.matchAll(new RegExp(wordRegex(w).source, "gu"))].pop()?.index ?? -1;
      if (at >= 0 && (!last || at > last.at)) last = { p, at };
    }
  }
  return found(last?.p, 0.5);
}

/** A party's name, short name and aliases, lower case and without a parenthesis ("WTO (Director-General)" → "wto"). */
function partyNames(p: PartyForMatching): string[] {
  return [p.name, p.shortName ?? "", ...(p.aliases ?? [])]
    .map((n) =>
      n
        .replace(/\s*\([^)]*\)\s*/g, " ")
        .trim()
        .toLowerCase(),
    )
    .filter(Boolean);
}

function demonymsOf(partyName: string): string[] {
  const n = partyName.toLowerCase().trim();
  const listed = SUGGEST_RULES.demonyms[n];
  if (listed) return listed;
  if (/\s/.test(n)) return [];
  return /a$/.test(n) ? [`${n}n`] : /[bcdfghjklmnpqrstvwxz]$/.test(n) ? [`${n}ian`] : [];
}

function stanceOf(text: string): QuoteSuggestion["stance"] {
  const lower = ` ${text.toLowerCase()} `;
  for (const rule of SUGGEST_RULES.stance) {
    const hits = rule.words.filter((w) => lower.includes(w)).length;
    if (hits > 0) return { cue: rule.cue, confidence: Math.min(0.9, 0.45 + 0.15 * hits) };
  }
  return null;
}

// ── The public function ─────────────────────────────────────────────────────────────────────

export function suggestQuotes(
  text: string,
  people: PersonForMatching[],
  options: SuggestOptions = {},
): QuoteSuggestion[] {
  if (typeof text !== "string" || text.trim().length === 0) return [];
  // One-for-one replacements, so offsets in the view are offsets in the text.
  const view = text.replace(/[\u00a0\u2007\u2009\u202f\u200a\u2002\u2003\u2004\u2005\u2006\u2008\t]/g, " ");
  const st = analyseStructure(view, options, people);
  const cpStarts = utf16ToCodePoint(text);

  let drafts: Draft[];
  if (st.transcript) {
    drafts = transcriptDrafts(view, st, people);
  } else {
    const toUtf16 = codePointToUtf16(text);
    const parties = options.parties ?? [];
    const news: Draft[] = findNewsQuotes(text, people, {
      roleHolder: (phrase) => holderOfPost(phrase, people, parties)?.id ?? null,
      isPersonName: (name) => isPersonLike({ personId: null, speakerName: stripTitles(name) } as Draft, people),
    }).map((s) => ({
      start: toUtf16[s.start] ?? 0,
      end: toUtf16[s.end] ?? text.length,
      kind: s.kind,
      cue: s.cue,
      personId: s.speaker?.id ?? null,
      speakerName: s.speakerName ?? s.speaker?.name ?? null,
      confidence: s.kind === "DIRECT_QUOTE" ? 0.8 : 0.7,
    }));
    const kept = news
      .flatMap((d) => clip(d, st.excluded, view))
      .map((d) => wholeClause(d, view, st))
      .map((d) => speakerInsideAgencyReport(d, view, people, parties));
    drafts = [...kept, ...reportedDrafts(view, st, people, options.parties ?? [], kept)].sort(
      (a, b) => a.start - b.start,
    );
  }

  const matchers = issueMatchers(options.issues ?? [], options.parties ?? []);
  const out: QuoteSuggestion[] = [];
  let previousEnd = -1;
  const chars = codePoints(text);
  for (const d of drafts) {
    if (d.start < previousEnd || d.end <= d.start) continue;
    const span = view.slice(d.start, d.end);
    if (!isWholeEnough(view, d)) continue;
    const named = d.speakerName;
    normaliseSpeaker(d, people);
    const start = cpStarts[d.start] ?? 0;
    const end = cpStarts[d.end] ?? 0;
    const person = d.personId ? people.find((p) => p.id === d.personId) : null;
    out.push({
      start,
      end,
      text: chars.slice(start, end).join(""),
      speaker: person ? { id: person.id, name: person.name } : null,
      speakerName: d.speakerName,
      kind: d.kind,
      cue: d.cue,
      confidence: d.speakerName ? d.confidence : Math.min(d.confidence, 0.4),
      party: partyOf(d, named, people, options.parties ?? [], paragraphBefore(view, d.start)),
      issues: issuesOf(span, view.slice(Math.max(0, d.start - 600), d.start), matchers),
      stance: stanceOf(span),
    });
    previousEnd = d.end;
  }
  return out;
}

/**
 * A quotation that its sentence goes on after ("the U.S. “has not specifically indicated what
 * exactly” from Russian proposals … is unacceptable") is a fragment: the clause that holds it is
 * the statement.
 */
function wholeClause(d: Draft, view: string, st: Structure): Draft {
  if (d.kind !== "DIRECT_QUOTE" || !QUOTE_CLOSE.includes(view[d.end] ?? "")) return d;
  const rest = view.slice(d.end + 1, d.end + 80);
  if (!/^\s+\p{Ll}/u.test(rest) || /^\s+(?:he|she|they|the|a|an|as)\b/.test(rest)) return d;
  CLAUSE_CUES.lastIndex = 0;
  SENTENCE_CUES.lastIndex = 0;
  const next = rest.trim().split(/\s+/).slice(0, 8).join(" ");
  if (CLAUSE_CUES.test(next) || SENTENCE_CUES.test(next)) return d;
  const line = st.lines.find((l) => l.kind === "content" && l.bodyStart <= d.start && d.end <= l.end);
  if (!line || line.end - line.bodyStart > MAX_PARAGRAPH) return d;
  const sentence = readSentences(view.slice(line.bodyStart, line.end), line.bodyStart).find(
    (x) => x.start <= d.start && d.end <= x.end,
  );
  if (!sentence) return d;
  const lead = view.slice(sentence.start, d.start - 1);
  if (!lead.trim()) return d;
  const that = lead.lastIndexOf(" that ");
  CLAUSE_CUES.lastIndex = 0;
  const cue = [...lead.matchAll(CLAUSE_CUES)].pop();
  const from = that >= 0 ? that + 6 : cue ? (cue.index ?? 0) + cue[0].length + 1 : 0;
  const end = sentence.start + view.slice(sentence.start, sentence.end).replace(/[\s.]+$/, "").length;
  return { ...d, start: sentence.start + from, end, kind: "REPORTED_SPEECH" };
}

/**
 * "A high-ranking Russian official warned on May 29 that …, Reuters reported": an agency reports; the
 * speaker is the one its clause names, and the statement is what follows "that".
 */
function speakerInsideAgencyReport(
  d: Draft,
  view: string,
  people: PersonForMatching[],
  parties: PartyForMatching[],
): Draft {
  if (d.personId || !MEDIA.has((d.speakerName ?? "").toLowerCase())) return d;
  const inner = reportedInSentence(
    view.slice(d.start, d.end),
    { start: d.start, end: d.end, tokens: [] },
    people,
    parties,
    null,
    [],
  );
  if (!inner?.speakerName || MEDIA.has(inner.speakerName.toLowerCase())) return d;
  return { ...d, start: inner.start, end: inner.end, personId: inner.personId, speakerName: inner.speakerName };
}

/** Drops what lies in a headline, byline or dateline; trims a dateline off a span's start. */
function clip(d: Draft, excluded: Range[], view: string): Draft[] {
  let { start } = d;
  for (const r of excluded) {
    if (start >= r.start && start < r.end) start = r.end;
  }
  while (start < d.end && /\s/.test(view[start] ?? "")) start++;
  return start < d.end && words(view.slice(start, d.end)) > 0 ? [{ ...d, start }] : [];
}

/** Fragments of fewer than five words only when they are the whole quotation. */
function isWholeEnough(view: string, d: Draft): boolean {
  const span = view.slice(d.start, d.end);
  if (words(span) >= MIN_WORDS) return true;
  const before = view.slice(Math.max(0, d.start - 1), d.start);
  const after = view.slice(d.end, d.end + 2);
  return d.kind === "DIRECT_QUOTE" && QUOTE_OPEN.includes(before) && /^[,.!?…]?(?:["”»]|\n|$)/.test(after);
}

/** The paragraph's text before a position, at most 400 characters. */
function paragraphBefore(view: string, at: number): string {
  const from = Math.max(view.lastIndexOf("\n", at - 1) + 1, at - 400);
  return view.slice(from, at);
}

function normaliseSpeaker(d: Draft, people: PersonForMatching[]) {
  if (d.personId || !d.speakerName) return;
  const bare = d.speakerName.replace(/^\s*(?:the|a|an)\s+/i, "");
  // An organisation keeps its whole name: "Russian Foreign Ministry", not "Ministry".
  const stripped = ORG_AT_END.test(bare) ? bare : stripTitles(bare);
  // Titles come off names ("Deputy Foreign Minister Sergei Ryabkov"), not off groups ("Russian officials").
  const plain = /^\p{Lu}/u.test(stripped) ? stripped : bare;
  const person = matchPerson(plain, people, true);
  if (person) {
    d.personId = person.id;
    d.speakerName = person.name;
  } else d.speakerName = plain || d.speakerName;
}

function utf16ToCodePoint(text: string): number[] {
  const map = new Array<number>(text.length + 1);
  let cp = 0;
  for (let i = 0; i < text.length; i++) {
    map[i] = cp;
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      map[i + 1] = cp;
      i++;
    }
    cp++;
  }
  map[text.length] = cp;
  return map;
}

function codePointToUtf16(text: string): number[] {
  const map: number[] = [];
  let i = 0;
  for (const ch of text) {
    map.push(i);
    i += ch.length;
  }
  map.push(i);
  return map;
}
