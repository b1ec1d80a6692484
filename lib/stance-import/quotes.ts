import "server-only";
import { recordWorkspaceActivity } from "@/lib/activity/record";
import { sha256 } from "@/lib/documents/hash";
import { insertDocument } from "@/lib/documents/mutations";
import { recordEvidenceCreated } from "@/lib/evidence/mutations";
import type { Prisma } from "@/lib/generated/prisma/client";
import { fromCalendarDate } from "@/lib/matrix/dates";
import type { AuthorizedWorkspace } from "@/lib/workspaces/access";

// A sheet's quote becomes evidence like any other: a document holding exactly the quoted words
// (its URL the row's source) and a quote spanning them, which the imported statement links as
// support. The same words twice, in the sheet or already in the workspace, are one document.

type Tx = Prisma.TransactionClient;
export type SheetQuote = { quote: string; source: string; saidOn: string; label: string };

function hostOf(url: string): string {
  try {
    return new URL(url).hostname.slice(0, 200);
  } catch {
    return "";
  }
}

async function findOrCreateDocument(tx: Tx, workspace: AuthorizedWorkspace, quote: SheetQuote) {
  const contentHash = sha256(quote.quote);
  const existing = await tx.documentRevision.findFirst({
    where: { workspaceId: workspace.id, contentHash },
    select: { id: true, documentId: true },
  });
  if (existing) return { documentId: existing.documentId, revisionId: existing.id };
  const outlet = quote.source ? hostOf(quote.source) : "";
  const title = `${outlet || quote.label}, ${quote.saidOn}`.slice(0, 500);
  const { document, revision } = await insertDocument(
    tx,
    workspace,
    { title, outlet, url: quote.source, publishedOn: quote.saidOn },
    { text: quote.quote, contentHash },
  );
  await recordWorkspaceActivity(tx, workspace, {
    action: "document.imported",
    subjectType: "document",
    subjectId: document.id,
    after: { title, outlet, contentHash, characters: quote.quote.length, fromSheet: quote.label },
  });
  return { documentId: document.id, revisionId: revision.id };
}

/** The evidence id of the quote: the whole text of its document. */
export async function insertSheetQuote(tx: Tx, workspace: AuthorizedWorkspace, quote: SheetQuote): Promise<string> {
  const { documentId, revisionId } = await findOrCreateDocument(tx, workspace, quote);
  const length = [...quote.quote].length;
  const saidOn = fromCalendarDate(quote.saidOn);
  const existing = await tx.evidence.findFirst({
    where: { workspaceId: workspace.id, revisionId, startOffset: 0, endOffset: length, saidOn },
    select: { id: true },
  });
  if (existing) return existing.id;
  const evidence = await tx.evidence.create({
    data: {
      workspaceId: workspace.id,
      documentId,
      revisionId,
      startOffset: 0,
      endOffset: length,
      exact: quote.quote,
      saidOn,
      kind: "DIRECT_QUOTE",
      createdById: workspace.userId || null,
    },
    select: { id: true },
  });
  await recordEvidenceCreated(tx, workspace, evidence.id, {
    documentId,
    startOffset: 0,
    endOffset: length,
    exact: quote.quote,
    speakerId: null,
    kind: "DIRECT_QUOTE",
    links: [],
  });
  return evidence.id;
}
