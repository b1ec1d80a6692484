import "server-only";
import { randomUUID } from "node:crypto";
import { recordActivity } from "@/lib/activity/record";
import { type Database, db } from "@/lib/db/client";
import { type Failure, type FailureWith, failOn } from "@/lib/errors";
import { WorkspaceSlugSchema } from "@/lib/exports/schema";
import { type ExportActor, type WorkspaceExport, WorkspaceExportSchema } from "@/lib/exports/workspace-file";
import { findExportProblems } from "@/lib/exports/workspace-integrity";
import { Prisma } from "@/lib/generated/prisma/client";
import { Role } from "@/lib/generated/prisma/enums";
import type { Transaction } from "@/lib/jobs/queue";
import { fromCalendarDate } from "@/lib/matrix/dates";
import { displayName } from "@/lib/users/display-name";

export type ImportedWorkspace = {
  ok: true;
  workspace: { id: string; slug: string; title: string };
  counts: Record<string, number>;
};

export type ImportResult = ImportedWorkspace | ImportRefusal;

/** A refusal of the address or of the file: `fields` names which, an invalid file lists its problems. */
export type ImportRefusal =
  | Failure<"invalid_slug" | "slug_taken">
  | FailureWith<"invalid_file", { problems: string[] }>;

const COMMENT_BODY_MAX = 10000;

export function invalidFile(
  message: string,
  problems: string[] = [],
): FailureWith<"invalid_file", { problems: string[] }> {
  return { ...failOn("file", "invalid_file", message), details: { problems } };
}

export function slugTaken(slug: string): Failure<"slug_taken"> {
  return failOn("slug", "slug_taken", `The address “${slug}” is already taken; choose another.`);
}

// Reading a 5 MB file takes the event loop for a while at each step; letting it serve other
// requests between the steps keeps an import from stalling everyone's pages for the whole read.
const yieldToOtherRequests = () => new Promise<void>((resolve) => setImmediate(resolve));

async function parseFile(
  json: unknown,
): Promise<{ ok: true; file: WorkspaceExport } | { ok: false; refusal: ImportResult }> {
  let value = json;
  if (typeof json === "string") {
    try {
      value = JSON.parse(json);
    } catch {
      return {
        ok: false,
        refusal: invalidFile("The file is not JSON. Choose a file exported from Parley as “Whole workspace”."),
      };
    }
  }
  await yieldToOtherRequests();
  const parsed = WorkspaceExportSchema.safeParse(value);
  if (!parsed.success) {
    const problems = parsed.error.issues
      .slice(0, 20)
      .map((issue) => `${issue.path.join(".") || "file"}: ${issue.message}`);
    return {
      ok: false,
      refusal: invalidFile("The file is not a Parley workspace export this version can read.", problems),
    };
  }
  await yieldToOtherRequests();
  const problems = findExportProblems(parsed.data);
  if (problems.length > 0)
    return {
      ok: false,
      refusal: invalidFile("The file is damaged: some of its records do not fit together.", problems),
    };
  return { ok: true, file: parsed.data };
}

type CodingRoundFile = NonNullable<WorkspaceExport["codingRounds"]>[number];

/**
 * Coding rounds with their quotes, coders and codes. A code is its coder's own reading, and a
 * coder needs an account: the importing user codes as themself; every other coder gets an account
 * of this import's own, under their name, that nobody can sign in to and that is no member — so
 * their codes and the round's agreement survive without crediting anyone here with them.
 */
async function importCodingRounds(
  tx: Transaction,
  rounds: CodingRoundFile[],
  context: {
    workspaceId: string;
    ids: Record<"evidence" | "party" | "issue", (id: string) => string>;
    by: (actor: ExportActor) => string | null;
  },
) {
  const { workspaceId, ids, by } = context;
  const accounts = new Map<string, string>();
  const accountOf = async (coder: CodingRoundFile["coders"][number]) => {
    const own = by(coder);
    if (own) return own;
    const key = coder.email.toLowerCase();
    if (!accounts.has(key)) {
      const created = await tx.user.create({
        data: {
          email: `imported-coder-${randomUUID()}@parley.invalid`,
          name: displayName(coder),
          disabledAt: new Date(),
        },
        select: { id: true },
      });
      accounts.set(key, created.id);
    }
    return accounts.get(key)!;
  };
  for (const round of rounds) {
    const roundId = randomUUID();
    const coder: string[] = [];
    for (const c of round.coders) coder.push(await accountOf(c));
    await tx.codingRound.create({
      data: {
        id: roundId,
        workspaceId,
        title: round.title,
        status: round.status,
        createdAt: date(round.createdAt),
        closedAt: optionalDate(round.closedAt),
        createdById: by(round.createdBy),
      },
    });
    await tx.codingUnit.createMany({
      data: round.units.map((evidenceId, sortOrder) => ({
        roundId,
        workspaceId,
        evidenceId: ids.evidence(evidenceId),
        sortOrder,
      })),
    });
    await tx.codingCoder.createMany({ data: coder.map((userId) => ({ roundId, userId })) });
    await tx.codingCode.createMany({
      data: round.codes.map((c) => ({
        roundId,
        workspaceId,
        evidenceId: ids.evidence(c.evidenceId),
        coderId: coder[c.coder]!,
        partyId: ids.party(c.partyId),
        issueId: ids.issue(c.issueId),
        position: c.position,
        codedAt: date(c.codedAt),
      })),
    });
  }
}

/** New ids for the file's records, one map per kind so a crafted file cannot make two kinds collide. */
function newIds(items: { id: string }[]): (id: string) => string {
  const ids = new Map(items.map((item) => [item.id, randomUUID()]));
  // findExportProblems has checked that every reference resolves.
  return (id: string) => ids.get(id)!;
}

const date = (value: string) => new Date(value);
const optionalDate = (value: string | null) => (value === null ? null : new Date(value));

/**
 * Recreates an exported workspace under a new slug, owned by `ownerUserId`, in one transaction:
 * the same content with new ids, every quote's anchor checked against its revision first (and
 * again by the database's trigger). Authorship stays only where it was the importing user's own:
 * crediting other accounts of this instance with statements or comments they never made here
 * would let a file put words in anyone's mouth. Comments by others are kept, in the importer's
 * name, opening with the original author's name.
 */
export type ImportRun = {
  /** The connection pool to write with: a job's own, or by default the app's. */
  database?: Database;
  progress?: (percent: number, stage: string) => void;
  /** Runs last inside the import's transaction (a job records its outcome there). */
  beforeCommit?: (tx: Transaction, result: ImportedWorkspace) => Promise<void>;
};

export async function importWorkspaceExport(
  json: unknown,
  options: { slug: string; ownerUserId: string },
  run: ImportRun = {},
): Promise<ImportResult> {
  const database = run.database ?? db();
  const progress = run.progress ?? (() => {});
  const slugCheck = WorkspaceSlugSchema.safeParse(options.slug);
  if (!slugCheck.success)
    return failOn("slug", "invalid_slug", slugCheck.error.issues[0]?.message ?? "Not a valid address.");
  const slug = slugCheck.data;
  progress(5, "Reading the file");
  const parsed = await parseFile(json);
  if (!parsed.ok) return parsed.refusal;
  const file = parsed.file;
  progress(15, "Writing the workspace");

  const owner = await database.user.findUniqueOrThrow({
    where: { id: options.ownerUserId },
    select: { id: true, email: true },
  });
  if (await database.workspace.findUnique({ where: { slug }, select: { id: true } })) return slugTaken(slug);

  const by = (actor: ExportActor) => (actor && actor.email.toLowerCase() === owner.email ? owner.id : null);
  const workspaceId = randomUUID();
  const party = newIds(file.parties);
  const issue = newIds(file.issues);
  const person = newIds(file.people);
  const document = newIds(file.documents);
  const revision = newIds(file.documents.flatMap((d) => d.revisions));
  const evidence = newIds(file.evidence);
  const statement = newIds(file.statements);
  const comments = file.comments ?? [];
  const comment = newIds(comments);
  const events = file.events ?? [];
  const event = newIds(events);
  const negotiationProposals = file.negotiationProposals ?? [];
  const negotiationProposal = newIds(negotiationProposals);
  const provision = newIds(negotiationProposals.flatMap((p) => p.provisions));
  const issueLinks = file.issueLinks ?? [];
  const proposals = file.proposals ?? [];
  const proposal = newIds(proposals);
  const orNull = (map: (id: string) => string, id: string | null) => (id === null ? null : map(id));

  const commentBody = (c: (typeof comments)[number]) => {
    if (by(c.author) || c.deletedAt) return c.body;
    return `(Originally by ${displayName(c.author)}.)\n\n${c.body}`.slice(0, COMMENT_BODY_MAX);
  };
  const commentRow = (c: (typeof comments)[number]) => ({
    id: comment(c.id),
    workspaceId,
    evidenceId: orNull(evidence, c.evidenceId),
    statementId: orNull(statement, c.statementId),
    proposalId: orNull(proposal, c.proposalId),
    parentId: orNull(comment, c.parentId),
    authorId: by(c.author) ?? owner.id,
    body: commentBody(c),
    createdAt: date(c.createdAt),
    editedAt: optionalDate(c.editedAt),
    deletedAt: optionalDate(c.deletedAt),
    resolvedAt: optionalDate(c.resolvedAt),
    resolvedById: by(c.resolvedBy),
  });

  const counts = {
    parties: file.parties.length,
    issues: file.issues.length,
    people: file.people.length,
    documents: file.documents.length,
    revisions: file.documents.reduce((n, d) => n + d.revisions.length, 0),
    evidence: file.evidence.length,
    statements: file.statements.length,
    comments: comments.length,
    events: events.length,
    negotiationProposals: negotiationProposals.length,
    codingRounds: file.codingRounds?.length ?? 0,
  };

  const imported: ImportedWorkspace = {
    ok: true,
    workspace: { id: workspaceId, slug, title: file.workspace.title },
    counts,
  };
  try {
    await database.$transaction(
      async (tx) => {
        await tx.workspace.create({
          data: {
            id: workspaceId,
            slug,
            title: file.workspace.title,
            description: file.workspace.description,
            positionLabels: file.workspace.positionLabels,
            reviewMode: file.workspace.reviewMode,
          },
        });
        await tx.membership.create({ data: { workspaceId, userId: owner.id, role: Role.OWNER } });
        await tx.party.createMany({
          data: file.parties.map((p) => ({
            ...p,
            id: party(p.id),
            workspaceId,
            archivedAt: optionalDate(p.archivedAt),
          })),
        });
        await tx.issue.createMany({
          data: file.issues.map((i) => ({
            ...i,
            id: issue(i.id),
            workspaceId,
            archivedAt: optionalDate(i.archivedAt),
          })),
        });
        await tx.person.createMany({
          data: file.people.map((p) => ({ ...p, id: person(p.id), workspaceId, partyId: orNull(party, p.partyId) })),
        });
        // Originals before their translations (one level deep, as findExportProblems checked),
        // so each translation's reference finds its original however the inserts are batched.
        for (const translations of [false, true])
          await tx.document.createMany({
            data: file.documents
              .filter((d) => (d.translationOfId !== null) === translations)
              .map(({ revisions: _revisions, importedBy, ...d }) => ({
                ...d,
                id: document(d.id),
                workspaceId,
                translationOfId: orNull(document, d.translationOfId),
                importedAt: date(d.importedAt),
                importedById: by(importedBy),
              })),
          });
        await tx.documentRevision.createMany({
          data: file.documents.flatMap((d) =>
            d.revisions.map(({ createdBy, ...r }) => ({
              ...r,
              id: revision(r.id),
              workspaceId,
              documentId: document(d.id),
              createdAt: date(r.createdAt),
              createdById: by(createdBy),
            })),
          ),
        });
        progress(25, "Checking the quotes against their documents");
        for (const translations of [false, true])
          await tx.evidence.createMany({
            data: file.evidence
              .filter((e) => (e.translationOfId !== null) === translations)
              .map(({ anchors: _anchors, createdBy, ...e }) => ({
                ...e,
                id: evidence(e.id),
                workspaceId,
                documentId: document(e.documentId),
                revisionId: revision(e.revisionId),
                speakerId: orNull(person, e.speakerId),
                translationOfId: orNull(evidence, e.translationOfId),
                saidOn: fromCalendarDate(e.saidOn),
                createdAt: date(e.createdAt),
                createdById: by(createdBy),
              })),
          });
        await tx.evidenceAnchor.createMany({
          data: file.evidence.flatMap((e) =>
            e.anchors.map(({ reviewedBy, ...a }) => ({
              ...a,
              evidenceId: evidence(e.id),
              revisionId: revision(a.revisionId),
              workspaceId,
              createdAt: date(a.createdAt),
              reviewedAt: optionalDate(a.reviewedAt),
              reviewedById: by(reviewedBy),
            })),
          ),
        });
        progress(80, "Writing statements and comments");
        await tx.stanceStatement.createMany({
          data: file.statements.map(({ evidence: _links, amendment: _amendment, recordedBy, conditionCell, ...s }) => ({
            ...s,
            conditionIssueId: conditionCell ? issue(conditionCell.issueId) : null,
            conditionPartyId: conditionCell ? party(conditionCell.partyId) : null,
            conditionMinPosition: conditionCell?.minPosition ?? null,
            id: statement(s.id),
            workspaceId,
            partyId: party(s.partyId),
            issueId: issue(s.issueId),
            statedOn: fromCalendarDate(s.statedOn),
            recordedAt: date(s.recordedAt),
            recordedById: by(recordedBy),
          })),
        });
        await tx.statementEvidence.createMany({
          data: file.statements.flatMap((s) =>
            s.evidence.map((l) => ({
              workspaceId,
              statementId: statement(s.id),
              evidenceId: evidence(l.evidenceId),
              relation: l.relation,
            })),
          ),
        });
        await tx.statementAmendment.createMany({
          data: file.statements.flatMap((s) =>
            s.amendment
              ? [
                  {
                    statementId: statement(s.id),
                    workspaceId,
                    kind: s.amendment.kind,
                    replacementId: orNull(statement, s.amendment.replacementId),
                    reason: s.amendment.reason,
                    amendedAt: date(s.amendment.amendedAt),
                    amendedById: by(s.amendment.amendedBy),
                  },
                ]
              : [],
          ),
        });
        await tx.stanceCell.createMany({
          data: file.cells.map((c) => ({
            workspaceId,
            issueId: issue(c.issueId),
            partyId: party(c.partyId),
            version: c.version,
            updatedAt: date(c.updatedAt),
          })),
        });
        await tx.suggestionDismissal.createMany({
          data: (file.dismissedSuggestions ?? []).map(({ dismissedBy, ...d }) => ({
            ...d,
            revisionId: revision(d.revisionId),
            workspaceId,
            dismissedAt: date(d.dismissedAt),
            dismissedById: by(dismissedBy),
          })),
        });
        const importedQualities = ({
          conditionCell,
          ...named
        }: NonNullable<(typeof proposals)[number]["qualities"]>) => ({
          ...named,
          ...(conditionCell === undefined
            ? {}
            : {
                conditionCell: conditionCell && {
                  ...conditionCell,
                  issueId: issue(conditionCell.issueId),
                  partyId: party(conditionCell.partyId),
                },
              }),
        });
        await tx.stanceProposal.createMany({
          data: proposals.map(({ evidence: links, proposedBy, decidedBy, qualities, ...p }) => ({
            ...p,
            qualities: qualities ? importedQualities(qualities) : undefined,
            id: proposal(p.id),
            workspaceId,
            issueId: issue(p.issueId),
            partyId: party(p.partyId),
            targetStatementId: orNull(statement, p.targetStatementId),
            statementId: orNull(statement, p.statementId),
            statedOn: p.statedOn === null ? null : fromCalendarDate(p.statedOn),
            links: links.map((l) => ({ evidenceId: evidence(l.evidenceId), relation: l.relation })),
            proposedAt: date(p.proposedAt),
            proposedById: by(proposedBy),
            decidedAt: optionalDate(p.decidedAt),
            decidedById: by(decidedBy),
          })),
        });
        // After the proposals some are on; first comments before replies, as a reply's foreign key
        // names its thread's first comment.
        await tx.comment.createMany({ data: comments.filter((c) => c.parentId === null).map(commentRow) });
        await tx.comment.createMany({ data: comments.filter((c) => c.parentId !== null).map(commentRow) });
        await tx.negotiationEvent.createMany({
          data: events.map(({ partyIds: _parties, documentIds: _documents, createdBy, ...e }) => ({
            ...e,
            id: event(e.id),
            workspaceId,
            occurredOn: fromCalendarDate(e.occurredOn),
            createdAt: date(e.createdAt),
            updatedAt: date(e.createdAt),
            createdById: by(createdBy),
          })),
        });
        await tx.negotiationEventParty.createMany({
          data: events.flatMap((e) =>
            e.partyIds.map((partyId) => ({ workspaceId, eventId: event(e.id), partyId: party(partyId) })),
          ),
        });
        await tx.negotiationEventDocument.createMany({
          data: events.flatMap((e) =>
            e.documentIds.map((documentId) => ({
              workspaceId,
              eventId: event(e.id),
              documentId: document(documentId),
            })),
          ),
        });
        await importNegotiationProposals(tx, workspaceId, negotiationProposals, {
          proposal: negotiationProposal,
          provision,
          party,
          issue,
          document,
          evidence,
        });
        await tx.issueLink.createMany({
          data: issueLinks.map((link) => ({
            ...link,
            id: randomUUID(),
            workspaceId,
            firstIssueId: issue(link.firstIssueId),
            secondIssueId: issue(link.secondIssueId),
            partyId: orNull(party, link.partyId),
            holdsFrom: link.holdsFrom === null ? null : fromCalendarDate(link.holdsFrom),
            createdAt: date(link.createdAt),
          })),
        });
        await importCodingRounds(tx, file.codingRounds ?? [], {
          workspaceId,
          ids: { evidence, party, issue },
          by,
        });
        await recordActivity(tx, {
          workspaceId,
          actorId: owner.id,
          action: "workspace.imported",
          subjectType: "workspace",
          subjectId: workspaceId,
          after: { slug, source: "export", exportedFrom: file.workspace.slug, exportedAt: file.exportedAt, counts },
        });
        progress(95, "Saving");
        await run.beforeCommit?.(tx, imported);
      },
      { timeout: 120_000, maxWait: 10_000 },
    );
  } catch (error) {
    // Someone took the slug between the check and the commit.
    if (
      error instanceof Prisma.PrismaClientKnownRequestError &&
      error.code === "P2002" &&
      (await database.workspace.findUnique({ where: { slug }, select: { id: true } }))
    ) {
      return slugTaken(slug);
    }
    throw error;
  }
  return imported;
}

type IdMap = (id: string) => string;

/** Proposals first without what they answer, so an answer may come before what it answers in the file. */
async function importNegotiationProposals(
  tx: Prisma.TransactionClient,
  workspaceId: string,
  proposals: NonNullable<WorkspaceExport["negotiationProposals"]>,
  ids: Record<"proposal" | "provision" | "party" | "issue" | "document" | "evidence", IdMap>,
) {
  await tx.negotiationProposal.createMany({
    data: proposals.map(({ provisions: _provisions, answersId: _answers, ...p }) => ({
      ...p,
      id: ids.proposal(p.id),
      workspaceId,
      partyId: ids.party(p.partyId),
      documentId: p.documentId === null ? null : ids.document(p.documentId),
      proposedOn: fromCalendarDate(p.proposedOn),
      createdAt: new Date(p.createdAt),
      updatedAt: new Date(p.createdAt),
    })),
  });
  for (const p of proposals.filter((p) => p.answersId !== null))
    await tx.negotiationProposal.update({
      where: { id: ids.proposal(p.id) },
      data: { answersId: ids.proposal(p.answersId as string) },
    });
  const provisions = proposals.flatMap((p) => p.provisions.map((v, i) => ({ ...v, proposalId: p.id, sortOrder: i })));
  await tx.proposalProvision.createMany({
    data: provisions.map((v) => ({
      id: ids.provision(v.id),
      workspaceId,
      proposalId: ids.proposal(v.proposalId),
      evidenceId: ids.evidence(v.evidenceId),
      label: v.label,
      sortOrder: v.sortOrder,
    })),
  });
  await tx.provisionIssue.createMany({
    data: provisions.flatMap((v) =>
      v.issueIds.map((issueId) => ({ workspaceId, provisionId: ids.provision(v.id), issueId: ids.issue(issueId) })),
    ),
  });
  await tx.provisionAnswer.createMany({
    data: provisions.flatMap((v) =>
      v.answersProvisionIds.map((answered) => ({
        workspaceId,
        provisionId: ids.provision(v.id),
        answeredProvisionId: ids.provision(answered),
      })),
    ),
  });
}
