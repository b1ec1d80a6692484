import { CalendarDateSchema } from "@/lib/matrix/dates";
import { DEFAULT_POSITION_LABELS, POSITIONS, type Position, type PositionLabels } from "@/lib/matrix/positions";
import { StatedOnSchema, SummarySchema } from "@/lib/matrix/schema";
import { textProblem } from "@/lib/platform/validation";
import { FIELD_LABELS, IMPORT_FIELDS, type ImportField, REQUIRED_FIELDS } from "@/lib/stance-import/fields";
import { cellText, type Sheet } from "@/lib/stance-import/parse";
import { ISSUE_TITLE_MAX, PARTY_NAME_MAX } from "@/lib/structure/schema";

// What an import would do, row by row, decided from the sheet, the chosen mapping and the
// workspace as it stands. Pure: the preview and the commit compute the same plan from the same
// inputs, so what was shown is what is written (or the commit is refused).

/** The column (0-based) each field is read from; null for none. */
export type ColumnMapping = Record<ImportField, number | null>;

export type ImportOptions = {
  /** Left out: detected from the header names. */
  columns?: Partial<ColumnMapping>;
  /** Position words (as normalised by positionKey) the user mapped; "" maps a word to nothing. */
  positions?: Record<string, Position | "">;
  createMissing?: boolean;
};

export type ImportContext = {
  issues: { id: string; title: string; archived: boolean }[];
  parties: { id: string; name: string; shortName: string; archived: boolean }[];
  labels: PositionLabels;
  /** `${issueId}|${partyId}|${date}` of every statement standing in the workspace. */
  existing: ReadonlySet<string>;
};

export type PlannedRow = {
  row: number;
  issue: string;
  party: string;
  positionWord: string;
  position: Position | null;
  summary: string;
  date: string;
  statedOn: string | null;
  source: string;
  quote: string;
  issueId: string | null;
  partyId: string | null;
  newIssue: boolean;
  newParty: boolean;
  problems: string[];
};

export type PositionWord = { word: string; key: string; rows: number; position: Position | null; mapped: boolean };

export type ImportPlan = {
  headers: string[];
  columns: ColumnMapping;
  missing: ImportField[];
  words: PositionWord[];
  rows: PlannedRow[];
  newIssues: string[];
  newParties: string[];
  createCount: number;
  refusedCount: number;
};

const HEADER_NAMES: Record<ImportField, string[]> = {
  issue: ["issue", "issues", "topic", "question", "subject", "agenda item"],
  party: ["party", "parties", "actor", "delegation", "country", "stakeholder", "side"],
  position: ["position", "stance", "view", "attitude"],
  summary: ["summary", "statement", "description", "notes", "note", "comment", "what they said"],
  date: ["date", "stated on", "statedon", "stated", "when", "day"],
  source: ["source", "source url", "url", "link", "reference"],
  quote: ["quote", "citation", "excerpt", "source quote", "quotation"],
};

export const nameKey = (value: string) => value.normalize("NFKC").trim().replace(/\s+/g, " ").toLocaleLowerCase("en");

/** The key a position word is mapped by: case, spacing and surrounding punctuation ignored. */
export const positionKey = (word: string) =>
  nameKey(word)
    .replace(/[_-]+/g, " ")
    .replace(/^[\s"'“”.!]+|[\s"'“”.!]+$/g, "");

export function detectColumns(headers: string[]): ColumnMapping {
  const keys = headers.map((h) => positionKey(h));
  const mapping = Object.fromEntries(IMPORT_FIELDS.map((f) => [f, null])) as ColumnMapping;
  const taken = new Set<number>();
  for (const field of IMPORT_FIELDS) {
    const index = keys.findIndex((key, i) => !taken.has(i) && HEADER_NAMES[field].includes(key));
    if (index >= 0) {
      mapping[field] = index;
      taken.add(index);
    }
  }
  return mapping;
}

const SYNONYMS: Record<string, Position> = {
  demand: "DEMANDS",
  demands: "DEMANDS",
  insists: "DEMANDS",
  "insists on": "DEMANDS",
  requires: "DEMANDS",
  support: "SUPPORTS",
  supports: "SUPPORTS",
  supportive: "SUPPORTS",
  "in favour": "SUPPORTS",
  "in favor": "SUPPORTS",
  favours: "SUPPORTS",
  favors: "SUPPORTS",
  for: "SUPPORTS",
  yes: "SUPPORTS",
  open: "OPEN",
  flexible: "OPEN",
  negotiable: "OPEN",
  "open to negotiation": "OPEN",
  conditional: "CONDITIONAL",
  conditionally: "CONDITIONAL",
  "conditional support": "CONDITIONAL",
  "it depends": "CONDITIONAL",
  oppose: "OPPOSES",
  opposes: "OPPOSES",
  opposed: "OPPOSES",
  against: "OPPOSES",
  reject: "REJECTS",
  rejects: "REJECTS",
  rejected: "REJECTS",
  "red line": "REJECTS",
  veto: "REJECTS",
  no: "REJECTS",
  none: "NO_POSITION",
  "no position": "NO_POSITION",
  "no stated position": "NO_POSITION",
  silent: "NO_POSITION",
  "not stated": "NO_POSITION",
};

/** The scale position a word means by itself: the workspace's own labels first, then the usual words. */
export function autoPosition(word: string, labels: PositionLabels): Position | null {
  const key = positionKey(word);
  if (!key) return null;
  for (const position of POSITIONS) if (positionKey(labels[position]) === key) return position;
  for (const position of POSITIONS)
    if (positionKey(position) === key || positionKey(DEFAULT_POSITION_LABELS[position]) === key) return position;
  return SYNONYMS[key] ?? null;
}

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

const iso = (year: number, month: number, day: number) =>
  `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;

/**
 * A date as spreadsheets write it: ISO (2024-03-05, with or without a time), 2024/03/05,
 * 05.03.2024 (day first), 5 March 2024, March 5, 2024; and 3/5/2024 only when the day is
 * over 12, since otherwise it reads both ways. Returns YYYY-MM-DD or a reason.
 */
export function readDate(raw: string): { date: string } | { problem: string } {
  const value = raw.trim();
  if (!value) return { problem: "No date." };
  let match = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(value);
  if (match) return checked(value, iso(Number(match[1]), Number(match[2]), Number(match[3])));
  match = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(value);
  if (match) return checked(value, iso(Number(match[3]), Number(match[2]), Number(match[1])));
  match = /^(\d{1,2})[/-](\d{1,2})[/-](\d{4})$/.exec(value);
  if (match) {
    const [a, b] = [Number(match[1]), Number(match[2])];
    if (a > 12 && b <= 12) return checked(value, iso(Number(match[3]), b, a));
    if (b > 12 && a <= 12) return checked(value, iso(Number(match[3]), a, b));
    if (a === b) return checked(value, iso(Number(match[3]), a, b));
    return { problem: `“${value}” could be day/month or month/day; write it as YYYY-MM-DD.` };
  }
  match = /^(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]{3,})\.?,?\s+(\d{4})$/.exec(value);
  if (match) {
    const month = MONTHS.indexOf(match[2]!.slice(0, 3).toLowerCase()) + 1;
    if (month > 0) return checked(value, iso(Number(match[3]), month, Number(match[1])));
  }
  match = /^([A-Za-z]{3,})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$/.exec(value);
  if (match) {
    const month = MONTHS.indexOf(match[1]!.slice(0, 3).toLowerCase()) + 1;
    if (month > 0) return checked(value, iso(Number(match[3]), month, Number(match[2])));
  }
  return { problem: `“${value}” is not a date; write it as YYYY-MM-DD.` };
}

function checked(raw: string, date: string): { date: string } | { problem: string } {
  const calendar = CalendarDateSchema.safeParse(date);
  if (!calendar.success) return { problem: `“${raw}” is not a real date (${calendar.error.issues[0]?.message})` };
  const stated = StatedOnSchema.safeParse(date);
  return stated.success ? { date } : { problem: `${date}: ${stated.error.issues[0]?.message}` };
}

function problemOfName(value: string, max: number, what: string): string | null {
  const problem = textProblem(value, { multiline: false });
  if (problem) return `The ${what}: ${problem}`;
  return [...value].length > max ? `The ${what} is longer than ${max} characters.` : null;
}

function completeMapping(sheet: Sheet, columns: Partial<ColumnMapping> | undefined): ColumnMapping {
  const detected = detectColumns(sheet.headers);
  const mapping = { ...detected };
  if (columns)
    for (const field of IMPORT_FIELDS) {
      const chosen = columns[field];
      if (chosen === undefined) continue;
      mapping[field] = chosen !== null && chosen >= 0 && chosen < sheet.headers.length ? chosen : null;
    }
  return mapping;
}

const cellKey = (...parts: string[]) => parts.join("|");

/** The sheet's position words, each mapped once (by the user or by autoPosition) and counted per row. */
function positionWords(options: ImportOptions, context: ImportContext) {
  const words = new Map<string, PositionWord>();
  const mapped = options.positions ?? {};
  const positionOf = (word: string) => {
    const key = positionKey(word);
    let entry = words.get(key);
    if (!entry) {
      const chosen = Object.hasOwn(mapped, key) ? mapped[key] : undefined;
      entry = {
        word: word.trim(),
        key,
        rows: 0,
        position: chosen === undefined ? autoPosition(word, context.labels) : chosen || null,
        mapped: chosen !== undefined,
      };
      words.set(key, entry);
    }
    entry.rows++;
    return entry.position;
  };
  return { words, positionOf };
}

type Named = { id: string; archived: boolean; label: string };

/** How a row's issue or party is found in the workspace, or created when missing. */
type NameRule = {
  what: "issue" | "party";
  /** "issue title", "party name": what problemOfName calls it. */
  field: string;
  max: number;
  known: Map<string, Named>;
  created: Map<string, string>;
};

/** The issue or party a row names: its id, or new (when the user asked to create missing ones), or a problem. */
function resolveName(name: string, rule: NameRule, createMissing: boolean | undefined, problems: string[]) {
  const found = rule.known.get(nameKey(name));
  if (!name) problems.push(`No ${rule.what}.`);
  else if (found?.archived) problems.push(`The ${rule.what} “${found.label}” is archived; restore it first.`);
  else if (found) return { id: found.id, isNew: false };
  else if (!createMissing) problems.push(`No ${rule.what} called “${name}” in this workspace.`);
  else {
    const problem = problemOfName(name, rule.max, rule.field);
    if (problem) problems.push(problem);
    else {
      if (!rule.created.has(nameKey(name))) rule.created.set(nameKey(name), name);
      return { id: null, isNew: true };
    }
  }
  return { id: null, isNew: false };
}

function nameRules(context: ImportContext): Record<"issue" | "party", NameRule> {
  const issues = new Map(context.issues.map((i) => [nameKey(i.title), { ...i, label: i.title }]));
  const parties = new Map<string, Named>();
  for (const party of context.parties) parties.set(nameKey(party.shortName), { ...party, label: party.name });
  // A full name wins over another party's short name.
  for (const party of context.parties) parties.set(nameKey(party.name), { ...party, label: party.name });
  return {
    issue: { what: "issue", field: "issue title", max: ISSUE_TITLE_MAX, known: issues, created: new Map() },
    party: { what: "party", field: "party name", max: PARTY_NAME_MAX, known: parties, created: new Map() },
  };
}

type Planner = {
  columns: ColumnMapping;
  missing: ImportField[];
  options: ImportOptions;
  context: ImportContext;
  rules: ReturnType<typeof nameRules>;
  positionOf: (word: string) => Position | null;
  /** The first row of each issue, party and date, to refuse a second. */
  seen: Map<string, number>;
};

function readPosition(planner: Planner, positionWord: string, problems: string[]): Position | null {
  if (planner.columns.position === null) return null;
  if (!positionWord) {
    problems.push("No position.");
    return null;
  }
  const position = planner.positionOf(positionWord);
  if (!position) problems.push(`“${positionWord}” is not on the scale; map it to a position or fix the row.`);
  return position;
}

function readStatedOn(planner: Planner, dateCell: Sheet["rows"][number][number] | undefined, problems: string[]) {
  if (planner.columns.date === null) return null;
  const result =
    typeof dateCell === "object" ? checked(dateCell.date, dateCell.date) : readDate(cellText(dateCell).trim());
  if ("date" in result) return result.date;
  problems.push(result.problem);
  return null;
}

function findSourceProblems(source: string, quote: string, problems: string[]) {
  if (source && (!/^https?:\/\/\S+$/i.test(source) || source.length > 2000))
    problems.push("The source is not a web address (http…) of at most 2,000 characters.");
  if (quote) {
    const problem = textProblem(quote, { multiline: true });
    if (problem) problems.push(`The quote: ${problem}`);
    else if ([...quote].length > 10_000) problems.push("The quote is longer than 10,000 characters.");
  }
}

/** One statement per cell and date: in the sheet, and against what the workspace already has. */
function findRepeatedCell(planner: Planner, row: PlannedRow, problems: string[]) {
  const { issue, party, statedOn, issueId, partyId } = row;
  if (!(issue && party && statedOn)) return;
  const key = cellKey(nameKey(issue), nameKey(party), statedOn);
  const first = planner.seen.get(key);
  if (first !== undefined) problems.push(`Row ${first} already has this issue, party and date.`);
  else planner.seen.set(key, row.row);
  if (issueId && partyId && planner.context.existing.has(cellKey(issueId, partyId, statedOn)))
    problems.push("This cell already has a statement of that date in the workspace.");
}

function planRow(planner: Planner, cells: Sheet["rows"][number], row: number): PlannedRow {
  const { columns, options, rules } = planner;
  const read = (field: ImportField) => {
    const index = columns[field];
    return index === null ? "" : cellText(cells[index]).trim();
  };
  const problems = planner.missing.map((f) => `No column is chosen for ${FIELD_LABELS[f].toLowerCase()}.`);
  const [issue, party, positionWord, summary, source, quote] = (
    ["issue", "party", "position", "summary", "source", "quote"] as const
  ).map(read) as [string, string, string, string, string, string];
  const dateCell = columns.date === null ? undefined : cells[columns.date];
  const none = { id: null, isNew: false };
  const foundIssue = columns.issue === null ? none : resolveName(issue, rules.issue, options.createMissing, problems);
  const foundParty = columns.party === null ? none : resolveName(party, rules.party, options.createMissing, problems);
  const position = readPosition(planner, positionWord, problems);
  if (columns.summary !== null) {
    const parsed = SummarySchema.safeParse(summary);
    if (!parsed.success) problems.push(parsed.error.issues[0]?.message ?? "The summary cannot be stored.");
  }
  const statedOn = readStatedOn(planner, dateCell, problems);
  findSourceProblems(source, quote, problems);
  const planned: PlannedRow = {
    row,
    issue,
    party,
    positionWord,
    position,
    summary,
    date: cellText(dateCell).trim(),
    statedOn,
    source,
    quote,
    issueId: foundIssue.id,
    partyId: foundParty.id,
    newIssue: foundIssue.isNew,
    newParty: foundParty.isNew,
    problems,
  };
  findRepeatedCell(planner, planned, problems);
  return planned;
}

export function planImport(sheet: Sheet, options: ImportOptions, context: ImportContext): ImportPlan {
  const columns = completeMapping(sheet, options.columns);
  const missing = REQUIRED_FIELDS.filter((f) => columns[f] === null);
  const { words, positionOf } = positionWords(options, context);
  const rules = nameRules(context);
  const planner: Planner = { columns, missing, options, context, rules, positionOf, seen: new Map() };
  const rows = sheet.rows.map((cells, index) => planRow(planner, cells, sheet.rowNumbers[index]!));
  const createCount = rows.filter((r) => r.problems.length === 0).length;
  const good = rows.filter((r) => r.problems.length === 0);
  return {
    headers: sheet.headers,
    columns,
    missing,
    words: [...words.values()].sort((a, b) => b.rows - a.rows || a.key.localeCompare(b.key)),
    rows,
    // Only what a good row needs is created.
    newIssues: [...rules.issue.created.entries()]
      .filter(([k]) => good.some((r) => r.newIssue && nameKey(r.issue) === k))
      .map(([, v]) => v),
    newParties: [...rules.party.created.entries()]
      .filter(([k]) => good.some((r) => r.newParty && nameKey(r.party) === k))
      .map(([, v]) => v),
    createCount,
    refusedCount: rows.length - createCount,
  };
}

/** A digest of what the commit would write, to compare with the one the preview showed. */
export function planDigestInput(plan: ImportPlan): string {
  return JSON.stringify({
    rows: plan.rows
      .filter((r) => r.problems.length === 0)
      .map((r) => [
        r.row,
        r.issueId ?? r.issue,
        r.partyId ?? r.party,
        r.position,
        r.summary,
        r.statedOn,
        r.source,
        r.quote,
      ]),
    issues: plan.newIssues,
    parties: plan.newParties,
  });
}
