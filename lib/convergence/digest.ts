import type { Position } from "@/lib/generated/prisma/enums";
import { formatCalendarDate } from "@/lib/matrix/dates";

type Named = { id: string; name?: string; title?: string };
type ShownCell = {
  issueId: string;
  partyId: string;
  statement: { position: Position | string; statedOn: string; redLine?: boolean } | null;
};

export type WindowStatement = {
  id: string;
  issueId: string;
  partyId: string;
  position: Position;
  summary: string;
  statedOn: string;
  amendment: { kind: "CORRECTED" | "RETRACTED"; reason: string } | null;
};

export type DigestEntry = {
  issueId: string;
  partyId: string;
  sentence: string;
  /** The matrix at the date it happened, with the cell selected. */
  href: string;
};

export type MovedEntry = DigestEntry & {
  from: Position | null;
  to: Position | null;
  statedOn: string | null;
};
export type StatementEntry = DigestEntry & { statementId: string; position: Position; statedOn: string };

/** An event of the window, as the digest lists it. */
export type WindowEvent = { id: string; kind: string; title: string; occurredOn: string; parties: { name: string }[] };
export type EventEntry = { eventId: string; occurredOn: string; sentence: string; href: string };

export type WhatMoved = {
  from: string;
  to: string;
  /** Events after `from` up to `to`, in date order. */
  events: EventEntry[];
  /** Red lines drawn or dropped: the shown statement's red line as of `to` against as of `from`. */
  redLines: (DigestEntry & { change: "drawn" | "dropped" })[];
  moved: MovedEntry[];
  stated: StatementEntry[];
  retracted: (StatementEntry & { reason: string })[];
  /** How many there are in all; the lists may hold only the latest (lib/convergence/data.ts). */
  statedCount?: number;
  retractedCount?: number;
};

export function cellHref(slug: string, asOf: string, issueId: string, partyId: string): string {
  return `/w/${encodeURIComponent(slug)}?asOf=${asOf}&cell=${issueId}:${partyId}`;
}

type WhatMovedInput = {
  slug: string;
  from: string;
  to: string;
  labels: Readonly<Record<string, string>>;
  issues: readonly Named[];
  parties: readonly Named[];
  before: readonly ShownCell[];
  after: readonly ShownCell[];
  statements: readonly WindowStatement[];
  events?: readonly WindowEvent[];
  /** the dates' locale in the sentences: the reader's on a page, DATE_LOCALE in files and JSON */
  locale?: string;
};

type CellKey = { issueId: string; partyId: string };
type ShownStatement = NonNullable<ShownCell["statement"]>;

/** What every list of the digest shares: the window, the names and order of issues and parties, how dates and positions read. */
type DigestWording = {
  slug: string;
  from: string;
  to: string;
  day: (value: string) => string;
  label: (position: Position) => string;
  issueName: Map<string, string>;
  partyName: Map<string, string>;
  /** Whether the cell's issue and party are in the matrix. */
  known: (e: CellKey) => boolean;
  /** The matrix's issue, then party order. */
  byCell: <T extends CellKey>(a: T, b: T) => number;
};

/**
 * What changed between two dates, in sentences: cells whose shown position differs between the
 * matrix as of `from` and as of `to`; statements stated after `from` up to `to` that still stand;
 * and those among them that were retracted since. Lists follow the matrix's issue and party order.
 */
export function buildWhatMoved(input: WhatMovedInput): WhatMoved {
  const wording = digestWording(input);
  const before = shownStatements(input.before);
  const after = shownStatements(input.after);
  const moved = positionChanges(before, after, wording);
  const redLines = redLineChanges(before, after, wording);
  const { stated, retracted } = windowStatements(input.statements, wording);
  const events = windowEvents(input.events ?? [], wording);
  const { from, to, byCell } = wording;
  return { from, to, events, redLines: redLines.sort(byCell), moved: moved.sort(byCell), stated, retracted };
}

function digestWording(input: WhatMovedInput): DigestWording {
  const { slug, from, to, labels } = input;
  const issueOrder = new Map(input.issues.map((issue, i) => [issue.id, i]));
  const partyOrder = new Map(input.parties.map((party, i) => [party.id, i]));
  return {
    slug,
    from,
    to,
    day: (value: string) => formatCalendarDate(value, input.locale),
    label: (position: Position) => labels[position] ?? position,
    issueName: new Map(input.issues.map((issue) => [issue.id, issue.title ?? issue.name ?? ""])),
    partyName: new Map(input.parties.map((party) => [party.id, party.name ?? party.title ?? ""])),
    known: (e) => issueOrder.has(e.issueId) && partyOrder.has(e.partyId),
    byCell: (a, b) =>
      (issueOrder.get(a.issueId) ?? 0) - (issueOrder.get(b.issueId) ?? 0) ||
      (partyOrder.get(a.partyId) ?? 0) - (partyOrder.get(b.partyId) ?? 0),
  };
}

/** The shown statement of each cell that has one, by "issueId:partyId". */
function shownStatements(cells: readonly ShownCell[]): Map<string, ShownStatement> {
  return new Map(cells.flatMap((c) => (c.statement ? [[`${c.issueId}:${c.partyId}`, c.statement] as const] : [])));
}

function positionChanges(
  before: Map<string, ShownStatement>,
  after: Map<string, ShownStatement>,
  wording: DigestWording,
): MovedEntry[] {
  const { slug, to, day, label, issueName, partyName, known } = wording;
  const moved: MovedEntry[] = [];
  for (const key of new Set([...before.keys(), ...after.keys()])) {
    const [issueId, partyId] = key.split(":") as [string, string];
    const was = (before.get(key)?.position ?? null) as Position | null;
    const now = (after.get(key)?.position ?? null) as Position | null;
    if (was === now || !known({ issueId, partyId })) continue;
    const party = partyName.get(partyId);
    const issue = issueName.get(issueId);
    const statedOn = after.get(key)?.statedOn ?? null;
    const on = day(statedOn ?? to);
    const sentence =
      was === null && now !== null
        ? `${party} took a position on ${issue}: ${label(now)} (${on}).`
        : was !== null && now === null
          ? `${party}'s position on ${issue} (${label(was)}) no longer stands as of ${day(to)}.`
          : `${party} moved from ${label(was as Position)} to ${label(now as Position)} on ${issue} (${on}).`;
    moved.push({
      issueId,
      partyId,
      from: was,
      to: now,
      statedOn,
      sentence,
      href: cellHref(slug, statedOn ?? to, issueId, partyId),
    });
  }
  return moved;
}

function redLineChanges(
  before: Map<string, ShownStatement>,
  after: Map<string, ShownStatement>,
  wording: DigestWording,
): WhatMoved["redLines"] {
  const { slug, to, day, issueName, partyName, known } = wording;
  const redLines: WhatMoved["redLines"] = [];
  for (const key of new Set([...before.keys(), ...after.keys()])) {
    const [issueId, partyId] = key.split(":") as [string, string];
    const was = before.get(key)?.redLine ?? false;
    const now = after.get(key)?.redLine ?? false;
    if (was === now || !known({ issueId, partyId })) continue;
    const party = partyName.get(partyId);
    const issue = issueName.get(issueId);
    const statedOn = after.get(key)?.statedOn ?? to;
    redLines.push({
      issueId,
      partyId,
      change: now ? "drawn" : "dropped",
      sentence: now
        ? `${party} drew a red line on ${issue} (${day(statedOn)}).`
        : `${party} no longer holds its red line on ${issue} (${day(statedOn)}).`,
      href: cellHref(slug, statedOn, issueId, partyId),
    });
  }
  return redLines;
}

/** Statements stated in the window that still stand, and those retracted, each in date order. */
function windowStatements(
  statements: readonly WindowStatement[],
  wording: DigestWording,
): Pick<WhatMoved, "stated" | "retracted"> {
  const { slug, from, to, day, label, issueName, partyName, known, byCell } = wording;
  const inWindow = statements.filter((s) => s.statedOn > from && s.statedOn <= to && known(s));
  const entry = (s: WindowStatement) => ({
    statementId: s.id,
    issueId: s.issueId,
    partyId: s.partyId,
    position: s.position,
    statedOn: s.statedOn,
    href: cellHref(slug, s.statedOn, s.issueId, s.partyId),
  });
  const byDate = <T extends { statedOn: string; issueId: string; partyId: string }>(a: T, b: T) =>
    a.statedOn < b.statedOn ? -1 : a.statedOn > b.statedOn ? 1 : byCell(a, b);
  const stated = inWindow
    .filter((s) => !s.amendment)
    .map((s) => ({
      ...entry(s),
      sentence: `On ${day(s.statedOn)}, ${partyName.get(s.partyId)} stated ${label(s.position)} on ${issueName.get(s.issueId)}: ${s.summary}`,
    }))
    .sort(byDate);
  const retracted = inWindow.flatMap((s) =>
    s.amendment?.kind === "RETRACTED"
      ? [
          {
            ...entry(s),
            reason: s.amendment.reason,
            sentence: `${partyName.get(s.partyId)}'s statement of ${day(s.statedOn)} on ${issueName.get(s.issueId)} (${label(s.position)}) was retracted: ${s.amendment.reason}`,
          },
        ]
      : [],
  );
  retracted.sort(byDate);
  return { stated, retracted };
}

/** Events after `from` up to `to`, in date order. */
function windowEvents(events: readonly WindowEvent[], wording: DigestWording): EventEntry[] {
  const { slug, from, to, day } = wording;
  return events
    .filter((e) => e.occurredOn > from && e.occurredOn <= to)
    .map((e) => ({
      eventId: e.id,
      occurredOn: e.occurredOn,
      sentence: `${day(e.occurredOn)}: ${e.title}${e.parties.length > 0 ? ` (${e.parties.map((p) => p.name).join(", ")})` : ""}.`,
      href: `/w/${encodeURIComponent(slug)}?asOf=${e.occurredOn}`,
    }))
    .sort((a, b) => (a.occurredOn < b.occurredOn ? -1 : a.occurredOn > b.occurredOn ? 1 : 0));
}
