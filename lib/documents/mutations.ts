import "server-only";
import { createHash } from "node:crypto";
import { recordActivity, recordWorkspaceActivity } from "@/lib/activity/record";
import { sha256 } from "@/lib/documents/hash";
import { detectLanguage } from "@/lib/documents/language";
import type { ImportDocumentInput } from "@/lib/documents/schema";
import { carryOffsets, diffTexts, reanchorQuote } from "@/lib/evidence/reanchor";
import type { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/platform/db/client";
import { type FailureWith, fail, failOn, failWith, ok, type Result, type Success } from "@/lib/platform/errors";
import type { AuthorizedWorkspace } from "@/lib/workspaces/access";

/** A duplicate names the document that already holds the text, in `details.documentId`. */
export type ImportResult =
  | Success<{ documentId: string; revisionId: string }>
  | FailureWith<"duplicate", { documentId: string }>;

const DOCUMENT_NOT_FOUND = "That document does not exist in this workspace.";

/** An uploaded file kept beside the text extracted from it. */
export type ImportedFile = { fileName: string; mediaType: string; bytes: Uint8Array; pageStarts: number[] | null };

type Tx = Prisma.TransactionClient;

/**
 * A new document and its first revision, inside the caller's transaction; the caller records
 * the activity (what it says depends on where the text came from).
 */
export async function insertDocument(
  tx: Tx,
  workspace: AuthorizedWorkspace,
  fields: { title: string; outlet: string; url: string; language?: string; publishedOn: string | null },
  revision: { text: string; contentHash: string; pageStarts?: number[] },
) {
  const document = await tx.document.create({
    data: { workspaceId: workspace.id, ...fields, importedById: workspace.userId || null },
    select: { id: true },
  });
  const first = await tx.documentRevision.create({
    data: {
      workspaceId: workspace.id,
      documentId: document.id,
      number: 1,
      ...revision,
      createdById: workspace.userId || null,
    },
    select: { id: true },
  });
  return { document, revision: first };
}

export async function importDocument(
  workspace: AuthorizedWorkspace,
  input: Omit<ImportDocumentInput, "workspaceSlug" | "fileName">,
  file?: ImportedFile,
): Promise<ImportResult> {
  const contentHash = sha256(input.text);
  const duplicate = await db().documentRevision.findFirst({
    where: { workspaceId: workspace.id, contentHash },
    select: { documentId: true },
  });
  if (duplicate) {
    return failWith("duplicate", "This exact text is already in the workspace.", { documentId: duplicate.documentId });
  }
  const language = input.language ?? detectLanguage(input.text) ?? "en";
  return db().$transaction(async (tx) => {
    const { document, revision } = await insertDocument(
      tx,
      workspace,
      {
        title: input.title,
        outlet: input.outlet,
        url: input.url,
        language,
        publishedOn: input.publishedOn,
      },
      { text: input.text, contentHash, pageStarts: file?.pageStarts ?? [] },
    );
    if (file) {
      await tx.documentFile.create({
        data: {
          workspaceId: workspace.id,
          revisionId: revision.id,
          fileName: file.fileName,
          mediaType: file.mediaType,
          size: file.bytes.byteLength,
          sha256: createHash("sha256").update(file.bytes).digest("hex"),
          bytes: file.bytes as Uint8Array<ArrayBuffer>,
        },
      });
    }
    await recordWorkspaceActivity(tx, workspace, {
      action: "document.imported",
      subjectType: "document",
      subjectId: document.id,
      after: {
        title: input.title,
        outlet: input.outlet,
        language,
        ...(input.language ? {} : { languageDetected: true }),
        contentHash,
        characters: input.text.length,
        ...(file ? { file: file.fileName, pages: file.pageStarts?.length ?? null } : {}),
      },
    });
    return ok({ documentId: document.id, revisionId: revision.id });
  });
}

export type SetLanguageResult = Result<object, "not_found" | "original_not_found" | "chain" | "paired_quotes">;

/**
 * Corrects a document's language and says which document it translates. Translations are one
 * level deep (an original is never itself a translation), so pairs never form chains or loops;
 * while quotes are paired across the old link, the link stays, so no pair outlives its reason.
 */
export async function setDocumentLanguage(
  workspace: AuthorizedWorkspace,
  input: { documentId: string; language: string; translationOfId: string | null },
): Promise<SetLanguageResult> {
  const document = await db().document.findFirst({
    where: { id: input.documentId, workspaceId: workspace.id },
    select: { id: true, language: true, translationOfId: true, _count: { select: { translations: true } } },
  });
  if (!document) return fail("not_found", DOCUMENT_NOT_FOUND);
  if (input.translationOfId !== null) {
    if (input.translationOfId === document.id)
      return failOn("translationOfId", "chain", "A document cannot translate itself.");
    const original = await db().document.findFirst({
      where: { id: input.translationOfId, workspaceId: workspace.id },
      select: { translationOfId: true },
    });
    if (!original)
      return failOn("translationOfId", "original_not_found", "That original is not a document of this workspace.");
    if (original.translationOfId !== null || document._count.translations > 0)
      return failOn(
        "translationOfId",
        "chain",
        original.translationOfId !== null
          ? "That document is itself a translation; choose the original it translates."
          : "Other documents are marked as translations of this one, so it is an original.",
      );
  }
  return db().$transaction(async (tx) => {
    if (document.translationOfId !== null && document.translationOfId !== input.translationOfId) {
      const paired = await tx.evidence.count({
        where: { workspaceId: workspace.id, documentId: document.id, translationOfId: { not: null } },
      });
      if (paired > 0)
        return failOn(
          "translationOfId",
          "paired_quotes",
          `${paired === 1 ? "A quote" : `${paired} quotes`} of this translation ${paired === 1 ? "is" : "are"} paired with the original's; unpair ${paired === 1 ? "it" : "them"} first.`,
        );
    }
    await tx.document.update({
      where: { id: document.id },
      data: { language: input.language, translationOfId: input.translationOfId },
    });
    await recordWorkspaceActivity(tx, workspace, {
      action: "document.language_set",
      subjectType: "document",
      subjectId: document.id,
      before: { language: document.language, translationOfId: document.translationOfId },
      after: { language: input.language, translationOfId: input.translationOfId },
    });
    return ok();
  });
}

export type CorrectionResult = Result<
  { revisionId: string; number: number; counts: Record<"ANCHORED" | "MOVED" | "CHANGED" | "ORPHANED", number> },
  "not_found" | "stale_revision" | "unchanged"
>;

/**
 * A corrected text becomes a new revision; the old one stays. Every quote of the document is
 * re-anchored from its original anchor, and where it now stands (or that it is orphaned) is
 * recorded for the new revision — all in the same transaction as the revision.
 */
export async function correctDocument(
  workspace: AuthorizedWorkspace,
  input: { documentId: string; baseRevision: number; text: string; note: string },
): Promise<CorrectionResult> {
  const document = await db().document.findFirst({
    where: { id: input.documentId, workspaceId: workspace.id },
    select: {
      id: true,
      revisions: {
        orderBy: { number: "desc" },
        take: 1,
        select: { id: true, number: true, contentHash: true, text: true, pageStarts: true },
      },
    },
  });
  const latest = document?.revisions[0];
  if (!document || !latest) return fail("not_found", DOCUMENT_NOT_FOUND);
  if (latest.number !== input.baseRevision) {
    return fail(
      "stale_revision",
      `Someone saved revision ${latest.number} while you were editing; reload and apply your correction to it.`,
    );
  }
  const contentHash = sha256(input.text);
  if (contentHash === latest.contentHash) return fail("unchanged", "The text is the same as the current revision.");

  const { anchors, pageStarts, counts } = await reanchorQuotes(workspace, document.id, latest, input.text);

  try {
    return await db().$transaction(async (tx) => {
      const revision = await tx.documentRevision.create({
        data: {
          workspaceId: workspace.id,
          documentId: document.id,
          number: latest.number + 1,
          text: input.text,
          contentHash,
          pageStarts,
          note: input.note,
          createdById: workspace.userId || null,
        },
        select: { id: true, number: true },
      });
      await saveAnchors(tx, workspace, revision.id, anchors);
      await recordWorkspaceActivity(tx, workspace, {
        action: "document.corrected",
        subjectType: "document",
        subjectId: document.id,
        before: { revision: latest.number, contentHash: latest.contentHash },
        after: { revision: revision.number, contentHash, note: input.note, anchors: counts },
      });
      return ok({ revisionId: revision.id, number: revision.number, counts });
    });
  } catch (error) {
    // The (documentId, number) key: another correction of the same revision committed first.
    if ((error as { code?: string }).code === "P2002") {
      return fail(
        "stale_revision",
        "Someone saved a correction of this revision at the same moment; reload and apply yours to it.",
      );
    }
    throw error;
  }
}

/**
 * Where each quote of the document stands in the corrected text, re-anchored from its original
 * anchor, and the page starts carried along.
 */
async function reanchorQuotes(
  workspace: AuthorizedWorkspace,
  documentId: string,
  latest: { id: string; text: string; pageStarts: number[] },
  text: string,
) {
  const evidence = await db().evidence.findMany({
    where: { workspaceId: workspace.id, documentId },
    select: {
      id: true,
      startOffset: true,
      endOffset: true,
      exact: true,
      prefix: true,
      suffix: true,
      revision: { select: { id: true, text: true } },
    },
  });
  const diffsByRevision = new Map<string, ReturnType<typeof diffTexts>>();
  const anchors = evidence.map((quote) => {
    const diffs = diffsByRevision.get(quote.revision.id) ?? diffTexts(quote.revision.text, text);
    diffsByRevision.set(quote.revision.id, diffs);
    return { evidenceId: quote.id, result: reanchorQuote(quote.revision.text, text, quote, diffs) };
  });
  // A corrected PDF keeps its page numbers: each page start follows the edits.
  const pageStarts =
    latest.pageStarts.length > 0
      ? carryOffsets(
          latest.text,
          text,
          latest.pageStarts,
          diffsByRevision.get(latest.id) ?? diffTexts(latest.text, text),
        )
      : [];
  const counts = { ANCHORED: 0, MOVED: 0, CHANGED: 0, ORPHANED: 0 };
  for (const a of anchors) counts[a.result.status]++;
  return { anchors, pageStarts, counts };
}

type Reanchored = Awaited<ReturnType<typeof reanchorQuotes>>["anchors"];

async function saveAnchors(
  tx: Prisma.TransactionClient,
  workspace: AuthorizedWorkspace,
  revisionId: string,
  anchors: Reanchored,
) {
  if (anchors.length > 0) {
    await tx.evidenceAnchor.createMany({
      data: anchors.map(({ evidenceId, result }) => ({
        evidenceId,
        revisionId,
        workspaceId: workspace.id,
        status: result.status,
        score: result.score,
        ...(result.status === "ORPHANED"
          ? {}
          : {
              startOffset: result.anchor.startOffset,
              endOffset: result.anchor.endOffset,
              exact: result.anchor.exact,
            }),
      })),
    });
  }
}

export async function dismissSuggestion(
  workspace: AuthorizedWorkspace,
  input: { revisionId: string; startOffset: number; endOffset: number },
) {
  const revision = await db().documentRevision.findFirst({
    where: { id: input.revisionId, workspaceId: workspace.id },
    select: { id: true },
  });
  if (!revision) return fail("not_found", "That document revision does not exist in this workspace.");
  await db().suggestionDismissal.upsert({
    where: {
      revisionId_startOffset_endOffset: {
        revisionId: revision.id,
        startOffset: input.startOffset,
        endOffset: input.endOffset,
      },
    },
    create: {
      revisionId: revision.id,
      workspaceId: workspace.id,
      startOffset: input.startOffset,
      endOffset: input.endOffset,
      dismissedById: workspace.userId || null,
    },
    update: {},
  });
  return ok();
}

export async function markAnchorReviewed(
  workspace: AuthorizedWorkspace,
  input: { evidenceId: string; revisionId: string },
) {
  const { count } = await db().evidenceAnchor.updateMany({
    where: { evidenceId: input.evidenceId, revisionId: input.revisionId, workspaceId: workspace.id, reviewedAt: null },
    data: { reviewedAt: new Date(), reviewedById: workspace.userId || null },
  });
  return count === 1 ? ok() : fail("not_found", "That quote is not waiting for review.");
}
