import "server-only";
import type { EventKind } from "@/lib/events/schema";
import { fromCalendarDate, toCalendarDate } from "@/lib/matrix/dates";
import { db } from "@/lib/platform/db/client";
import type { AuthorizedWorkspace } from "@/lib/workspaces/access";

export type NegotiationEventView = {
  id: string;
  kind: EventKind;
  title: string;
  description: string;
  occurredOn: string;
  parties: { id: string; name: string; shortName: string; colour: string }[];
  documents: { id: string; title: string }[];
};

const EVENT_SELECT = {
  id: true,
  kind: true,
  title: true,
  description: true,
  occurredOn: true,
  parties: {
    select: { party: { select: { id: true, name: true, shortName: true, colour: true, sortOrder: true } } },
  },
  documents: { select: { document: { select: { id: true, title: true } } } },
} as const;

type Row = {
  id: string;
  kind: EventKind;
  title: string;
  description: string;
  occurredOn: Date;
  parties: { party: { id: string; name: string; shortName: string; colour: string; sortOrder: number } }[];
  documents: { document: { id: string; title: string } }[];
};

function view(row: Row): NegotiationEventView {
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    description: row.description,
    occurredOn: toCalendarDate(row.occurredOn),
    parties: row.parties
      .map((p) => p.party)
      .sort((a, b) => a.sortOrder - b.sortOrder || a.name.localeCompare(b.name))
      .map(({ sortOrder: _sortOrder, ...party }) => party),
    documents: row.documents.map((d) => d.document).sort((a, b) => a.title.localeCompare(b.title)),
  };
}

/**
 * The workspace's events in date order, optionally only those from `from` (exclusive) to `to`
 * (inclusive), as the digest of what moved reads its window, and only those a party was at.
 */
export async function listEvents(
  workspace: AuthorizedWorkspace,
  options: { after?: string; until?: string; partyId?: string } = {},
): Promise<NegotiationEventView[]> {
  const rows = await db().negotiationEvent.findMany({
    where: {
      workspaceId: workspace.id,
      occurredOn: {
        ...(options.after ? { gt: fromCalendarDate(options.after) } : {}),
        ...(options.until ? { lte: fromCalendarDate(options.until) } : {}),
      },
      ...(options.partyId ? { parties: { some: { partyId: options.partyId } } } : {}),
    },
    orderBy: [{ occurredOn: "asc" }, { title: "asc" }, { id: "asc" }],
    select: EVENT_SELECT,
  });
  return rows.map(view);
}

/** Date and title only: the options of the matrix's date control. */
export async function listEventDates(workspace: AuthorizedWorkspace) {
  const rows = await db().negotiationEvent.findMany({
    where: { workspaceId: workspace.id },
    orderBy: [{ occurredOn: "asc" }, { title: "asc" }, { id: "asc" }],
    select: { id: true, title: true, kind: true, occurredOn: true },
  });
  return rows.map((row) => ({ ...row, occurredOn: toCalendarDate(row.occurredOn) }));
}

export type EventDate = Awaited<ReturnType<typeof listEventDates>>[number];

/** What the event form offers to link: the parties in the matrix and the workspace's documents. */
export async function listEventFormOptions(workspace: AuthorizedWorkspace) {
  const [parties, documents] = await Promise.all([
    db().party.findMany({
      where: { workspaceId: workspace.id, archivedAt: null },
      orderBy: [{ sortOrder: "asc" }, { name: "asc" }],
      select: { id: true, name: true, colour: true },
    }),
    db().document.findMany({
      where: { workspaceId: workspace.id },
      orderBy: [{ publishedOn: "asc" }, { title: "asc" }],
      select: { id: true, title: true, publishedOn: true },
    }),
  ]);
  return { parties, documents };
}

export type EventFormOptions = Awaited<ReturnType<typeof listEventFormOptions>>;
