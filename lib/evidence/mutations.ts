import "server-only";
import { db } from "@/lib/db/client";
import type { AuthorizedWorkspace } from "@/lib/workspaces/access";
import { recordActivity } from "@/lib/activity/record";
import { verifyAnchor } from "@/lib/evidence/anchor";
import { fromCalendarDate } from "@/lib/matrix/dates";
import type { CreateEvidenceInput } from "@/lib/evidence/schema";

export type CreateEvidenceResult =
  | { ok: true; evidenceId: string }
  | { ok: false; reason: "not_found" | "stale_revision" | "anchor_mismatch" | "speaker_not_found" | "statement_not_found" | "date_required"; message: string };

const ANCHOR_MESSAGES = {
  out_of_range: "The selection lies outside the document's text.",
  empty: "The selection is empty.",
  exact_mismatch: "The selected words are not the words at that place in the document. Reload the document and select again.",
  context_mismatch: "The text around the selection does not match the document. Reload the document and select again.",
} as const;

/** Earliest full date a partial published date allows: "2022-02" → "2022-02-01". */
function dateFromPublished(publishedOn: string | null): string | null {
  if (!publishedOn) return null;
  return publishedOn.length === 10 ? publishedOn : null;
}

export async function createEvidence(workspace: AuthorizedWorkspace, input: Omit<CreateEvidenceInput, "workspaceSlug">): Promise<CreateEvidenceResult> {
  const document = await db().document.findFirst({
    where: { id: input.documentId, workspaceId: workspace.id },
    select: { id: true, publishedOn: true, revisions: { orderBy: { number: "desc" }, take: 1, select: { id: true, text: true } } },
  });
  const revision = document?.revisions[0];
  if (!document || !revision) return { ok: false, reason: "not_found", message: "That document does not exist in this workspace." };
  if (revision.id !== input.revisionId) {
    return { ok: false, reason: "stale_revision", message: "The document was corrected since you opened it; reload it and select the passage again." };
  }
  const check = verifyAnchor(revision.text, input);
  if (!check.ok) return { ok: false, reason: "anchor_mismatch", message: ANCHOR_MESSAGES[check.reason] };

  const saidOn = input.saidOn || dateFromPublished(document.publishedOn);
  if (!saidOn) return { ok: false, reason: "date_required", message: "The document has no full date: give the date the words were said." };

  if (input.speakerId && !(await db().person.findFirst({ where: { id: input.speakerId, workspaceId: workspace.id }, select: { id: true } }))) {
    return { ok: false, reason: "speaker_not_found", message: "That speaker is not in this workspace's people directory." };
  }
  if (input.newSpeaker?.partyId && !(await db().party.findFirst({ where: { id: input.newSpeaker.partyId, workspaceId: workspace.id }, select: { id: true } }))) {
    return { ok: false, reason: "speaker_not_found", message: "That party does not exist in this workspace." };
  }
  if (input.links.length > 0) {
    const found = await db().stanceStatement.count({ where: { workspaceId: workspace.id, id: { in: input.links.map((l) => l.statementId) } } });
    if (found !== new Set(input.links.map((l) => l.statementId)).size) {
      return { ok: false, reason: "statement_not_found", message: "One of the linked stances does not exist in this workspace." };
    }
  }

  return db().$transaction(async (tx) => {
    let speakerId = input.speakerId ?? null;
    if (input.newSpeaker) {
      const person = await tx.person.create({
        data: { workspaceId: workspace.id, name: input.newSpeaker.name, role: input.newSpeaker.role, partyId: input.newSpeaker.partyId ?? null, organisation: input.newSpeaker.organisation },
        select: { id: true },
      });
      speakerId = person.id;
      await recordActivity(tx, { workspaceId: workspace.id, actorId: workspace.userId || null, action: "person.created", subjectType: "person", subjectId: person.id, after: input.newSpeaker });
    }
    const evidence = await tx.evidence.create({
      data: {
        workspaceId: workspace.id,
        documentId: document.id,
        revisionId: revision.id,
        startOffset: input.startOffset,
        endOffset: input.endOffset,
        exact: input.exact,
        prefix: input.prefix,
        suffix: input.suffix,
        speakerId,
        saidOn: fromCalendarDate(saidOn),
        kind: input.kind,
        note: input.note,
        createdById: workspace.userId || null,
      },
      select: { id: true },
    });
    if (input.links.length > 0) {
      await tx.statementEvidence.createMany({ data: input.links.map((l) => ({ workspaceId: workspace.id, statementId: l.statementId, evidenceId: evidence.id, relation: l.relation })) });
    }
    await recordActivity(tx, {
      workspaceId: workspace.id,
      actorId: workspace.userId || null,
      action: "evidence.created",
      subjectType: "evidence",
      subjectId: evidence.id,
      after: { documentId: document.id, startOffset: input.startOffset, endOffset: input.endOffset, exact: input.exact, speakerId, kind: input.kind, links: input.links },
    });
    return { ok: true as const, evidenceId: evidence.id };
  });
}
