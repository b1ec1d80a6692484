import "server-only";
import { recordActivity, recordWorkspaceActivity } from "@/lib/activity/record";
import { codePointLength, locateQuote, verifyAnchor } from "@/lib/evidence/anchor";
import type {
  CreateEvidenceFromQuoteInput,
  CreateEvidenceInput,
  LinkEvidenceInput,
  PairQuoteInput,
} from "@/lib/evidence/schema";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { EvidenceKind } from "@/lib/generated/prisma/enums";
import { fromCalendarDate } from "@/lib/matrix/dates";
import { db } from "@/lib/platform/db/client";
import { fail, failOn, ok, type Result } from "@/lib/platform/errors";
import type { AuthorizedWorkspace } from "@/lib/workspaces/access";

export type CreateEvidenceResult = Result<
  { evidenceId: string },
  | "not_found"
  | "stale_revision"
  | "anchor_mismatch"
  | "speaker_not_found"
  | "statement_not_found"
  | "date_required"
  | "quote_not_found"
>;

type Transaction = Prisma.TransactionClient;

const DOCUMENT_NOT_FOUND = "That document does not exist in this workspace.";

/** Earliest full date a partial published date allows: "2022-02" → "2022-02-01". */
function dateFromPublished(publishedOn: string | null): string | null {
  if (!publishedOn) return null;
  return publishedOn.length === 10 ? publishedOn : null;
}

type EvidenceInput = Omit<CreateEvidenceInput, "workspaceSlug">;

export async function createEvidence(
  workspace: AuthorizedWorkspace,
  input: EvidenceInput,
): Promise<CreateEvidenceResult> {
  const document = await db().document.findFirst({
    where: { id: input.documentId, workspaceId: workspace.id },
    select: {
      id: true,
      publishedOn: true,
      revisions: { orderBy: { number: "desc" }, take: 1, select: { id: true, text: true } },
    },
  });
  const revision = document?.revisions[0];
  if (!document || !revision) return fail("not_found", DOCUMENT_NOT_FOUND);
  if (revision.id !== input.revisionId) {
    return fail(
      "stale_revision",
      "The document was corrected since you opened it; reload it and select the passage again.",
    );
  }
  const check = verifyAnchor(revision.text, input);
  if (!check.ok) return check;

  const saidOn = input.saidOn || dateFromPublished(document.publishedOn);
  if (!saidOn) return fail("date_required", "The document has no full date: give the date the words were said.");
  const missing = await findMissingReference(workspace, input);
  if (missing) return missing;

  return db().$transaction(async (tx) => {
    const speakerId = input.newSpeaker
      ? await createSpeaker(tx, workspace, input.newSpeaker)
      : (input.speakerId ?? null);
    const evidenceId = await insertEvidence(tx, workspace, input, {
      documentId: document.id,
      revisionId: revision.id,
      saidOn,
      speakerId,
    });
    return ok({ evidenceId });
  });
}

/** The speaker, the new speaker's party or a linked stance the input names but this workspace lacks. */
async function findMissingReference(workspace: AuthorizedWorkspace, input: EvidenceInput) {
  if (
    input.speakerId &&
    !(await db().person.findFirst({ where: { id: input.speakerId, workspaceId: workspace.id }, select: { id: true } }))
  ) {
    return fail("speaker_not_found", "That speaker is not in this workspace's people directory.");
  }
  if (
    input.newSpeaker?.partyId &&
    !(await db().party.findFirst({
      where: { id: input.newSpeaker.partyId, workspaceId: workspace.id },
      select: { id: true },
    }))
  ) {
    return fail("speaker_not_found", "That party does not exist in this workspace.");
  }
  if (input.links.length > 0) {
    const found = await db().stanceStatement.count({
      where: { workspaceId: workspace.id, id: { in: input.links.map((l) => l.statementId) } },
    });
    if (found !== new Set(input.links.map((l) => l.statementId)).size) {
      return fail("statement_not_found", "One of the linked stances does not exist in this workspace.");
    }
  }
  return null;
}

async function createSpeaker(
  tx: Transaction,
  workspace: AuthorizedWorkspace,
  speaker: NonNullable<EvidenceInput["newSpeaker"]>,
) {
  const person = await tx.person.create({
    data: {
      workspaceId: workspace.id,
      name: speaker.name,
      role: speaker.role,
      partyId: speaker.partyId ?? null,
      organisation: speaker.organisation,
    },
    select: { id: true },
  });
  await recordWorkspaceActivity(tx, workspace, {
    action: "person.created",
    subjectType: "person",
    subjectId: person.id,
    after: speaker,
  });
  return person.id;
}

/** The quote, its links to stances and its activity row; the references were checked before. */
async function insertEvidence(
  tx: Transaction,
  workspace: AuthorizedWorkspace,
  input: EvidenceInput,
  placed: { documentId: string; revisionId: string; saidOn: string; speakerId: string | null },
) {
  const { documentId, speakerId } = placed;
  const evidence = await tx.evidence.create({
    data: {
      workspaceId: workspace.id,
      documentId,
      revisionId: placed.revisionId,
      startOffset: input.startOffset,
      endOffset: input.endOffset,
      exact: input.exact,
      prefix: input.prefix,
      suffix: input.suffix,
      speakerId,
      saidOn: fromCalendarDate(placed.saidOn),
      kind: input.kind,
      note: input.note,
      createdById: workspace.userId || null,
    },
    select: { id: true },
  });
  if (input.links.length > 0) {
    await tx.statementEvidence.createMany({
      data: input.links.map((l) => ({
        workspaceId: workspace.id,
        statementId: l.statementId,
        evidenceId: evidence.id,
        relation: l.relation,
      })),
    });
  }
  await recordEvidenceCreated(tx, workspace, evidence.id, {
    documentId,
    startOffset: input.startOffset,
    endOffset: input.endOffset,
    exact: input.exact,
    speakerId,
    kind: input.kind,
    links: input.links,
  });
  return evidence.id;
}

/** The activity row of a new quote, however it was made (a selection, a sheet's row). */
export function recordEvidenceCreated(
  tx: Transaction,
  workspace: AuthorizedWorkspace,
  evidenceId: string,
  after: {
    documentId: string;
    startOffset: number;
    endOffset: number;
    exact: string;
    speakerId: string | null;
    kind: EvidenceKind;
    links: EvidenceInput["links"];
  },
) {
  return recordWorkspaceActivity(tx, workspace, {
    action: "evidence.created",
    subjectType: "evidence",
    subjectId: evidenceId,
    after,
  });
}

/**
 * Evidence located by its words instead of offsets: the quote is found in the document's current
 * text and then saved through the same verification as a selection.
 */
export async function createEvidenceFromQuote(
  workspace: AuthorizedWorkspace,
  { quote, occurrence, documentId, ...details }: CreateEvidenceFromQuoteInput,
): Promise<CreateEvidenceResult> {
  const revision = await db().documentRevision.findFirst({
    where: { workspaceId: workspace.id, documentId },
    orderBy: { number: "desc" },
    select: { id: true, text: true },
  });
  if (!revision) return fail("not_found", DOCUMENT_NOT_FOUND);
  const anchor = locateQuote(revision.text, quote, occurrence);
  if (!anchor)
    return fail(
      "quote_not_found",
      occurrence > 0
        ? `The document's current text does not have ${occurrence + 1} occurrences of those exact words.`
        : "Those exact words are not in the document's current text.",
    );
  return createEvidence(workspace, { ...details, documentId, revisionId: revision.id, ...anchor });
}

/** Thrown inside the pairing transaction when the passage was paired meanwhile; rolls it back. */
class AlreadyPaired extends Error {}

export type PairQuoteResult = Result<
  { evidenceId: string },
  "not_found" | "not_an_original" | "not_a_translation" | "passage_not_found" | "passage_ambiguous" | "already_paired"
>;

function countOccurrences(text: string, exact: string) {
  let count = 0;
  for (let at = text.indexOf(exact); at >= 0; at = text.indexOf(exact, at + 1)) count++;
  return count;
}

/**
 * Pairs a quote of an original document with the passage that renders it in a translation of
 * that document. The passage is an ordinary quote of the translation, anchored on its latest
 * revision and verified verbatim (by the database's trigger too); a quote already saved at
 * exactly that place is reused. Each side then re-anchors on its own document's corrections.
 */
export async function pairQuote(
  workspace: AuthorizedWorkspace,
  input: Omit<PairQuoteInput, "workspaceSlug">,
): Promise<PairQuoteResult> {
  const original = await db().evidence.findFirst({
    where: { id: input.originalId, workspaceId: workspace.id },
    select: { id: true, documentId: true, translationOfId: true, speakerId: true, saidOn: true, kind: true },
  });
  if (!original) return fail("not_found", "That quote does not exist in this workspace.");
  if (original.translationOfId !== null)
    return fail("not_an_original", "That quote is itself a translation; pair the original's quote instead.");
  const translation = await db().document.findFirst({
    where: { id: input.documentId, workspaceId: workspace.id },
    select: {
      id: true,
      translationOfId: true,
      revisions: { orderBy: { number: "desc" }, take: 1, select: { id: true, text: true } },
    },
  });
  const revision = translation?.revisions[0];
  if (!translation || !revision) return fail("not_found", DOCUMENT_NOT_FOUND);
  if (translation.translationOfId !== original.documentId)
    return fail("not_a_translation", "That document is not marked as a translation of the quote's document.");

  const passage = await findTranslatedPassage(workspace, input, { documentId: translation.id, revision });
  if (!passage.ok) return passage;
  const { existing } = passage;
  if (existing?.translationOfId)
    return fail(
      "already_paired",
      existing.translationOfId === original.id
        ? "That passage is already paired with this quote."
        : "That passage is already paired with another quote of the original.",
    );
  const alreadyTranslated = await db().evidence.findFirst({
    where: { workspaceId: workspace.id, translationOfId: original.id, documentId: translation.id },
    select: { id: true },
  });
  if (alreadyTranslated)
    return fail(
      "already_paired",
      "This quote already has its passage in that translation; unpair it first to choose another.",
    );

  try {
    return await db().$transaction(async (tx) => {
      const evidenceId = await pairPassage(tx, workspace, original, {
        ...passage,
        documentId: translation.id,
        revisionId: revision.id,
      });
      await recordPairing(tx, workspace, { evidenceId, originalId: original.id, documentId: translation.id });
      return ok({ evidenceId });
    });
  } catch (error) {
    // The (translationOfId, documentId) key: someone paired this quote in that translation meanwhile.
    if ((error as { code?: string }).code === "P2002" || error instanceof AlreadyPaired)
      return fail(
        "already_paired",
        "Someone paired this quote in that translation at the same moment; reload to see it.",
      );
    throw error;
  }
}

type QuoteAnchor = NonNullable<ReturnType<typeof locateQuote>>;
type TranslatedPassage = {
  /** A quote of the translation already at the passage, to pair instead of a new one. */
  existing: { id: string; translationOfId: string | null } | null;
  /** Where a new quote goes when there is none to reuse. */
  anchor: QuoteAnchor | null;
};

/** The chosen quote of the translation, or the place of the given words in its latest revision. */
async function findTranslatedPassage(
  workspace: AuthorizedWorkspace,
  input: Omit<PairQuoteInput, "workspaceSlug">,
  translation: { documentId: string; revision: { id: string; text: string } },
): Promise<Result<TranslatedPassage, "not_found" | "passage_not_found" | "passage_ambiguous">> {
  const { revision } = translation;
  if (input.translationId) {
    const existing = await db().evidence.findFirst({
      where: { id: input.translationId, workspaceId: workspace.id, documentId: translation.documentId },
      select: { id: true, translationOfId: true },
    });
    if (!existing) return fail("not_found", "That quote is not a quote of the translation.");
    return ok({ existing, anchor: null });
  }
  const exact = input.exact ?? "";
  const occurrences = countOccurrences(revision.text, exact);
  if (occurrences === 0)
    return failOn(
      "exact",
      "passage_not_found",
      "Those exact words are not in the translation; copy them from its text.",
    );
  if (occurrences > 1)
    return failOn(
      "exact",
      "passage_ambiguous",
      `Those words occur ${occurrences} times in the translation; give a longer passage.`,
    );
  const anchor = locateQuote(revision.text, exact);
  if (!anchor || !verifyAnchor(revision.text, anchor).ok)
    return failOn("exact", "passage_not_found", "Those words could not be anchored.");
  const existing = await db().evidence.findFirst({
    where: {
      workspaceId: workspace.id,
      revisionId: revision.id,
      startOffset: anchor.startOffset,
      endOffset: anchor.endOffset,
    },
    orderBy: [{ translationOfId: { sort: "asc", nulls: "first" } }, { createdAt: "asc" }],
    select: { id: true, translationOfId: true },
  });
  return ok({ existing, anchor });
}

/** Marks the existing quote as the original's translation, or creates the quote at the anchor. */
async function pairPassage(
  tx: Transaction,
  workspace: AuthorizedWorkspace,
  original: { id: string; speakerId: string | null; saidOn: Date; kind: EvidenceKind },
  passage: TranslatedPassage & { documentId: string; revisionId: string },
) {
  const { existing } = passage;
  if (existing) {
    // Conditional: of two people pairing this passage at once, one wins and the other is told.
    const { count } = await tx.evidence.updateMany({
      where: { id: existing.id, translationOfId: null },
      data: { translationOfId: original.id },
    });
    if (count === 0) throw new AlreadyPaired();
    return existing.id;
  }
  const placed = passage.anchor!;
  const created = await tx.evidence.create({
    data: {
      workspaceId: workspace.id,
      documentId: passage.documentId,
      revisionId: passage.revisionId,
      startOffset: placed.startOffset,
      endOffset: placed.endOffset,
      exact: placed.exact,
      prefix: placed.prefix,
      suffix: placed.suffix,
      speakerId: original.speakerId,
      saidOn: original.saidOn,
      kind: original.kind,
      translationOfId: original.id,
      createdById: workspace.userId || null,
    },
    select: { id: true, exact: true },
  });
  return created.id;
}

async function recordPairing(
  tx: Transaction,
  workspace: AuthorizedWorkspace,
  pairing: { evidenceId: string; originalId: string; documentId: string },
) {
  const quote = await tx.evidence.findUniqueOrThrow({
    where: { id: pairing.evidenceId },
    select: { exact: true, startOffset: true, endOffset: true },
  });
  await recordWorkspaceActivity(tx, workspace, {
    action: "evidence.paired",
    subjectType: "evidence",
    subjectId: pairing.evidenceId,
    after: {
      translationOfId: pairing.originalId,
      documentId: pairing.documentId,
      startOffset: quote.startOffset,
      endOffset: quote.endOffset,
      exact: quote.exact,
      characters: codePointLength(quote.exact),
    },
  });
}

/** Ends a pairing; the translated passage stays a quote of its own document, honest on its own. */
export async function unpairQuote(workspace: AuthorizedWorkspace, input: { evidenceId: string }) {
  const quote = await db().evidence.findFirst({
    where: { id: input.evidenceId, workspaceId: workspace.id, translationOfId: { not: null } },
    select: { id: true, documentId: true, translationOfId: true, exact: true },
  });
  if (!quote) return fail("not_found", "That quote is not paired with an original.");
  return db().$transaction(async (tx) => {
    const { count } = await tx.evidence.updateMany({
      where: { id: quote.id, translationOfId: quote.translationOfId },
      data: { translationOfId: null },
    });
    if (count === 0) return fail("not_found", "That quote was unpaired meanwhile.");
    await recordWorkspaceActivity(tx, workspace, {
      action: "evidence.unpaired",
      subjectType: "evidence",
      subjectId: quote.id,
      before: { translationOfId: quote.translationOfId, documentId: quote.documentId },
      after: { documentId: quote.documentId, exact: quote.exact },
    });
    return ok();
  });
}

/** Links a quote to a statement of the same workspace; a second link of the same pair is refused. */
export async function linkEvidence(workspace: AuthorizedWorkspace, input: Omit<LinkEvidenceInput, "workspaceSlug">) {
  const [evidence, statement] = await Promise.all([
    db().evidence.findFirst({ where: { id: input.evidenceId, workspaceId: workspace.id }, select: { id: true } }),
    db().stanceStatement.findFirst({
      where: { id: input.statementId, workspaceId: workspace.id },
      select: { id: true, issueId: true, partyId: true },
    }),
  ]);
  if (!evidence) return fail("not_found", "That quote does not exist.");
  if (!statement) return fail("statement_not_found", "That statement does not exist.");
  return db().$transaction(async (tx) => {
    const { count } = await tx.statementEvidence.createMany({
      data: [
        { workspaceId: workspace.id, statementId: statement.id, evidenceId: evidence.id, relation: input.relation },
      ],
      skipDuplicates: true,
    });
    if (count === 0) return fail("already_linked", "That quote is already linked to the statement.");
    await recordWorkspaceActivity(tx, workspace, {
      action: "evidence.linked",
      subjectType: "evidence",
      subjectId: evidence.id,
      after: {
        statementId: statement.id,
        issueId: statement.issueId,
        partyId: statement.partyId,
        relation: input.relation,
      },
    });
    return ok();
  });
}
