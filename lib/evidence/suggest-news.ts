// Attributed statements in news prose (the first, regular-expression engine; lib/evidence/suggest.ts
// runs it on reports and puts structure, transcripts, speakers, parties and issues around it): finds attributed statements in an article's text — direct quotes with an
// attribution nearby ("…," Lavrov said / said Blinken / X said: "…") and reported speech
// ("Lavrov said that …", "According to Peskov, …", "…, the expert concluded") — and proposes
// them as evidence, with the speaker matched against the workspace's people where possible.
//
// Pure and offline: plain regular expressions over paragraphs and sentences, no model, no I/O.
// Every suggestion is anchored in Unicode code points, like every other anchor (see ./anchor),
// and its `text` is exactly the code-point slice start–end of the input, so it can be verified
// and saved as it is.
//
// How it works, in order:
//  1. The text is cut into paragraphs (lines) and, within each, into quotations (curly, straight
//     and guillemet quotes; nested and unclosed ones are tolerated) and sentences (a quotation
//     never splits a sentence).
//  2. A quotation of four words or more (or a shorter one ending in a comma, "!" or "?" inside
//     its marks) is a DIRECT_QUOTE when the rest of its sentence carries
//     an attribution — before it ("X told reporters that “…”", "X said: “…”") or after it
//     ("…,” he said", "…” — said Blinken") — or when it continues a sentence that does.
//     A paragraph in the first person followed by a line that starts with a person's name is a
//     pull quote, attributed to that person.
//  3. A sentence without such a quotation is REPORTED_SPEECH when it has the shape
//     "As X explained, …", "X said (that) …", "X highlighted/called on …" (the whole sentence),
//     "According to X, …", or "…, X said." — and a sentence sandwiched between two statements
//     by the same speaker in one paragraph is taken to continue them.
//  4. Speakers: a person's name, alias or surname in the attribution; a pronoun resolves to the
//     person in focus (the last speaker, or a person named since); a title ("the minister", "the
//     Secretary of State", "the presidential spokesman") to the person most recently named with
//     that title; "the expert"/"a researcher" to the last speaker holding no official post.
//     Anything else that looks like a name ("Bloomberg") is kept as `speakerName` only.

import { codePointLength } from "./anchor";
import { SUGGEST_RULES } from "./suggest-rules";

export type PersonForMatching = { id: string; name: string; aliases: string[]; role?: string | null };

/**
 * What the caller knows about the workspace that the text does not say: who holds a post named
 * without a name ("the Secretary-General", "Iranian top negotiator", "the U.N. chief"), and whether
 * a name outside the directory is a person's (so that a later "he" can refer to them).
 */
export type NewsHooks = {
  roleHolder?: (phrase: string) => string | null;
  isPersonName?: (name: string) => boolean;
};

export type NewsSuggestion = {
  start: number;
  end: number;
  text: string;
  speaker: { id: string; name: string } | null;
  speakerName: string | null;
  kind: "DIRECT_QUOTE" | "REPORTED_SPEECH";
  cue: string;
};

// ── Vocabulary ──────────────────────────────────────────────────────────────────────────────

const OPEN_QUOTES = new Set(["\u201c", "\u00ab", "\u201e", "\u201f", '"']);
const CLOSE_QUOTES = new Set(["\u201d", "\u00bb", '"']);
const DASH = "\u2014\u2013\u2012\u2015";
const MIN_QUOTE_WORDS = 4;
/** Longer "sentences" (unpunctuated runs) are not searched for reported speech. */
const MAX_SENTENCE_CHARS = 4000;
/** How far to look for the end of a quotation; anything longer is treated as unclosed. */
const MAX_QUOTE_CHARS = 3000;
/** How many mentions or speakers back (and ahead) a title or "the expert" may reach. */
const SEARCH_LIMIT = 400;

const RULE_OUT = ["does not", "did not", "doesn't", "didn't", "doesn\u2019t", "didn\u2019t"].map(
  (n) => `${n} rule out`,
);
/** "argued the West is …": they all take a bare clause as well as a that-clause. */
const CONTENDING = ["argued", "argues", "claimed", "claims", "insisted", "insists"];
// Verbs (and phrases) that report speech; the sets below say which constructions each may take.
const CUE_WORDS = [
  "went on to say",
  "goes on to say",
  ...RULE_OUT,
  "pointed out",
  "points out",
  "pointing out",
  "summed up",
  "sums up",
  "called on",
  "calls on",
  "called for",
  "calls for",
  "put it",
  "according to",
  "said",
  "says",
  "saying",
  "say",
  "told",
  "tells",
  "telling",
  "noted",
  "notes",
  "noting",
  "stressed",
  "stresses",
  "stressing",
  "emphasised",
  "emphasized",
  "emphasises",
  "emphasizes",
  "emphasising",
  "emphasizing",
  "underlined",
  "underscored",
  "added",
  "adds",
  "adding",
  "stated",
  "states",
  "explained",
  "explains",
  "explaining",
  "believes",
  "believed",
  "thinks",
  "warned",
  "warns",
  "warning",
  "recalled",
  "recalls",
  "recalling",
  "quoted",
  ...CONTENDING,
  "remarked",
  "observed",
  "concluded",
  "concludes",
  "continued",
  "continues",
  "reminded",
  "reminds",
  "acknowledged",
  "admitted",
  "recognized",
  "recognised",
  "confirmed",
  "announced",
  "declared",
  "replied",
  "responded",
  "answered",
  "asserted",
  "suggested",
  "suggests",
  "highlighted",
  "mentioned",
  "named",
  "urged",
  "proposed",
  "reiterated",
  "denied",
  "noticed",
  "finished",
  "wrote",
  "writes",
  "reported",
  "commented",
  "asked",
  "hopes",
  "hoped",
  "expects",
];
// Looked up word by word (a regex alternation of them all is slow on long inputs), and
// case-sensitively: cues are verbs, so "the United States" is not "states"; only "According to"
// opens a sentence.
const SINGLE_CUES = new Set(CUE_WORDS.filter((c) => !c.includes(" ")));
const PHRASE_CUES = new Map<string, RegExp[]>();
for (const phrase of [...CUE_WORDS.filter((c) => c.includes(" ")), "According to"]) {
  const [first, ...rest] = phrase.split(" ");
  const list = PHRASE_CUES.get(first!) ?? [];
  list.push(new RegExp(`${escapeRegExp(first!)}${rest.map((w) => `\\s+${escapeRegExp(w)}`).join("")}(?![\\w'’])`, "y"));
  PHRASE_CUES.set(first!, list);
}
const WORD_RE = /[A-Za-z][A-Za-z'’]*/g;

/** Where an unclosed quotation gives way to its attribution: "…, — he noticed." */
const DASH_ATTRIBUTION = new RegExp(
  `\\s*[,.]?\\s*[${DASH}]\\s*(?=[^.!?\\n]{0,160}?\\b(?:${CUE_WORDS.map(escapeRegExp).join("|")})\\b)`,
  "g",
);

/** May take a clause without "that": "Lavrov said the West is …". */
const BARE_CLAUSE_CUES = new Set([
  "said",
  "says",
  "added",
  "adds",
  "believes",
  "believed",
  "thinks",
  ...CONTENDING,
  "warned",
  "told",
  "tells",
]);
/** Take an object; the statement is then the whole sentence: "Stoltenberg named three areas …". */
const OBJECT_CUES = new Set([
  "highlighted",
  "named",
  "mentioned",
  "called on",
  "calls on",
  "called for",
  "calls for",
  "urged",
  "proposed",
  "suggested",
  "suggests",
  "warned",
  "stressed",
  "emphasised",
  "emphasized",
  "underlined",
  "underscored",
  "reiterated",
  "announced",
  "declared",
  "denied",
  "recalled",
  "reminded",
]);
/** Only ever attribute backwards ("…, the expert concluded"), never introduce a clause. */
const TRAILING_ONLY = new Set([
  "continued",
  "continues",
  "concluded",
  "concludes",
  "finished",
  "went on to say",
  "goes on to say",
  "summed up",
  "sums up",
  "noticed",
  "quoted",
  "put it",
  "commented",
  ...RULE_OUT,
]);
/** May introduce a that-clause ("X said that …", "X told reporters that …"): every cue but these. */
const THAT_CUES = new Set(
  CUE_WORDS.filter(
    (c) =>
      !TRAILING_ONLY.has(c) &&
      ![
        "pointing out",
        "called on",
        "calls on",
        "called for",
        "calls for",
        "according to",
        "say",
        "telling",
        "explaining",
        "recalling",
        "highlighted",
        "named",
        "urged",
        "proposed",
      ].includes(c),
  ),
);
/** May come before the speaker: "said Blinken", "added Kortunov", "recognized by the minister". */
const INVERTIBLE = new Set([
  "said",
  "says",
  "added",
  "adds",
  "noted",
  "notes",
  "stressed",
  "emphasised",
  "emphasized",
  "explained",
  "explains",
  "continued",
  "continues",
  "concluded",
  "concludes",
  "recalled",
  "wrote",
  "writes",
  "recognized",
  "recognised",
  "acknowledged",
  "admitted",
  "observed",
  "remarked",
  "stated",
  "insisted",
  "asked",
  "replied",
  "answered",
  "warned",
  "quoted",
  "according to",
  "summed up",
]);
/** Never start an attribution on their own (participles, hopes). */
const NOT_TRAILING = new Set([
  "saying",
  "noting",
  "adding",
  "stressing",
  "warning",
  "emphasising",
  "emphasizing",
  "telling",
  "pointing out",
  "recalling",
  "explaining",
  "hopes",
  "hoped",
  "expects",
  "asked",
  "say",
]);

const PRONOUNS = new Set(["he", "she", "him", "her", "they", "i", "we"]);
/** A subject ending like this is hypothetical or not a subject at all: "Moscow can say …", "option — to say …". */
const MODALS = /\b(?:can|could|may|might|would|should|will|must|shall|cannot|to)$/i;
const TRAILING_ADVERBS =
  /\s+(?:also|again|once again|once more|repeatedly|then|later|earlier|further|in particular|only|even|has|have|had|did|does|do|reportedly|previously|already|subsequently|finally|publicly|specifically|explicitly|openly|clearly|firmly|directly|recently|today|yesterday)\s*$/i;
const PARENTHETICALS =
  /,\s*(?:in particular|however|meanwhile|also|in turn|for (?:his|her|their|its) part|at the same time|in addition|moreover|though|too|therefore|(?:in an interview|citing|according to|commenting|speaking|referring|responding|answering|talking|writing|who|whom|which|while|after|before|during|following|when)\b[^,]{0,200}?)\s*,/gi;
const STOP_CAPITALS = new Set([
  "it",
  "this",
  "that",
  "these",
  "those",
  "there",
  "then",
  "now",
  "here",
  "what",
  "which",
  "who",
  "when",
  "however",
  "also",
  "but",
  "and",
  "so",
  "yes",
  "no",
  "in",
  "on",
  "at",
  "as",
  "if",
  "for",
  "with",
  "after",
  "before",
  "while",
  "although",
  "because",
  "since",
  "such",
  "all",
  "some",
  "many",
  "most",
  "none",
  "each",
  "every",
  "both",
  "one",
  "its",
  "his",
  "her",
  "their",
  "our",
  "my",
  "your",
  "an",
  "a",
  "the",
  "earlier",
  "later",
  "finally",
  "meanwhile",
  "moreover",
  "nevertheless",
  "still",
  "today",
  "yesterday",
  "on",
  "by",
  "from",
  "to",
  "of",
  "not",
  "nor",
  "or",
  "why",
  "how",
  "where",
  "we",
  "you",
]);
const NAME_CONNECTORS = new Set([
  "of",
  "the",
  "and",
  "de",
  "da",
  "del",
  "di",
  "von",
  "van",
  "der",
  "al",
  "bin",
  "for",
  "&",
]);

// Titles, most specific first; `canon` groups the spellings that refer to one post.
const ROLES: { re: RegExp; canon: string; official: boolean; generic?: boolean; all?: RegExp }[] = [
  { re: /\bsecretary of state\b/i, canon: "secretary of state", official: true },
  { re: /\bsecretary[- ]general\b/i, canon: "secretary general", official: true },
  { re: /\bpress secretary\b/i, canon: "spokesman", official: true },
  { re: /\bspokes(?:man|woman|person)\b/i, canon: "spokesman", official: true },
  { re: /\bprime minister\b|\bpremier\b/i, canon: "prime minister", official: true },
  // "the foreign ministry" is an organisation, not its minister.
  { re: /\bminister\b/i, canon: "minister", official: true },
  { re: /\bpresident\b/i, canon: "president", official: true },
  { re: /\bambassador\b/i, canon: "ambassador", official: true },
  { re: /\bchancellor\b/i, canon: "chancellor", official: true },
  { re: /\benvoy\b/i, canon: "envoy", official: true },
  { re: /\bsenator\b/i, canon: "senator", official: true },
  { re: /\bdirector(?:[- ]general)?\b/i, canon: "director", official: false },
  { re: /\bresearch(?:er)?\b/i, canon: "researcher", official: false, generic: true },
  { re: /\bexpert\b/i, canon: "expert", official: false, generic: true },
  { re: /\banalyst\b/i, canon: "analyst", official: false, generic: true },
  { re: /\b(?:political )?scientist\b/i, canon: "scientist", official: false, generic: true },
  { re: /\bprofessor\b/i, canon: "professor", official: false, generic: true },
  { re: /\bscholar\b/i, canon: "scholar", official: false, generic: true },
  { re: /\bobserver\b/i, canon: "observer", official: false, generic: true },
  { re: /\bhead\b/i, canon: "head", official: false },
  { re: /\bchief\b/i, canon: "chief", official: false },
];

for (const role of ROLES) role.all = new RegExp(role.re.source, "gi");
const ANY_ROLE = new RegExp(ROLES.map((r) => r.re.source).join("|"), "i");

/** The post a directory role names ("Kremlin spokesman" → spokesman; "spokesman for the secretary-general" → spokesman). */
function directoryRole(person: PersonForMatching | undefined): string | null {
  const role = person?.role?.split(/\s+(?:for|to)\s+/)[0];
  return role ? (ROLES.find((r) => r.re.test(role))?.canon ?? null) : null;
}

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

function wordCount(value: string): number {
  return value.match(/[\p{L}\p{N}]+/gu)?.length ?? 0;
}

// ── People ──────────────────────────────────────────────────────────────────────────────────

type Mention = { start: number; end: number; personId: string };
type Directory = {
  byId: Map<string, PersonForMatching>;
  re: RegExp | null;
  byForm: Map<string, string>;
  hooks?: NewsHooks;
};

function buildDirectory(people: PersonForMatching[]): Directory {
  const byId = new Map<string, PersonForMatching>();
  const byForm = new Map<string, string>();
  const ambiguous = new Set<string>();
  const claim = (form: string, id: string) => {
    const key = form.trim().replace(/\s+/g, " ").toLowerCase();
    if (key.length < 3) return;
    const owner = byForm.get(key);
    if (owner !== undefined && owner !== id) ambiguous.add(key);
    else byForm.set(key, id);
  };
  for (const person of people) {
    byId.set(person.id, person);
    const forms = [person.name, ...person.aliases].filter((f) => f.trim().length > 0);
    for (const form of forms) claim(form, person.id);
    // Surnames after full forms, so a full name never loses to a shared surname.
    for (const form of forms) {
      const parts = form.trim().split(/\s+/);
      if (parts.length > 1) claim(parts[parts.length - 1]!, person.id);
    }
  }
  for (const key of ambiguous) byForm.delete(key);
  const forms = [...byForm.keys()].sort((a, b) => b.length - a.length);
  const re = forms.length
    ? new RegExp(
        `(?<![\\p{L}\\p{N}])(?:${forms.map((f) => escapeRegExp(f).replace(/ /g, "\\s+")).join("|")})(?![\\p{L}\\p{N}])`,
        "giu",
      )
    : null;
  return { byId, re, byForm };
}

function findMentions(text: string, directory: Directory, offset = 0): Mention[] {
  if (!directory.re) return [];
  const mentions: Mention[] = [];
  const re = directory.re;
  re.lastIndex = 0;
  for (let match = re.exec(text); match; match = re.exec(text)) {
    const id = directory.byForm.get(match[0].replace(/\s+/g, " ").toLowerCase());
    if (id !== undefined)
      mentions.push({ start: offset + match.index, end: offset + match.index + match[0].length, personId: id });
  }
  return mentions;
}

/** The titles each person carries in this text: "Russian Foreign Minister Sergei Lavrov", "Andrei Kortunov, Director General of …". */
function collectTitles(view: string, mentions: Mention[]): Map<string, Set<string>> {
  const titles = new Map<string, Set<string>>();
  const add = (id: string, canon: string) => {
    const set = titles.get(id) ?? new Set<string>();
    titles.set(id, set);
    set.add(canon);
  };
  for (const mention of mentions) {
    let before = view.slice(Math.max(0, mention.start - 90), mention.start);
    const cut = Math.max(
      before.lastIndexOf("."),
      before.lastIndexOf("\n"),
      before.lastIndexOf(";"),
      before.lastIndexOf(":"),
    );
    if (cut >= 0) before = before.slice(cut + 1);
    if (ANY_ROLE.test(before))
      for (const role of ROLES) {
        for (const match of before.matchAll(role.all!)) {
          const rest = before.slice(match.index + match[0].length);
          if (/^(?:\s+(?:of|the|for|at|in|on|[A-Z][\w'’.&-]*))*\s*,?\s*$/.test(rest)) add(mention.personId, role.canon);
        }
      }
    const after = view.slice(mention.end, mention.end + 120);
    const appositive = /^\s*,?\s*(?:the\s+|a\s+|an\s+)?((?:[A-Z][\w'’.&-]*\s+){0,3}[^,.;\n]{0,100})/.exec(after);
    if (appositive && ANY_ROLE.test(appositive[1]!)) {
      const phrase = appositive[1]!;
      for (const role of ROLES) {
        const match = role.re.exec(phrase);
        if (match && /^(?:[A-Z][\w'’.&-]*\s+){0,3}$/.test(phrase.slice(0, match.index)))
          add(mention.personId, role.canon);
      }
    }
  }
  return titles;
}

// ── Structure: paragraphs, quotations, sentences ─────────────────────────────────────────────

type Quote = { open: number; contentStart: number; contentEnd: number; close: number; closed: boolean };
type Sentence = { start: number; end: number; quotes: Quote[] };

/** Quotations of one paragraph [from, to) of the normalised view, in order, not overlapping. */
function findQuotes(view: string, from: number, to: number): Quote[] {
  const quotes: Quote[] = [];
  // Where the next closing mark is, so a quotation that can't close is known without a scan.
  let nextCurlyClose: number[] | null = null;
  const curlyCloseAfter = (k: number): number => {
    if (!nextCurlyClose) {
      nextCurlyClose = new Array<number>(to - from + 1);
      let next = to;
      nextCurlyClose[to - from] = to;
      for (let m = to - 1; m >= from; m--) {
        if (view[m] === "\u201d" || view[m] === "\u00bb") next = m;
        nextCurlyClose[m - from] = next;
      }
    }
    return nextCurlyClose[k - from]!;
  };
  let i = from;
  while (i < to) {
    const ch = view[i]!;
    if (!OPEN_QUOTES.has(ch)) {
      i++;
      continue;
    }
    const straight = ch === '"';
    const open = i;
    let depth = 1;
    let j = i + 1;
    const limit = Math.min(to, i + 1 + MAX_QUOTE_CHARS);
    if (!straight && curlyCloseAfter(i + 1) >= limit) j = limit;
    for (; j < limit; j++) {
      const c = view[j]!;
      if (straight) {
        if (c === '"') {
          depth = 0;
          break;
        }
      } else if (c === "\u201c" || c === "\u00ab" || c === "\u201e") {
        depth++;
      } else if (CLOSE_QUOTES.has(c) && c !== '"') {
        depth--;
        if (depth === 0) break;
      }
    }
    if (depth === 0) {
      quotes.push({ open, contentStart: open + 1, contentEnd: j, close: j + 1, closed: true });
      i = j + 1;
      continue;
    }
    // Unclosed: the quotation ends where an attribution takes over ("…, — he noticed."),
    // or, failing that, at the end of the paragraph.
    const body = view.slice(open + 1, limit);
    let end = to;
    for (const match of body.matchAll(DASH_ATTRIBUTION)) {
      const at = open + 1 + match.index;
      if (at > open + 1) {
        end = at;
        break;
      }
    }
    quotes.push({ open, contentStart: open + 1, contentEnd: end, close: end, closed: false });
    i = end > open ? end : open + 1;
  }
  return quotes;
}

const ABBREVIATIONS =
  /(?:^|[\s(])(?:Mr|Mrs|Ms|Dr|St|Gen|Lt|Col|Sen|Rep|Gov|Jr|Sr|vs|etc|No|Nos|Prof|Inc|Ltd|Co|Corp|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|(?:[A-Z]\.)*[A-Z])$/;

function splitSentences(view: string, from: number, to: number, quotes: Quote[]): Sentence[] {
  const sentences: Sentence[] = [];
  let start = from;
  let q = 0;
  let i = from;
  const isBoundaryAfter = (k: number) => {
    // k: index just after the terminal punctuation (and any closing marks).
    let m = k;
    if (m >= to) return true;
    if (!/\s/.test(view[m]!)) return false;
    while (m < to && /\s/.test(view[m]!)) m++;
    if (m >= to) return true;
    const next = view[m]!;
    return (
      /[\p{Lu}\p{N}]/u.test(next) ||
      OPEN_QUOTES.has(next) ||
      next === "(" ||
      next === "[" ||
      DASH.includes(next) ||
      next === "-"
    );
  };
  while (i < to) {
    while (q < quotes.length && quotes[q]!.open < i) q++;
    const quote = quotes[q];
    if (quote && i === quote.open) {
      // A quotation is atomic; a sentence may end with it ("… a chance." He added …).
      i = Math.max(quote.close, quote.open + 1);
      q++;
      const last = view.slice(quote.contentStart, quote.contentEnd).trimEnd();
      if (quote.closed && /[.!?…]$/.test(last) && isBoundaryAfter(i)) {
        sentences.push({ start, end: i, quotes: [] });
        start = i;
      }
      continue;
    }
    const ch = view[i]!;
    if (ch === "." || ch === "!" || ch === "?" || ch === "\u2026") {
      let k = i + 1;
      while (k < to && /[.!?\u2026)\]\u2019'\u201d\u00bb"]/.test(view[k]!) && !(quotes[q] && k === quotes[q]!.open))
        k++;
      const word = view.slice(Math.max(from, i - 6), i);
      if (isBoundaryAfter(k) && !(ch === "." && ABBREVIATIONS.test(word))) {
        sentences.push({ start, end: k, quotes: [] });
        start = k;
        i = k;
        continue;
      }
    }
    i++;
  }
  if (start < to) sentences.push({ start, end: to, quotes: [] });
  // Trim whitespace and attach quotations.
  const out: Sentence[] = [];
  let qi = 0;
  for (const sentence of sentences) {
    let s = sentence.start;
    let e = sentence.end;
    while (s < e && /\s/.test(view[s]!)) s++;
    while (e > s && /\s/.test(view[e - 1]!)) e--;
    if (e <= s) continue;
    while (qi < quotes.length && quotes[qi]!.open < s) qi++;
    const mine: Quote[] = [];
    while (qi < quotes.length && quotes[qi]!.open < e) mine.push(quotes[qi++]!);
    out.push({ start: s, end: e, quotes: mine });
  }
  return out;
}

// ── Attribution parsing ──────────────────────────────────────────────────────────────────────

type Cue = { index: number; end: number; word: string };

function cuesIn(value: string): Cue[] {
  const cues: Cue[] = [];
  WORD_RE.lastIndex = 0;
  for (let match = WORD_RE.exec(value); match; match = WORD_RE.exec(value)) {
    const word = match[0];
    const phrases = PHRASE_CUES.get(word);
    let found = false;
    if (phrases) {
      for (const re of phrases) {
        re.lastIndex = match.index;
        const phrase = re.exec(value);
        if (phrase) {
          cues.push({
            index: match.index,
            end: match.index + phrase[0].length,
            word: phrase[0].toLowerCase().replace(/\s+/g, " "),
          });
          found = true;
          break;
        }
      }
    }
    if (!found && SINGLE_CUES.has(word)) cues.push({ index: match.index, end: match.index + word.length, word });
  }
  return cues;
}

function stripTrailingAdverbs(value: string): string {
  let out = value.replace(/[\s,]+$/, "");
  for (let n = 0; n < 4; n++) {
    const next = out.replace(TRAILING_ADVERBS, "").replace(/[\s,]+$/, "");
    if (next === out) break;
    out = next;
  }
  return out;
}

/** Whether a phrase can name who is speaking: a person, a pronoun, a title, an organisation. */
function isSpeakerLike(phrase: string, directory: Directory): boolean {
  const value = phrase.trim().replace(/^[\s,;:\u2014\u2013-]+|[\s,;:\u2014\u2013-]+$/g, "");
  if (!value || value.length > 160) return false;
  if (MODALS.test(value)) return false;
  const words = value.split(/\s+/);
  if (words.length > 12) return false;
  if (words.length === 1 && PRONOUNS.has(value.toLowerCase())) return true;
  if (findMentions(value, directory).length > 0) return words.length <= 12;
  if (words.length > 8) return false;
  if (words.length <= 6 && directory.hooks?.roleHolder?.(value)) return true;
  if (/\b(?:is|are|was|were|be|been|being|that|not|to)\b/i.test(value)) return false;
  if (/^(?:the|a|an|its|his|her|their|this|that|these|those)\s/i.test(value) || /^[A-Z]/.test(value)) {
    if (ROLES.some((role) => role.re.test(value))) return true;
  }
  return isNameLike(value);
}

function isNameLike(value: string): boolean {
  const words = value
    .replace(/^(?:the|The)\s+/, "")
    .split(/\s+/)
    .filter(Boolean);
  if (words.length === 0 || words.length > 6) return false;
  if (STOP_CAPITALS.has(words[0]!.toLowerCase())) return false;
  if (!/^[\p{Lu}\p{N}]/u.test(words[0]!)) return false;
  return words.every((w) => /^[\p{Lu}\p{N}][\p{L}\p{N}'’.&-]*$/u.test(w) || NAME_CONNECTORS.has(w.toLowerCase()));
}

/** The subject before a cue, in the text preceding it within the sentence. */
function subjectBefore(pre: string): { subject: string; previous: string } {
  const cleaned = stripTrailingAdverbs(pre.replace(PARENTHETICALS, ","));
  const segments = cleaned.split(",");
  const subject = (segments.pop() ?? "").trim();
  // "The Russian leader's spokesman, Dmitry Peskov" keeps the name; "Andrei Kortunov, Director
  // General of …" keeps the name before the title.
  const previous = segments.length ? segments[segments.length - 1]!.trim() : "";
  return { subject, previous };
}

// ── Speaker resolution ───────────────────────────────────────────────────────────────────────

type Resolved = { personId: string | null; speakerName: string | null };

class Context {
  focus: string | null = null;
  /** Someone outside the directory who is the subject of the last sentence ("The chair, Ambassador Gunnarsson, echoed …"). */
  focusName: string | null = null;
  speakers: { id: string; at: number }[] = [];
  constructor(
    readonly directory: Directory,
    readonly mentions: Mention[],
    readonly titles: Map<string, Set<string>>,
  ) {}

  isOfficial(id: string): boolean {
    const set = this.titles.get(id);
    if (!set) return false;
    return ROLES.some((role) => role.official && set.has(role.canon));
  }

  noteSpeaker(id: string | null, at: number, name?: string | null) {
    if (!id) {
      // "US State Department spokesman Ned Price said …. He also added …": a person outside the directory.
      if (name && this.directory.hooks?.isPersonName?.(name)) {
        this.focus = null;
        this.focusName = name;
      }
      return;
    }
    this.focus = id;
    this.focusName = null;
    this.speakers.push({ id, at });
  }

  resolve(phrase: string, previous: string, at: number): Resolved {
    const value = phrase
      .trim()
      .replace(/^(?:by|as)\s+/i, "")
      .replace(/^[\s,;:\u2014\u2013-]+|[\s,;:.\u2014\u2013-]+$/g, "");
    const own = findMentions(value, this.directory);
    if (own.length) {
      const last = own[own.length - 1]!;
      return { personId: last.personId, speakerName: value.slice(last.start, last.end) };
    }
    const lower = value.toLowerCase();
    if (PRONOUNS.has(lower)) {
      if (lower === "he" || lower === "she" || lower === "him" || lower === "her") {
        const id = this.focus;
        if (!id && this.focusName) return { personId: null, speakerName: this.focusName };
        return { personId: id, speakerName: id ? this.directory.byId.get(id)!.name : null };
      }
      return { personId: null, speakerName: null };
    }
    const role = ROLES.find((r) => r.re.test(value));
    if (role) {
      // A name just before the title: "Andrei Kortunov, Director General of RIAC, said …".
      const named = findMentions(previous, this.directory);
      if (named.length && wordCount(previous) <= 4) {
        const last = named[named.length - 1]!;
        return { personId: last.personId, speakerName: previous.slice(last.start, last.end) };
      }
      const id = role.generic
        ? this.resolveGeneric(at)
        : (this.resolveTitled(role.canon, at) ??
          this.resolveByDirectoryRole(role.canon, at) ??
          this.directory.hooks?.roleHolder?.(value) ??
          null);
      return { personId: id, speakerName: value };
    }
    const holder = this.directory.hooks?.roleHolder?.(value);
    if (holder) return { personId: holder, speakerName: value };
    if (isNameLike(value)) return { personId: null, speakerName: value };
    return { personId: null, speakerName: null };
  }

  /** Index of the first mention starting at or after `pos`. */
  mentionIndex(pos: number): number {
    let lo = 0;
    let hi = this.mentions.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.mentions[mid]!.start < pos) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** People named in [start, end). */
  mentionsIn(start: number, end: number): Mention[] {
    const out: Mention[] = [];
    for (let i = this.mentionIndex(start); i < this.mentions.length && this.mentions[i]!.start < end; i++) {
      if (this.mentions[i]!.end <= end) out.push(this.mentions[i]!);
    }
    return out;
  }

  /** The person most recently named with this title before `at`, else the next one named after it. */
  private resolveTitled(canon: string, at: number): string | null {
    const pivot = this.mentionIndex(at);
    for (let i = pivot - 1; i >= Math.max(0, pivot - SEARCH_LIMIT); i--) {
      if (this.titles.get(this.mentions[i]!.personId)?.has(canon)) return this.mentions[i]!.personId;
    }
    for (let i = pivot; i < Math.min(this.mentions.length, pivot + SEARCH_LIMIT); i++) {
      if (this.titles.get(this.mentions[i]!.personId)?.has(canon)) return this.mentions[i]!.personId;
    }
    return null;
  }

  /**
   * "The press secretary of the Russian leader said": the person last named before `at` whose role in
   * the directory is that post, when the text never gave them the title.
   */
  private resolveByDirectoryRole(canon: string, at: number): string | null {
    const pivot = this.mentionIndex(at);
    for (let i = pivot - 1; i >= Math.max(0, pivot - SEARCH_LIMIT); i--) {
      const id = this.mentions[i]!.personId;
      if (directoryRole(this.directory.byId.get(id)) === canon) return id;
    }
    return null;
  }

  /** "The expert", "a researcher": the last speaker who holds no official post, else the next one named. */
  private resolveGeneric(at: number): string | null {
    for (let i = this.speakers.length - 1; i >= Math.max(0, this.speakers.length - SEARCH_LIMIT); i--) {
      const speaker = this.speakers[i]!;
      if (speaker.at <= at && !this.isOfficial(speaker.id)) return speaker.id;
    }
    const pivot = this.mentionIndex(at);
    for (let i = pivot; i < Math.min(this.mentions.length, pivot + SEARCH_LIMIT); i++) {
      if (!this.isOfficial(this.mentions[i]!.personId)) return this.mentions[i]!.personId;
    }
    return null;
  }
}

/**
 * A sentence whose subject is a titled person ("The chair, Ambassador Gunnarsson, echoed …",
 * "Foreign Minister Jane Doe met …"): the person a "he" or "she" in the next sentences refers to.
 */
const TITLED_SUBJECT =
  /^\s*(?:The\s+[\p{Ll}-]+(?:\s+[\p{Ll}-]+){0,3},\s+)?(?:(?:Ambassador|Minister|Secretary|Spokes(?:man|woman|person)|President|Director(?:-General)?|Envoy|Chair(?:man|woman)?|Negotiator|Mr|Ms|Mrs|Dr|Foreign|Deputy|Prime|Special)\.?\s+)+([\p{Lu}][\p{L}’'-]+(?:\s+[\p{Lu}][\p{L}’'-]+)?),?\s+\p{Ll}/u;

const PASSIVE_ATTRIBUTION = new RegExp(
  `^\\W*(?:[^,]{0,80},\\s*)?(?:this|that|it)\\s+(?:was|has\\s+been|had\\s+been)\\s+(${SUGGEST_RULES.cueVerbs.passive.join("|")})\\s+by\\s+([^,;]{3,160}?)\\s*[.!]?\\s*$`,
  "i",
);
const TOLD_ONLY = new RegExp(
  `^\\W*()([^,;]{3,160}?)\\s+(?:${SUGGEST_RULES.cueVerbs.toldOnly.join("|")})(?:\\s+(?:on|in|at|during)\\s+[^,]{1,40}?)?(?:,\\s*(?:${SUGGEST_RULES.cueVerbs.occasions.join("|")})\\b.*)?\\s*[.!]?\\s*$`,
  "i",
);
/** "He said this at a press conference on Friday", "He told reporters about this on January 9, answering …". */
const SAID_THIS =
  /^\W*()([^,;]{2,160}?)\s+(?:said|stated|announced|told\s+(?:reporters|journalists|the\s+media|the\s+press)\s+about)\s+(?:this|so|it)\b(?:\s+(?:on|in|at|during|while|when|to)\b[^.!?]*|,[^.!?]*)?\s*[.!]?\s*$/i;
/** A sentence that only attributes the one before it ("This was announced by X.", "X told reporters on Friday."). */
export const pointsBack = (sentence: string) =>
  PASSIVE_ATTRIBUTION.test(sentence) || TOLD_ONLY.test(sentence) || SAID_THIS.test(sentence);

/** "During the talks on …, " before a statement's clause. */
const SUBORDINATE_LEAD = /^\s*(?:during|at|after|following|in|on)\b[^,]{0,120},\s*/i;

/** `previous` is the comma-separated segment before the subject, which may hold its name. */
type Attribution = { cue: string; subject: string; previous: string; at: number };

/**
 * Reads an attribution tail such as "he said", "said the expert", "— Blinken summed up",
 * "Richard Weitz, director of …, told RBC", "recognized by the minister", "according to him".
 * `maxAfterWords` bounds what may follow the cue (adverbials like "on Tuesday").
 */
const BARE_CLAUSE_TIME =
  /^\s+(?:(?:on|last|this|earlier|late|early)\s+)?(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|yesterday|today|tonight|week|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2})\b(?:\s+(?:morning|afternoon|evening|night))?(?=\s)/i;

const TIME_LEAD =
  /^\s*(?:(?:on|last|this|earlier|late|early)\s+)?(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|yesterday|today|tonight)\b(?:\s*,?\s*(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:,\s*\d{4})?)?\s*,\s*/i;

function parseTail(tail: string, directory: Directory, maxAfterWords: number): Attribution | null {
  const value = tail.replace(/^[\s,.;:!?\u201d\u00bb"'\u2019)\]\u2014\u2013\u2012\u2015-]+/, "");
  if (!value) return null;
  const skipped = tail.length - value.length;
  for (const cue of cuesIn(value.slice(0, 260))) {
    if (NOT_TRAILING.has(cue.word)) continue;
    const before = value.slice(0, cue.index).trim();
    const after = value.slice(cue.end);
    const afterWords = wordCount(after.replace(/[.!?].*$/s, ""));
    if (!before || /^(?:as)$/i.test(before)) {
      if (!INVERTIBLE.has(cue.word) && cue.word !== "put it") return null;
      // "said on Monday, December 20, the press secretary …": the time comes before the speaker.
      const time = TIME_LEAD.exec(after)?.[0].length ?? 0;
      // An initialism's full stops ("the U.N. Food and Agriculture Organisation") do not end the name.
      const who = /^\s*(?:by\s+)?((?:(?:\p{Lu}\.){2,}|[^,.;:!?\n]){1,160})/u.exec(after.slice(time));
      if (!who) return null;
      const subject = who[1]!.trim();
      if (!isSpeakerLike(subject.replace(/^(?:by|to)\s+/i, ""), directory)) return null;
      if (afterWords - wordCount(subject) > maxAfterWords) return null;
      return { cue: cue.word, subject, previous: "", at: skipped + cue.index };
    }
    if (cue.word === "according to") return null;
    // "Richard Weitz, director of the Center …, told RBC": the name, then appositives.
    const segments = before
      .replace(/^as\s+/i, "")
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean);
    const head = stripTrailingAdverbs(segments[0] ?? "");
    if (!isSpeakerLike(head, directory)) return null;
    const rest = segments.slice(1);
    if (rest.some((s) => !(ROLES.some((r) => r.re.test(s)) || /^(?:who|which)\b/i.test(s)) || wordCount(s) > 14))
      return null;
    if (/\bthat\b/i.test(after.slice(0, 40))) return null;
    if (afterWords > maxAfterWords) return null;
    return { cue: cue.word, subject: head, previous: "", at: skipped + cue.index };
  }
  return null;
}

/** An attribution before a quotation, in the same sentence: "X told reporters that … “", "X said: “". */
function parseLead(lead: string, directory: Directory): Attribution | null {
  for (const cue of cuesIn(lead)) {
    if (TRAILING_ONLY.has(cue.word) && cue.word !== "put it") continue;
    if (cue.word === "according to") {
      const who = /^\s*([^,]{1,80})/.exec(lead.slice(cue.end));
      if (who && isSpeakerLike(who[1]!, directory))
        return { cue: cue.word, subject: who[1]!.trim(), previous: "", at: cue.index };
      continue;
    }
    const { subject, previous } = subjectBefore(lead.slice(0, cue.index));
    if (isSpeakerLike(subject, directory)) return { cue: cue.word, subject, previous, at: cue.index };
  }
  return null;
}

// ── Main ─────────────────────────────────────────────────────────────────────────────────────

type Draft = {
  start: number; // UTF-16 offsets into the text
  end: number;
  kind: NewsSuggestion["kind"];
  cue: string;
  personId: string | null;
  speakerName: string | null;
};

export function findNewsQuotes(text: string, people: PersonForMatching[], hooks: NewsHooks = {}): NewsSuggestion[] {
  if (typeof text !== "string" || text.length === 0) return [];
  // One-for-one replacements, so offsets in the view are offsets in the text.
  const view = text.replace(/[\u00a0\u2007\u2009\u202f\u200a\u2002\u2003\u2004\u2005\u2006\u2008\t]/g, " ");
  const directory: Directory = { ...buildDirectory(people), hooks };
  const mentions = findMentions(view, directory);
  const titles = collectTitles(view, mentions);
  const ctx = new Context(directory, mentions, titles);
  const drafts: Draft[] = [];

  const paragraphs = splitParagraphs(view);
  let previousParagraphLast: Draft | null = null;
  for (let p = 0; p < paragraphs.length; p++)
    previousParagraphLast = findInParagraph(view, paragraphs, p, previousParagraphLast, ctx, drafts);

  return finalise(text, drafts, directory);
}

type Span = { start: number; end: number };

/** The non-blank lines of the text. */
function splitParagraphs(view: string): Span[] {
  const paragraphs: Span[] = [];
  for (let s = 0; s <= view.length; ) {
    const nl = view.indexOf("\n", s);
    const e = nl < 0 ? view.length : nl;
    if (view.slice(s, e).trim()) paragraphs.push({ start: s, end: e });
    if (nl < 0) break;
    s = nl + 1;
  }
  return paragraphs;
}

/** One paragraph being read: its sentences, the statement found in each, and the one that ended the paragraph before. */
type ParagraphScan = {
  paragraph: Span;
  sentences: Sentence[];
  found: (Draft | null)[];
  previousParagraphLast: Draft | null;
};

/** Adds the paragraph's statements to `drafts`, in reading order; returns the last, which the next paragraph may continue. */
function findInParagraph(
  view: string,
  paragraphs: Span[],
  p: number,
  previousParagraphLast: Draft | null,
  ctx: Context,
  drafts: Draft[],
): Draft | null {
  const paragraph = paragraphs[p]!;
  const quotes = findQuotes(view, paragraph.start, paragraph.end);
  const sentences = splitSentences(view, paragraph.start, paragraph.end, quotes);
  const scan: ParagraphScan = { paragraph, sentences, found: sentences.map(() => null), previousParagraphLast };

  // Pull quote: a first-person paragraph without quotation marks, then a line naming its speaker.
  const pull = pullQuote(view, paragraphs, p, quotes, ctx);
  if (pull) {
    drafts.push(pull);
    ctx.noteSpeaker(pull.personId, pull.start, pull.speakerName);
    return pull;
  }

  for (let si = 0; si < sentences.length; si++) findInSentence(view, scan, si, ctx, drafts);
  attributeQuotesBefore(view, scan, drafts);
  continueBetweenStatements(view, scan, drafts);

  const lastFound = [...scan.found].reverse().find((d) => d);
  return lastFound ?? null;
}

function findInSentence(view: string, scan: ParagraphScan, si: number, ctx: Context, drafts: Draft[]): void {
  const sentence = scan.sentences[si]!;
  const s = view.slice(sentence.start, sentence.end);
  if (attributeSentenceBefore(view, scan, si, ctx, drafts)) return;

  const longQuotes = sentence.quotes.filter((q) => isStatementQuote(view, q));
  let sentenceDrafts: Draft[] = [];
  if (longQuotes.length && sentence.end - sentence.start <= MAX_SENTENCE_CHARS) {
    sentenceDrafts = directQuotes(view, sentence, longQuotes, ctx);
  } else if (!longQuotes.length && sentence.end - sentence.start <= MAX_SENTENCE_CHARS) {
    const reported = reportedSpeech(s, sentence.start, ctx);
    if (reported) sentenceDrafts = [reported];
  }
  continueWithQuotes(view, scan, si, longQuotes, sentenceDrafts);

  if (sentenceDrafts.length) {
    const last = sentenceDrafts[sentenceDrafts.length - 1]!;
    scan.found[si] = last;
    for (const d of sentenceDrafts) ctx.noteSpeaker(d.personId, d.start, d.speakerName);
    drafts.push(...sentenceDrafts);
  } else {
    // Someone named outside any attribution becomes the one a later "he" refers to.
    const named = ctx.mentionsIn(sentence.start, sentence.end);
    const titled = named.length ? null : TITLED_SUBJECT.exec(s);
    if (named.length) {
      ctx.focus = named[named.length - 1]!.personId;
      ctx.focusName = null;
    } else if (titled) {
      ctx.focus = null;
      ctx.focusName = titled[1] ?? null;
    }
  }
}

/**
 * "…. This was announced by X.": the sentence before is X's, and X is the one a later "he" is.
 * Returns whether the sentence is such an attribution (and so states nothing itself).
 */
function attributeSentenceBefore(
  view: string,
  scan: ParagraphScan,
  si: number,
  ctx: Context,
  drafts: Draft[],
): boolean {
  const sentence = scan.sentences[si]!;
  const s = view.slice(sentence.start, sentence.end);
  const passive = PASSIVE_ATTRIBUTION.exec(s) ?? TOLD_ONLY.exec(s) ?? SAID_THIS.exec(s);
  if (!passive || !isSpeakerLike(passive[2]!, ctx.directory)) return false;
  const at = sentence.start + s.indexOf(passive[2]!);
  const who = ctx.resolve(passive[2]!, "", at);
  const prior = scan.sentences[si - 1];
  if ((who.personId || who.speakerName) && prior && !scan.found[si - 1]) {
    const lead = SUBORDINATE_LEAD.exec(view.slice(prior.start, prior.end));
    const span = trimSpan(view, prior.start + (lead?.[0].length ?? 0), prior.end);
    if (span && wordCount(view.slice(span.start, span.end)) >= MIN_QUOTE_WORDS) {
      const draft: Draft = { ...span, kind: "REPORTED_SPEECH", cue: passive[1]!.toLowerCase(), ...who };
      scan.found[si - 1] = draft;
      drafts.push(draft);
    }
  }
  ctx.noteSpeaker(who.personId, at, who.speakerName);
  return true;
}

/** Quotations left unattributed may continue the statement before them: adds them to `sentenceDrafts`. */
function continueWithQuotes(
  view: string,
  scan: ParagraphScan,
  si: number,
  longQuotes: Quote[],
  sentenceDrafts: Draft[],
): void {
  const { paragraph, previousParagraphLast } = scan;
  const sentence = scan.sentences[si]!;
  for (const q of longQuotes) {
    if (sentenceDrafts.some((d) => d.start < q.contentEnd && q.contentStart < d.end)) continue;
    const lead = view.slice(sentence.start, q.open);
    if (lead.trim()) continue;
    // A paragraph that is only this quotation continues the statement that ended the one before,
    // reported or quoted ("Khatibzadeh said … a political decision." / "“If the necessary …”").
    const wholeParagraph =
      !view.slice(paragraph.start, q.open).trim() && !view.slice(q.close, paragraph.end).replace(/[\s.!?,]/g, "");
    const prior: Draft | null | undefined =
      si > 0
        ? scan.found[si - 1]
        : previousParagraphLast?.kind === "DIRECT_QUOTE" || wholeParagraph
          ? previousParagraphLast
          : null;
    if (prior && prior.personId) {
      const span = trimSpan(view, q.contentStart, q.contentEnd);
      if (span) sentenceDrafts.push(continuationOf(prior, "DIRECT_QUOTE", span));
    }
  }
}

/** Unattributed quotations just before an attributed one in the same paragraph. */
function attributeQuotesBefore(view: string, scan: ParagraphScan, drafts: Draft[]): void {
  const { sentences, found } = scan;
  for (let si = sentences.length - 2; si >= 0; si--) {
    const next = found[si + 1];
    const sentence = sentences[si]!;
    if (found[si] || !next || next.kind !== "DIRECT_QUOTE" || !next.personId) continue;
    const q = sentence.quotes[0];
    if (
      !q ||
      sentence.quotes.length !== 1 ||
      view.slice(sentence.start, q.open).trim() ||
      view.slice(q.close, sentence.end).replace(/[\s.!?,]/g, "")
    )
      continue;
    if (wordCount(view.slice(q.contentStart, q.contentEnd)) < MIN_QUOTE_WORDS) continue;
    const span = trimSpan(view, q.contentStart, q.contentEnd);
    if (!span) continue;
    const draft = continuationOf(next, "DIRECT_QUOTE", span);
    found[si] = draft;
    drafts.push(draft);
  }
}

/** A sentence between two statements by the same speaker continues them. */
function continueBetweenStatements(view: string, scan: ParagraphScan, drafts: Draft[]): void {
  const { sentences, found } = scan;
  for (let si = 1; si < sentences.length - 1; si++) {
    const before = found[si - 1];
    const after = found[si + 1];
    const sentence = sentences[si]!;
    if (found[si] || !before || !after || !before.personId || before.personId !== after.personId) continue;
    if (sentence.quotes.some((q) => wordCount(view.slice(q.contentStart, q.contentEnd)) >= MIN_QUOTE_WORDS)) continue;
    if (wordCount(view.slice(sentence.start, sentence.end)) < 4) continue;
    if (pointsBack(view.slice(sentence.start, sentence.end))) continue;
    const span = trimSpan(view, sentence.start, sentence.end);
    if (!span) continue;
    const draft = continuationOf(before, "REPORTED_SPEECH", span);
    found[si] = draft;
    drafts.push(draft);
  }
}

/** `span` carries on `speaker`'s statement, so it is theirs too. */
function continuationOf(speaker: Draft, kind: Draft["kind"], span: { start: number; end: number }): Draft {
  return { ...span, kind, cue: "continuation", personId: speaker.personId, speakerName: speaker.speakerName };
}

/**
 * Whether a quotation may be a statement rather than a scare quote ("open doors"): four words
 * or more, or a short one whose closing punctuation hands over to an attribution ("Calm down," …).
 */
function isStatementQuote(view: string, q: Quote): boolean {
  const content = view.slice(q.contentStart, q.contentEnd);
  const words = wordCount(content);
  return words >= MIN_QUOTE_WORDS || (words >= 1 && q.closed && /[,!?]\s*$/.test(content));
}

function trimSpan(view: string, start: number, end: number): { start: number; end: number } | null {
  let s = start;
  let e = end;
  while (s < e && /[\s,;:\u2014\u2013-]/.test(view[s]!)) s++;
  // Reported clauses lose their full stop (quotations keep theirs: see quoteSpan).
  while (e > s && /[\s,;:.\u2014\u2013\u2012\u2015-]/.test(view[e - 1]!)) e--;
  if (e <= s) return null;
  // Don't cut a surrogate pair.
  if (/[\uDC00-\uDFFF]/.test(view[s] ?? "")) s--;
  if (/[\uD800-\uDBFF]/.test(view[e - 1] ?? "")) e++;
  return { start: s, end: e };
}

function quoteSpan(view: string, q: Quote): { start: number; end: number } | null {
  let s = q.contentStart;
  let e = q.contentEnd;
  while (s < e && /\s/.test(view[s]!)) s++;
  while (e > s && /[\s,;:\u2014\u2013\u2012\u2015-]/.test(view[e - 1]!)) e--;
  return e > s ? { start: s, end: e } : null;
}

function directQuotes(view: string, sentence: Sentence, quotes: Quote[], ctx: Context): Draft[] {
  const drafts: Draft[] = [];
  for (let k = 0; k < quotes.length; k++) {
    const q = quotes[k]!;
    const span = quoteSpan(view, q);
    if (!span) continue;
    const previous = quotes[k - 1];
    const leadStart = Math.max(previous ? previous.close : sentence.start, q.open - 400);
    const following = quotes[k + 1];
    const tailEnd = Math.min(following ? following.open : sentence.end, q.close + 300);
    const tail = view.slice(q.close, tailEnd);

    let attribution: Attribution | null = null;
    let at = 0;
    const fromTail = parseTail(tail, ctx.directory, 40);
    if (fromTail) {
      attribution = fromTail;
      at = q.close + fromTail.at;
    }
    if (!attribution && leadStart < q.open) {
      const fromLead = parseLead(view.slice(leadStart, q.open), ctx.directory);
      if (fromLead) {
        attribution = fromLead;
        at = leadStart + fromLead.at;
      }
    }
    if (!attribution) continue;
    const who = ctx.resolve(attribution.subject, attribution.previous, at);
    drafts.push({
      ...span,
      kind: "DIRECT_QUOTE",
      cue: attribution.cue,
      personId: who.personId,
      speakerName: who.speakerName,
    });
    // A second quotation in the same sentence shares an attribution that sits between them.
    ctx.noteSpeaker(who.personId, at, who.speakerName);
  }
  return drafts;
}

/** A reported statement's draft from the sentence's characters `from`–`to`, or null when too short. */
type MakeReported = (
  from: number,
  to: number,
  cue: string,
  subject: string,
  previous: string,
  at: number,
) => Draft | null;

function reportedSpeech(s: string, offset: number, ctx: Context): Draft | null {
  // "He said this at a press conference on Friday, TASS reports": it attributes, it states nothing.
  if (SAID_THIS.test(s)) return null;
  const directory = ctx.directory;
  const make: MakeReported = (from, to, cue, subject, previous, at) => {
    const span = trimSpan(s, from, to);
    if (!span || wordCount(s.slice(span.start, span.end)) < 3) return null;
    const who = ctx.resolve(subject, previous, offset + at);
    return {
      start: offset + span.start,
      end: offset + span.end,
      kind: "REPORTED_SPEECH",
      cue,
      personId: who.personId,
      speakerName: who.speakerName,
    };
  };
  return (
    reportedAfterAs(s, directory, make) ??
    reportedAfterCue(s, directory, make) ??
    reportedAfterAccording(s, make) ??
    reportedBeforeAttribution(s, directory, make)
  );
}

/** "As US Secretary of State Anthony Blinken explained to reporters, a copy …" */
function reportedAfterAs(s: string, directory: Directory, make: MakeReported): Draft | null {
  const as =
    /^\W*As\s+([^,]{1,120}?)\s+(said|says|explained|noted|stressed|emphasi[sz]ed|added|stated|pointed out|put it|told [^,]{1,40}|warned|recalled|reported|wrote|suggested|believes|thinks)\b([^,]{0,60}),\s*/i.exec(
      s,
    );
  if (as && isSpeakerLike(as[1]!, directory))
    return make(as[0].length, s.length, as[2]!.toLowerCase().split(/\s+/)[0]!, as[1]!, "", as.index);
  return null;
}

/** "X said (that) …", "X told reporters on Thursday that …", "Stoltenberg named three areas …" */
function reportedAfterCue(s: string, directory: Directory, make: MakeReported): Draft | null {
  for (const cue of cuesIn(s)) {
    if (TRAILING_ONLY.has(cue.word) || cue.word === "according to") continue;
    const { subject, previous } = subjectBefore(s.slice(0, cue.index));
    if (!subject || !isSpeakerLike(subject, directory)) continue;
    const rest = s.slice(cue.end);
    const that = /^((?:\s+[\w'’.-]+){0,5}?)\s+that\b\s*/i.exec(rest);
    if (that && THAT_CUES.has(cue.word) && !/[,;:]/.test(that[1]!)) {
      const d = make(cue.end + that[0].length, s.length, cue.word, subject, previous, cue.index);
      if (d) return d;
    }
    if (BARE_CLAUSE_CUES.has(cue.word)) {
      const from = bareClauseStart(rest, cue.word);
      if (from !== null) {
        const d = make(cue.end + from, s.length, cue.word, subject, previous, cue.index);
        if (d) return d;
      }
    }
    if (
      OBJECT_CUES.has(cue.word) &&
      /^\s+[\w\u201c"'‘]/.test(rest) &&
      !/^\s+(?:by|to|in|on|at|after|during)\b/i.test(rest)
    ) {
      const d = make(0, s.length, cue.word, subject, previous, cue.index);
      if (d) return d;
    }
  }
  return null;
}

/** Where the clause after a verb that takes one bare ("said the …") starts in `rest`, the text after the verb; null if no clause follows. */
function bareClauseStart(rest: string, cueWord: string): number | null {
  // "told reporters the …": skip a short object; otherwise the clause follows the verb.
  const object =
    cueWord === "told" || cueWord === "tells"
      ? /^\s+(?:reporters|journalists|the press|the media|[A-Z][\w.-]*)(?:\s+(?:on|in|at)\s+\w+)?/.exec(rest)
      : null;
  // "said on Monday the next round …": a time between the verb and its clause.
  const time = BARE_CLAUSE_TIME.exec(object ? rest.slice(object[0].length) : rest);
  const skipped = (object ? object[0].length : 0) + (time ? time[0].length : 0);
  const after = rest.slice(skipped);
  const next = /^\s+([\w'’]+)/.exec(after);
  if (
    next &&
    /^(?:he|she|it|they|we|i|there|this|these|those|the|a|an|its|their|his|her|our|while|although|if|when|no|nothing|none|everything|nato|[A-Z][\w'’]*)$/.test(
      next[1]!,
    ) &&
    !/^(?:On|In|At|After|During|Following|Before|To|With|From|Earlier|Later|Last|This)$/.test(next[1]!)
  )
    return skipped;
  return null;
}

/** "According to X, …" (at the start, or after a short opening phrase). */
function reportedAfterAccording(s: string, make: MakeReported): Draft | null {
  const according = /^((?:[^,]{0,50},\s*)?)according to\s+([^,]{1,80}),\s*/i.exec(s);
  if (!according || wordCount(according[1]!) > 6) return null;
  let from = according[0].length;
  // Skip an appositive: "According to Andrei Kortunov, Director General of RIAC, there are …"
  const appositive =
    /^((?:[A-Z][\w'’.&-]*|of|the|and|for|at|in|on)(?:\s+(?:[A-Z][\w'’.&-]*|of|the|and|for|at|in|on)){0,12}),\s*/.exec(
      s.slice(from),
    );
  if (appositive && ROLES.some((r) => r.re.test(appositive[1]!))) from += appositive[0].length;
  const source = according[2]!.trim();
  return make(from, s.length, "according to", source, "", according[1]!.length);
}

/**
 * "…, the researcher said." / "…, continues Kortunov." / "…, according to him." — never after a
 * journalist's question ("Asked whether …, Khatibzadeh said …").
 */
function reportedBeforeAttribution(s: string, directory: Directory, make: MakeReported): Draft | null {
  let comma = /^\W*asked\b/i.test(s) ? -1 : s.indexOf(",");
  while (comma >= 0) {
    const tail = s.slice(comma + 1);
    if (wordCount(tail) <= 30) {
      const according2 = /^\s*according to\s+([^,.]{1,80})[.!?]?\s*$/i.exec(tail);
      if (according2) {
        const d = make(0, comma, "according to", according2[1]!, "", comma + 1);
        if (d) return d;
      }
      const attribution = parseTail(tail, directory, 10);
      if (attribution && !/\bthat\b/i.test(tail.slice(0, attribution.at))) {
        const d = make(
          0,
          comma,
          attribution.cue,
          attribution.subject,
          attribution.previous,
          comma + 1 + attribution.at,
        );
        if (d) return d;
      }
    }
    comma = s.indexOf(",", comma + 1);
  }
  return null;
}

function pullQuote(
  view: string,
  paragraphs: { start: number; end: number }[],
  p: number,
  quotes: Quote[],
  ctx: Context,
): Draft | null {
  if (quotes.length) return null;
  const next = paragraphs[p + 1];
  if (!next) return null;
  const body = view.slice(paragraphs[p]!.start, paragraphs[p]!.end);
  if (wordCount(body) < 8 || !/\b(?:I|we|We|my|My|our|Our|me|us)\b/.test(body)) return null;
  const byline = view.slice(next.start, next.end).trim();
  if (wordCount(byline) > 20 || /[.!?]$/.test(byline) || cuesIn(byline).length) return null;
  const named = findMentions(byline, ctx.directory);
  if (!named.length || named[0]!.start !== 0) return null;
  const span = trimSpan(view, paragraphs[p]!.start, paragraphs[p]!.end);
  if (!span) return null;
  const person = named[0]!;
  return {
    ...span,
    kind: "DIRECT_QUOTE",
    cue: "pull quote",
    personId: person.personId,
    speakerName: byline.slice(person.start, person.end),
  };
}

function finalise(text: string, drafts: Draft[], directory: Directory): NewsSuggestion[] {
  const sorted = drafts.filter((d) => d.end > d.start).sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Draft[] = [];
  for (const draft of sorted) {
    // Sorted by start and kept disjoint, so only the last kept draft can overlap this one.
    const clash = kept.length && kept[kept.length - 1]!.end > draft.start ? kept.length - 1 : -1;
    if (clash < 0) {
      kept.push(draft);
      continue;
    }
    const other = kept[clash]!;
    const rank = (d: Draft) => (d.kind === "DIRECT_QUOTE" ? 1 : 0) * 1e9 + (d.end - d.start);
    if (rank(draft) > rank(other)) kept[clash] = draft;
  }
  kept.sort((a, b) => a.start - b.start);

  // UTF-16 → code points in one pass over the sorted offsets.
  const offsets = [...new Set(kept.flatMap((d) => [d.start, d.end]))].sort((a, b) => a - b);
  const toCp = new Map<number, number>();
  let utf16 = 0;
  let cp = 0;
  for (const offset of offsets) {
    cp += codePointLength(text.slice(utf16, offset));
    utf16 = offset;
    toCp.set(offset, cp);
  }

  return kept.map((d) => {
    const person = d.personId ? (directory.byId.get(d.personId) ?? null) : null;
    return {
      start: toCp.get(d.start)!,
      end: toCp.get(d.end)!,
      text: text.slice(d.start, d.end),
      speaker: person ? { id: person.id, name: person.name } : null,
      speakerName: d.speakerName,
      kind: d.kind,
      cue: d.cue,
    };
  });
}
