// Scoring quote suggestions against hand labels: shared by `npm run eval:suggestions`
// (scripts/eval-suggestions.mjs) and the unit test that guards the reported figures.
//
// A suggestion and a label match when their ranges overlap by at least half of the shorter one;
// pairs are taken one-to-one, best overlap first, so one long suggestion can't be credited with
// several labels. Speaker, party and issue accuracy are measured on matched pairs only.

import { locateQuote } from "@/lib/evidence/anchor";

export type EvalPerson = { id: string; name: string; aliases: string[]; party?: string | null; role?: string };
export type EvalIssue = { key: string; title: string; aliases?: string[] };
export type EvalParty = { key: string; name: string; aliases?: string[] };

export type EvalLabel = {
  exact: string;
  occurrence?: number;
  /** A display name ("Sergei Ryabkov", "senior State Department official") or null for unattributed. */
  speaker: string | null;
  party?: string | null;
  /** Undefined when the label set does not say (the demo labels): issue accuracy is then not measured. */
  issues?: string[];
};

export type EvalDocument = {
  id: string;
  kind: string;
  set: string;
  text: string;
  author?: string | null;
  title?: string;
  labels: EvalLabel[];
  people: EvalPerson[];
  issues: EvalIssue[];
  parties: EvalParty[];
};

/** The fields of a suggestion the evaluation reads; older engines may lack the optional ones. */
export type EvalSuggestion = {
  start: number;
  end: number;
  text: string;
  speaker: { id: string; name: string } | null;
  speakerName: string | null;
  party?: { key: string; confidence?: number } | null;
  issues?: { key: string; confidence: number }[];
};

export type SuggestFn = (doc: EvalDocument) => EvalSuggestion[];

export type Tally = {
  documents: number;
  labels: number;
  suggestions: number;
  matchedSuggestions: number;
  matchedLabels: number;
  pairs: number;
  speakerRight: number;
  partyPairs: number;
  partyRight: number;
  issuePairs: number;
  issueRight: number;
};

export type Figures = {
  precision: number;
  recall: number;
  speaker: number;
  party: number | null;
  issue: number | null;
} & Tally;

export type DocumentReport = {
  id: string;
  kind: string;
  set: string;
  tally: Tally;
  falsePositives: { text: string; speaker: string | null }[];
  misses: { text: string; speaker: string | null }[];
  wrongSpeakers: { text: string; expected: string | null; got: string | null }[];
  wrongIssues: { text: string; expected: string[]; got: string[] }[];
};

type Range = { start: number; end: number };

const TITLE_WORDS =
  /\b(the|a|an|us|u\.s\.|russian|russia's|deputy|foreign|minister|secretary|state|general|of|senior|spokesman|spokeswoman|spokesperson|president|director-general|director|chief|negotiator|ambassador|mr|ms|mrs|dr)\b\.?/g;

function normalName(name: string): string {
  return name
    .toLowerCase()
    .replace(/[\u2019']/g, "'")
    .replace(/[^\p{L}\p{N}' .-]+/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
}

function surname(name: string): string {
  const words = normalName(name).replace(TITLE_WORDS, " ").trim().split(/\s+/);
  return words[words.length - 1] ?? "";
}

/** Same speaker: the same person by surname or alias, or the same organisation named alike. */
export function sameSpeaker(expected: string | null, got: string | null, people: EvalPerson[]): boolean {
  if (!expected || !got) return !expected && !got;
  const a = normalName(expected);
  const b = normalName(got);
  if (a === b) return true;
  const person = people.find((p) => [p.name, ...p.aliases].some((n) => normalName(n) === a));
  if (person && [person.name, ...person.aliases].some((n) => normalName(n) === b || surname(n) === surname(got)))
    return true;
  const sa = surname(expected);
  return sa.length > 2 && sa === surname(got) && (a.includes(b) || b.includes(a) || a.split(" ").length > 1);
}

function overlap(a: Range, b: Range) {
  return Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
}

export function matchRanges(suggestions: Range[], labels: Range[]) {
  const pairs: { s: number; l: number; score: number }[] = [];
  suggestions.forEach((s, si) => {
    labels.forEach((l, li) => {
      const shorter = Math.min(s.end - s.start, l.end - l.start);
      const o = overlap(s, l);
      if (shorter > 0 && o >= 0.5 * shorter)
        pairs.push({ s: si, l: li, score: o / Math.max(s.end - s.start, l.end - l.start) });
    });
  });
  pairs.sort((x, y) => y.score - x.score);
  const usedS = new Set<number>();
  const usedL = new Set<number>();
  const matched: { s: number; l: number }[] = [];
  for (const p of pairs) {
    if (usedS.has(p.s) || usedL.has(p.l)) continue;
    usedS.add(p.s);
    usedL.add(p.l);
    matched.push(p);
  }
  return { matched, usedS, usedL };
}

function emptyTally(): Tally {
  return {
    documents: 0,
    labels: 0,
    suggestions: 0,
    matchedSuggestions: 0,
    matchedLabels: 0,
    pairs: 0,
    speakerRight: 0,
    partyPairs: 0,
    partyRight: 0,
    issuePairs: 0,
    issueRight: 0,
  };
}

function add(into: Tally, t: Tally) {
  for (const k of Object.keys(into) as (keyof Tally)[]) into[k] += t[k];
}

const ISSUE_THRESHOLD = 0.5;

/** The issues a suggestion puts forward with enough confidence, best first. */
export function confidentIssues(s: EvalSuggestion): string[] {
  return (s.issues ?? [])
    .filter((i) => i.confidence >= ISSUE_THRESHOLD)
    .sort((a, b) => b.confidence - a.confidence)
    .map((i) => i.key);
}

export function evaluateDocument(doc: EvalDocument, suggestions: EvalSuggestion[]): DocumentReport {
  const labels = doc.labels.map((l) => {
    const anchor = locateQuote(doc.text, l.exact, l.occurrence ?? 0);
    if (!anchor) throw new Error(`${doc.id}: label not found verbatim: ${l.exact.slice(0, 80)}`);
    return { ...l, start: anchor.startOffset, end: anchor.endOffset };
  });
  const { matched, usedS, usedL } = matchRanges(suggestions, labels);
  const tally = emptyTally();
  tally.documents = 1;
  tally.labels = labels.length;
  tally.suggestions = suggestions.length;
  tally.matchedSuggestions = usedS.size;
  tally.matchedLabels = usedL.size;
  tally.pairs = matched.length;
  const report: DocumentReport = {
    id: doc.id,
    kind: doc.kind,
    set: doc.set,
    tally,
    falsePositives: [],
    misses: [],
    wrongSpeakers: [],
    wrongIssues: [],
  };
  const partyOf = (s: EvalSuggestion) =>
    s.party !== undefined ? (s.party?.key ?? null) : (doc.people.find((p) => p.id === s.speaker?.id)?.party ?? null);
  for (const m of matched) {
    const s = suggestions[m.s];
    const l = labels[m.l];
    if (!s || !l) continue;
    const got = s.speaker?.name ?? s.speakerName ?? null;
    if (sameSpeaker(l.speaker, got, doc.people)) tally.speakerRight++;
    else report.wrongSpeakers.push({ text: s.text.slice(0, 90), expected: l.speaker, got });
    if (l.party !== undefined) {
      tally.partyPairs++;
      if ((l.party ?? null) === partyOf(s)) tally.partyRight++;
    }
    if (l.issues !== undefined) {
      tally.issuePairs++;
      const got = confidentIssues(s);
      const right = l.issues.length === 0 ? got.length === 0 : got[0] !== undefined && l.issues.includes(got[0]);
      if (right) tally.issueRight++;
      else report.wrongIssues.push({ text: s.text.slice(0, 90), expected: l.issues, got });
    }
  }
  suggestions.forEach((s, i) => {
    if (!usedS.has(i))
      report.falsePositives.push({ text: s.text.slice(0, 110), speaker: s.speaker?.name ?? s.speakerName ?? null });
  });
  labels.forEach((l, i) => {
    if (!usedL.has(i)) report.misses.push({ text: l.exact.slice(0, 110), speaker: l.speaker });
  });
  return report;
}

export function figures(t: Tally): Figures {
  return {
    ...t,
    precision: t.suggestions ? t.matchedSuggestions / t.suggestions : 1,
    recall: t.labels ? t.matchedLabels / t.labels : 1,
    speaker: t.pairs ? t.speakerRight / t.pairs : 1,
    party: t.partyPairs ? t.partyRight / t.partyPairs : null,
    issue: t.issuePairs ? t.issueRight / t.issuePairs : null,
  };
}

export const ALL_TESTS = "test + test2";
/** The first three test sets together; all three were scored and reported before test4 was collected. */
export const ALL_HELD_OUT_TESTS = "test + test2 + test3";
/** Test sets whose errors have never been looked at: `--errors` and `--show` keep out of them. */
export const UNSEEN_TESTS = new Set(["test4"]);

/** Scores every document and sums the tallies per set, per set × kind, and over everything. */
export function evaluate(documents: EvalDocument[], suggest: SuggestFn) {
  const reports = documents.map((d) => evaluateDocument(d, suggest(d)));
  const groups = new Map<string, Tally>();
  const bump = (key: string, t: Tally) => {
    const into = groups.get(key) ?? emptyTally();
    groups.set(key, into);
    add(into, t);
  };
  for (const r of reports) {
    bump(r.set, r.tally);
    bump(`${r.set} / ${r.kind}`, r.tally);
    // The first test set and the one collected later ("test2"), together; then with the third.
    if (r.set === "test" || r.set === "test2") bump(ALL_TESTS, r.tally);
    if (/^test[23]?$/.test(r.set)) bump(ALL_HELD_OUT_TESTS, r.tally);
  }
  const rows = [...groups.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([group, t]) => ({ group, ...figures(t) }));
  return { reports, rows };
}

/** A fixed-width table of the rows, for the script's output and the test's log. */
export function formatRows(rows: ({ group: string } & Figures)[]): string {
  const pct = (x: number | null) => (x === null ? "   –  " : x.toFixed(3).padStart(6));
  const head = `${"set / kind".padEnd(30)} docs labels sugg  precision recall speaker party  issue`;
  return [
    head,
    ...rows.map(
      (r) =>
        `${r.group.padEnd(30)} ${String(r.documents).padStart(4)} ${String(r.labels).padStart(6)} ${String(r.suggestions).padStart(4)}  ` +
        `${pct(r.precision)}    ${pct(r.recall)} ${pct(r.speaker)} ${pct(r.party)} ${pct(r.issue)}`,
    ),
  ].join("\n");
}
