import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { getWhatMoved } from "@/lib/convergence/data";
import { listEventDates, listEvents } from "@/lib/events/data";
import { createEvent, deleteEvent, updateEvent } from "@/lib/events/mutations";
import { CreateEventSchema } from "@/lib/events/schema";
import { canonicalizeWorkspaceExport } from "@/lib/exports/canonical";
import { getWorkspaceExport } from "@/lib/exports/data";
import { importWorkspaceExport } from "@/lib/exports/mutations";
import { db } from "@/lib/platform/db/client";
import { type AuthorizedWorkspace, trustedWorkspace } from "@/lib/workspaces/access";
import { resetDatabase } from "../support/database";
import { seedDemoWorkspacePair } from "../support/demo-workspaces";
import { uniqueSlug } from "../support/seed";

// Events: created, changed and deleted with their activity, scoped to their workspace (another
// workspace's party or document is refused like a missing one), read by the digest of what moved,
// and carried through the workspace export and import. Runs on PostgreSQL and PGlite.

let workspace: AuthorizedWorkspace;
let other: AuthorizedWorkspace;
let analystId: string;

const partyId = async (ws: AuthorizedWorkspace, name: string) =>
  (await db().party.findFirstOrThrow({ where: { workspaceId: ws.id, name }, select: { id: true } })).id;
const documentId = async (ws: AuthorizedWorkspace) =>
  (
    await db().document.findFirstOrThrow({
      where: { workspaceId: ws.id },
      orderBy: { title: "asc" },
      select: { id: true },
    })
  ).id;

const input = (fields: Partial<ReturnType<typeof CreateEventSchema.parse>> = {}) => {
  const { workspaceSlug: _slug, ...parsed } = CreateEventSchema.parse({
    workspaceSlug: workspace.slug,
    kind: "ROUND",
    title: "Second Geneva round",
    occurredOn: "2022-02-21",
    ...fields,
  });
  return parsed;
};

beforeAll(async () => {
  await resetDatabase();
  ({ analystId, workspace, other } = await seedDemoWorkspacePair("events", "Event Analyst"));
});

describe("the demo's events", () => {
  it("are the five landmarks of the winter, in date order, with their parties and documents", async () => {
    const events = await listEvents(workspace);
    expect(events.map((e) => [e.occurredOn, e.title])).toEqual([
      ["2021-12-17", "Russia publishes its draft treaties with the US and with NATO"],
      ["2022-01-10", "Geneva: US–Russia Strategic Stability Dialogue"],
      ["2022-01-12", "NATO–Russia Council, Brussels"],
      ["2022-01-13", "OSCE Permanent Council, Vienna"],
      ["2022-01-26", "US and NATO deliver their written responses"],
    ]);
    const geneva = events[1]!;
    expect(geneva.parties.map((p) => p.name)).toEqual(["Russia", "United States"]);
    expect(geneva.documents).toHaveLength(1);
    expect(
      (await listEvents(workspace, { partyId: await partyId(workspace, "NATO") })).map((e) => e.occurredOn),
    ).toEqual(["2022-01-12", "2022-01-26"]);
  });
});

describe("creating, changing and deleting an event", () => {
  it("writes the event with its links and an activity row, and lists it by date", async () => {
    const russia = await partyId(workspace, "Russia");
    const document = await documentId(workspace);
    const created = await createEvent(
      workspace,
      input({ partyIds: [russia], documentIds: [document], description: "Leaked agenda." }),
    );
    expect(created.ok).toBe(true);
    if (!created.ok) return;
    const [event] = (await listEvents(workspace, { after: "2022-02-20", until: "2022-02-21" })).filter(
      (e) => e.id === created.eventId,
    );
    expect(event).toMatchObject({
      kind: "ROUND",
      title: "Second Geneva round",
      description: "Leaked agenda.",
      occurredOn: "2022-02-21",
      parties: [{ id: russia, name: "Russia" }],
      documents: [{ id: document }],
    });
    expect((await listEventDates(workspace)).at(-1)).toMatchObject({ id: created.eventId, occurredOn: "2022-02-21" });

    const us = await partyId(workspace, "United States");
    expect(
      await updateEvent(
        workspace,
        created.eventId,
        input({ kind: "LEAK", title: "Agenda leaked", occurredOn: "2022-02-20", partyIds: [us, russia] }),
      ),
    ).toEqual({ ok: true });
    const [changed] = (await listEvents(workspace)).filter((e) => e.id === created.eventId);
    expect(changed).toMatchObject({ kind: "LEAK", title: "Agenda leaked", occurredOn: "2022-02-20", documents: [] });
    expect(changed!.parties.map((p) => p.name)).toEqual(["Russia", "United States"]);

    expect(await deleteEvent(workspace, created.eventId)).toEqual({ ok: true });
    expect((await listEvents(workspace)).some((e) => e.id === created.eventId)).toBe(false);
    const log = await db().activityEvent.findMany({
      where: { workspaceId: workspace.id, subjectType: "event", subjectId: created.eventId },
      orderBy: { id: "asc" },
      select: { action: true },
    });
    expect(log.map((l) => l.action)).toEqual(["event.created", "event.updated", "event.deleted"]);
  });

  it("refuses another workspace's party, document or event as missing, and writes nothing", async () => {
    const before = await db().negotiationEvent.count();
    expect(await createEvent(workspace, input({ partyIds: [await partyId(other, "Russia")] }))).toMatchObject({
      ok: false,
      code: "not_found",
    });
    expect(await createEvent(workspace, input({ documentIds: [await documentId(other)] }))).toMatchObject({
      ok: false,
      code: "not_found",
    });
    const [foreign] = await listEvents(other);
    expect(await updateEvent(workspace, foreign!.id, input())).toMatchObject({ ok: false, code: "not_found" });
    expect(await deleteEvent(workspace, foreign!.id)).toMatchObject({ ok: false, code: "not_found" });
    expect(await db().negotiationEvent.count()).toBe(before);
    expect((await listEvents(other)).map((e) => e.title)).toContain(foreign!.title);
  });

  it("refuses a title that is empty or too long, before the database", () => {
    expect(
      CreateEventSchema.safeParse({ workspaceSlug: "x", kind: "ROUND", title: " ", occurredOn: "2022-01-01" }).success,
    ).toBe(false);
    expect(
      CreateEventSchema.safeParse({ workspaceSlug: "x", kind: "PARTY", title: "A", occurredOn: "2022-01-01" }).success,
    ).toBe(false);
  });
});

describe("events elsewhere", () => {
  it("are listed by the digest of what moved, only within its window", async () => {
    const digest = await getWhatMoved(workspace, "2022-01-10", "2022-01-26");
    expect(digest.events.map((e) => e.sentence)).toEqual([
      "12 Jan 2022: NATO–Russia Council, Brussels (Russia, NATO).",
      "13 Jan 2022: OSCE Permanent Council, Vienna (Russia, United States).",
      "26 Jan 2022: US and NATO deliver their written responses (Russia, United States, NATO).",
    ]);
    expect(digest.events[0]!.href).toBe(`/w/${workspace.slug}?asOf=2022-01-12`);
  });

  it("round-trip through the workspace export and import", async () => {
    const exported = await getWorkspaceExport(workspace);
    expect(exported.events).toHaveLength(5);
    const result = await importWorkspaceExport(exported, { slug: uniqueSlug("events-copy"), ownerUserId: analystId });
    if (!result.ok) throw new Error(result.message);
    expect(result.counts.events).toBe(5);
    const copy = trustedWorkspace(result.workspace, analystId);
    const again = await getWorkspaceExport(copy);
    expect(canonicalizeWorkspaceExport(again)).toEqual(canonicalizeWorkspaceExport(exported));
    const copied = await listEvents(copy);
    expect(copied[1]!.parties.map((p) => p.name)).toEqual(["Russia", "United States"]);
    expect(copied[1]!.documents.map((d) => d.title)).toEqual(
      (await listEvents(workspace))[1]!.documents.map((d) => d.title),
    );
  });

  it("refuses an export whose event names a party that is not in the file", async () => {
    const exported = await getWorkspaceExport(workspace);
    const broken = {
      ...exported,
      events: [{ ...exported.events![0]!, partyIds: [randomUUID()] }],
    };
    const result = await importWorkspaceExport(broken, { slug: uniqueSlug("events-broken"), ownerUserId: analystId });
    expect(result.ok).toBe(false);
    expect(result.ok === false && result.code === "invalid_file" ? result.details.problems.join(" ") : "").toMatch(
      /names a party that is not in the file/,
    );
  });
});
