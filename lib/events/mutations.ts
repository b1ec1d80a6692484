import "server-only";
import { recordWorkspaceActivity } from "@/lib/activity/record";
import type { EventInput } from "@/lib/events/schema";
import type { Prisma } from "@/lib/generated/prisma/client";
import { fromCalendarDate, toCalendarDate } from "@/lib/matrix/dates";
import { db } from "@/lib/platform/db/client";
import { type Failure, fail, ok, type Success } from "@/lib/platform/errors";
import type { AuthorizedWorkspace } from "@/lib/workspaces/access";

// Events are the analysts' own landmarks: unlike statements they are edited in place and
// deleted, each change with its activity row in the same transaction. Every query names the
// workspace, so another workspace's event, party or document behaves like a missing one.

type Tx = Prisma.TransactionClient;
type Refusal = Failure<"not_found">;

const EVENT_NOT_FOUND: Refusal = fail("not_found", "That event is not in this workspace.");

/** Seeding and tests act through trustedWorkspace(), which may carry no user. */
const actorOf = (workspace: AuthorizedWorkspace) => workspace.userId || null;

async function checkLinks(tx: Tx, workspace: AuthorizedWorkspace, input: EventInput): Promise<Refusal | null> {
  // One after the other: a transaction is one connection, which runs one query at a time anyway.
  const parties = await tx.party.count({ where: { workspaceId: workspace.id, id: { in: input.partyIds } } });
  const documents = await tx.document.count({ where: { workspaceId: workspace.id, id: { in: input.documentIds } } });
  if (parties !== input.partyIds.length) return fail("not_found", "One of those parties is not in this workspace.");
  if (documents !== input.documentIds.length)
    return fail("not_found", "One of those documents is not in this workspace.");
  return null;
}

function fields(input: EventInput) {
  return {
    kind: input.kind,
    title: input.title,
    description: input.description,
    occurredOn: fromCalendarDate(input.occurredOn),
  };
}

/** What the activity log keeps of an event. */
function snapshot(input: EventInput) {
  return {
    kind: input.kind,
    title: input.title,
    description: input.description,
    occurredOn: input.occurredOn,
    partyIds: input.partyIds,
    documentIds: input.documentIds,
  };
}

async function writeLinks(tx: Tx, workspaceId: string, eventId: string, input: EventInput) {
  await tx.negotiationEventParty.createMany({
    data: input.partyIds.map((partyId) => ({ workspaceId, eventId, partyId })),
  });
  await tx.negotiationEventDocument.createMany({
    data: input.documentIds.map((documentId) => ({ workspaceId, eventId, documentId })),
  });
}

export async function createEvent(
  workspace: AuthorizedWorkspace,
  input: EventInput,
): Promise<Success<{ eventId: string }> | Refusal> {
  return db().$transaction(async (tx) => {
    const refusal = await checkLinks(tx, workspace, input);
    if (refusal) return refusal;
    const event = await tx.negotiationEvent.create({
      data: { workspaceId: workspace.id, createdById: actorOf(workspace), ...fields(input) },
      select: { id: true },
    });
    await writeLinks(tx, workspace.id, event.id, input);
    await recordWorkspaceActivity(tx, workspace, {
      action: "event.created",
      subjectType: "event",
      subjectId: event.id,
      after: snapshot(input),
    });
    return ok({ eventId: event.id });
  });
}

export async function updateEvent(
  workspace: AuthorizedWorkspace,
  eventId: string,
  input: EventInput,
): Promise<Success | Refusal> {
  return db().$transaction(async (tx) => {
    const before = await tx.negotiationEvent.findFirst({
      where: { id: eventId, workspaceId: workspace.id },
      select: {
        kind: true,
        title: true,
        description: true,
        occurredOn: true,
        parties: { select: { partyId: true } },
        documents: { select: { documentId: true } },
      },
    });
    if (!before) return EVENT_NOT_FOUND;
    const refusal = await checkLinks(tx, workspace, input);
    if (refusal) return refusal;
    await tx.negotiationEvent.update({
      where: { id: eventId },
      data: { ...fields(input), updatedAt: new Date() },
    });
    await tx.negotiationEventParty.deleteMany({ where: { workspaceId: workspace.id, eventId } });
    await tx.negotiationEventDocument.deleteMany({ where: { workspaceId: workspace.id, eventId } });
    await writeLinks(tx, workspace.id, eventId, input);
    await recordWorkspaceActivity(tx, workspace, {
      action: "event.updated",
      subjectType: "event",
      subjectId: eventId,
      before: {
        kind: before.kind,
        title: before.title,
        description: before.description,
        occurredOn: toCalendarDate(before.occurredOn),
        partyIds: before.parties.map((p) => p.partyId),
        documentIds: before.documents.map((d) => d.documentId),
      },
      after: snapshot(input),
    });
    return ok();
  });
}

export async function deleteEvent(workspace: AuthorizedWorkspace, eventId: string): Promise<Success | Refusal> {
  return db().$transaction(async (tx) => {
    const before = await tx.negotiationEvent.findFirst({
      where: { id: eventId, workspaceId: workspace.id },
      select: { kind: true, title: true, occurredOn: true },
    });
    if (!before) return EVENT_NOT_FOUND;
    await tx.negotiationEvent.deleteMany({ where: { id: eventId, workspaceId: workspace.id } });
    await recordWorkspaceActivity(tx, workspace, {
      action: "event.deleted",
      subjectType: "event",
      subjectId: eventId,
      before: { kind: before.kind, title: before.title, occurredOn: toCalendarDate(before.occurredOn) },
    });
    return ok();
  });
}
