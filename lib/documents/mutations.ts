import "server-only";
import { db } from "@/lib/db/client";
import type { AuthorizedWorkspace } from "@/lib/workspaces/access";
import { recordActivity } from "@/lib/activity/record";
import { sha256 } from "@/lib/documents/hash";
import { diffTexts, reanchorQuote } from "@/lib/evidence/reanchor";
import type { ImportDocumentInput } from "@/lib/documents/schema";

export type ImportResult = { ok: true; documentId: string; revisionId: string } | { ok: false; reason: "duplicate"; documentId: string; message: string };

export async function importDocument(workspace: AuthorizedWorkspace, input: Omit<ImportDocumentInput, "workspaceSlug">): Promise<ImportResult> {
  const contentHash = sha256(input.text);
  const duplicate = await db().documentRevision.findFirst({ where: { workspaceId: workspace.id, contentHash }, select: { documentId: true } });
  if (duplicate) {
    return { ok: false, reason: "duplicate", documentId: duplicate.documentId, message: "This exact text is already in the workspace." };
  }
  return db().$transaction(async (tx) => {
    const document = await tx.document.create({
      data: {
        workspaceId: workspace.id,
        title: input.title,
        outlet: input.outlet,
        url: input.url,
        language: input.language,
        publishedOn: input.publishedOn,
        importedById: workspace.userId || null,
      },
      select: { id: true },
    });
    const revision = await tx.documentRevision.create({
      data: { workspaceId: workspace.id, documentId: document.id, number: 1, text: input.text, contentHash, createdById: workspace.userId || null },
      select: { id: true },
    });
    await recordActivity(tx, {
      workspaceId: workspace.id,
      actorId: workspace.userId || null,
      action: "document.imported",
      subjectType: "document",
      subjectId: document.id,
      after: { title: input.title, outlet: input.outlet, contentHash, characters: input.text.length },
    });
    return { ok: true as const, documentId: document.id, revisionId: revision.id };
  });
}

export type CorrectionResult =
  | { ok: true; revisionId: string; number: number; counts: Record<"ANCHORED" | "MOVED" | "CHANGED" | "ORPHANED", number> }
  | { ok: false; reason: "not_found" | "stale_revision" | "unchanged"; message: string };

/**
 * A corrected text becomes a new revision; the old one stays. Every quote of the document is
 * re-anchored from its original anchor, and where it now stands (or that it is orphaned) is
 * recorded for the new revision — all in the same transaction as the revision.
 */
export async function correctDocument(workspace: AuthorizedWorkspace, input: { documentId: string; baseRevision: number; text: string; note: string }): Promise<CorrectionResult> {
  const document = await db().document.findFirst({
    where: { id: input.documentId, workspaceId: workspace.id },
    select: { id: true, revisions: { orderBy: { number: "desc" }, take: 1, select: { number: true, contentHash: true } } },
  });
  const latest = document?.revisions[0];
  if (!document || !latest) return { ok: false, reason: "not_found", message: "That document does not exist in this workspace." };
  if (latest.number !== input.baseRevision) {
    return { ok: false, reason: "stale_revision", message: `Someone saved revision ${latest.number} while you were editing; reload and apply your correction to it.` };
  }
  const contentHash = sha256(input.text);
  if (contentHash === latest.contentHash) return { ok: false, reason: "unchanged", message: "The text is the same as the current revision." };

  const evidence = await db().evidence.findMany({
    where: { workspaceId: workspace.id, documentId: document.id },
    select: { id: true, startOffset: true, endOffset: true, exact: true, prefix: true, suffix: true, revision: { select: { id: true, text: true } } },
  });
  const diffsByRevision = new Map<string, ReturnType<typeof diffTexts>>();
  const anchors = evidence.map((quote) => {
    const diffs = diffsByRevision.get(quote.revision.id) ?? diffTexts(quote.revision.text, input.text);
    diffsByRevision.set(quote.revision.id, diffs);
    return { evidenceId: quote.id, result: reanchorQuote(quote.revision.text, input.text, quote, diffs) };
  });
  const counts = { ANCHORED: 0, MOVED: 0, CHANGED: 0, ORPHANED: 0 };
  for (const a of anchors) counts[a.result.status]++;

  try {
    return await db().$transaction(async (tx) => {
      const revision = await tx.documentRevision.create({
        data: { workspaceId: workspace.id, documentId: document.id, number: latest.number + 1, text: input.text, contentHash, note: input.note, createdById: workspace.userId || null },
        select: { id: true, number: true },
      });
      if (anchors.length > 0) {
        await tx.evidenceAnchor.createMany({
          data: anchors.map(({ evidenceId, result }) => ({
            evidenceId,
            revisionId: revision.id,
            workspaceId: workspace.id,
            status: result.status,
            score: result.score,
            ...(result.status === "ORPHANED" ? {} : { startOffset: result.anchor.startOffset, endOffset: result.anchor.endOffset, exact: result.anchor.exact }),
          })),
        });
      }
      await recordActivity(tx, {
        workspaceId: workspace.id,
        actorId: workspace.userId || null,
        action: "document.corrected",
        subjectType: "document",
        subjectId: document.id,
        before: { revision: latest.number, contentHash: latest.contentHash },
        after: { revision: revision.number, contentHash, note: input.note, anchors: counts },
      });
      return { ok: true as const, revisionId: revision.id, number: revision.number, counts };
    });
  } catch (error) {
    // The (documentId, number) key: another correction of the same revision committed first.
    if ((error as { code?: string }).code === "P2002") {
      return { ok: false, reason: "stale_revision", message: "Someone saved a correction of this revision at the same moment; reload and apply yours to it." };
    }
    throw error;
  }
}

export async function dismissSuggestion(workspace: AuthorizedWorkspace, input: { revisionId: string; startOffset: number; endOffset: number }) {
  const revision = await db().documentRevision.findFirst({ where: { id: input.revisionId, workspaceId: workspace.id }, select: { id: true } });
  if (!revision) return { ok: false as const, reason: "not_found" as const, message: "That document revision does not exist in this workspace." };
  await db().suggestionDismissal.upsert({
    where: { revisionId_startOffset_endOffset: { revisionId: revision.id, startOffset: input.startOffset, endOffset: input.endOffset } },
    create: { revisionId: revision.id, workspaceId: workspace.id, startOffset: input.startOffset, endOffset: input.endOffset, dismissedById: workspace.userId || null },
    update: {},
  });
  return { ok: true as const };
}

export async function markAnchorReviewed(workspace: AuthorizedWorkspace, input: { evidenceId: string; revisionId: string }) {
  const { count } = await db().evidenceAnchor.updateMany({
    where: { evidenceId: input.evidenceId, revisionId: input.revisionId, workspaceId: workspace.id, reviewedAt: null },
    data: { reviewedAt: new Date(), reviewedById: workspace.userId || null },
  });
  return count === 1 ? { ok: true as const } : { ok: false as const, reason: "not_found" as const, message: "That quote is not waiting for review." };
}
