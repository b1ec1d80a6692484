import "server-only";
import { recordWorkspaceActivity } from "@/lib/activity/record";
import { locateQuote, type TextAnchor, verifyAnchor } from "@/lib/evidence/anchor";
import type { Prisma } from "@/lib/generated/prisma/client";
import { fromCalendarDate, toCalendarDate } from "@/lib/matrix/dates";
import { db } from "@/lib/platform/db/client";
import { type Failure, fail, ok, type Success } from "@/lib/platform/errors";
import type {
  AddProvisionInput,
  NegotiationProposalInput,
  Passage,
  UpdateProvisionInput,
} from "@/lib/proposals/schema";
import type { AuthorizedWorkspace } from "@/lib/workspaces/access";

// Proposals are the analysts' record of what the parties tabled: edited in place and deleted, each
// change with its activity row in the same transaction. A provision is a quote of the proposal's
// document, anchored and verified like every other quote (lib/evidence/anchor), so a corrected
// document re-anchors it with the rest. Every query names the workspace, so another workspace's
// party, document, issue, proposal or provision behaves like a missing one.

type Tx = Prisma.TransactionClient;
type Reason = "not_found" | "no_document" | "stale_revision" | "anchor_mismatch" | "quote_not_found" | "not_answerable";
export type Refusal = Failure<Reason>;

const refuse = (code: Reason, message: string): Refusal => fail(code, message);
const PROPOSAL_NOT_FOUND = refuse("not_found", "That proposal is not in this workspace.");
const PROVISION_NOT_FOUND = refuse("not_found", "That provision is not in this workspace.");

/** Seeding and tests act through trustedWorkspace(), which may carry no user. */
const actorOf = (workspace: AuthorizedWorkspace) => workspace.userId || null;

async function checkProposalLinks(
  tx: Tx,
  workspace: AuthorizedWorkspace,
  input: NegotiationProposalInput,
  proposalId: string | null,
): Promise<Refusal | null> {
  const workspaceId = workspace.id;
  if (!(await tx.party.findFirst({ where: { workspaceId, id: input.partyId }, select: { id: true } })))
    return refuse("not_found", "That party is not in this workspace.");
  if (
    input.documentId &&
    !(await tx.document.findFirst({ where: { workspaceId, id: input.documentId }, select: { id: true } }))
  )
    return refuse("not_found", "That document is not in this workspace.");
  if (!input.answersId) return null;
  if (input.answersId === proposalId) return refuse("not_answerable", "A proposal cannot answer itself.");
  if (!(await tx.negotiationProposal.findFirst({ where: { workspaceId, id: input.answersId }, select: { id: true } })))
    return refuse("not_found", "The proposal it answers is not in this workspace.");
  return null;
}

function proposalFields(input: NegotiationProposalInput) {
  return {
    partyId: input.partyId,
    kind: input.kind,
    title: input.title,
    proposedOn: fromCalendarDate(input.proposedOn),
    documentId: input.documentId,
    documentPart: input.documentId ? input.documentPart : "",
    answersId: input.answersId,
  };
}

export async function createNegotiationProposal(
  workspace: AuthorizedWorkspace,
  input: NegotiationProposalInput,
): Promise<Success<{ proposalId: string }> | Refusal> {
  return db().$transaction(async (tx) => {
    const refusal = await checkProposalLinks(tx, workspace, input, null);
    if (refusal) return refusal;
    const proposal = await tx.negotiationProposal.create({
      data: { workspaceId: workspace.id, ...proposalFields(input) },
      select: { id: true },
    });
    await recordWorkspaceActivity(tx, workspace, {
      action: "negotiation_proposal.created",
      subjectType: "negotiation_proposal",
      subjectId: proposal.id,
      after: { ...input },
    });
    return ok({ proposalId: proposal.id });
  });
}

export async function updateNegotiationProposal(
  workspace: AuthorizedWorkspace,
  proposalId: string,
  input: NegotiationProposalInput,
): Promise<Success | Refusal> {
  return db().$transaction(async (tx) => {
    const before = await tx.negotiationProposal.findFirst({
      where: { id: proposalId, workspaceId: workspace.id },
      select: { partyId: true, kind: true, title: true, proposedOn: true, documentId: true, answersId: true },
    });
    if (!before) return PROPOSAL_NOT_FOUND;
    const refusal = await checkProposalLinks(tx, workspace, input, proposalId);
    if (refusal) return refusal;
    if (before.documentId && before.documentId !== input.documentId) {
      const provisions = await tx.proposalProvision.count({ where: { workspaceId: workspace.id, proposalId } });
      if (provisions > 0)
        return refuse("not_answerable", "Its provisions are passages of its document: remove them to change it.");
    }
    await tx.negotiationProposal.update({
      where: { id: proposalId },
      data: { ...proposalFields(input), updatedAt: new Date() },
    });
    // Answers to provisions of a proposal it no longer answers would point at the wrong text.
    if (before.answersId !== input.answersId)
      await tx.provisionAnswer.deleteMany({ where: { workspaceId: workspace.id, provision: { proposalId } } });
    await recordWorkspaceActivity(tx, workspace, {
      action: "negotiation_proposal.updated",
      subjectType: "negotiation_proposal",
      subjectId: proposalId,
      before: { ...before, proposedOn: toCalendarDate(before.proposedOn) },
      after: { ...input },
    });
    return ok();
  });
}

export async function deleteNegotiationProposal(
  workspace: AuthorizedWorkspace,
  proposalId: string,
): Promise<Success | Refusal> {
  return db().$transaction(async (tx) => {
    const before = await tx.negotiationProposal.findFirst({
      where: { id: proposalId, workspaceId: workspace.id },
      select: { title: true, kind: true, partyId: true, proposedOn: true },
    });
    if (!before) return PROPOSAL_NOT_FOUND;
    // Its answers stay, as proposals that answer nothing recorded; their provision answers go with
    // this proposal's provisions. The quotes stay in the document.
    await tx.negotiationProposal.updateMany({
      where: { workspaceId: workspace.id, answersId: proposalId },
      data: { answersId: null },
    });
    await tx.negotiationProposal.deleteMany({ where: { id: proposalId, workspaceId: workspace.id } });
    await recordWorkspaceActivity(tx, workspace, {
      action: "negotiation_proposal.deleted",
      subjectType: "negotiation_proposal",
      subjectId: proposalId,
      before: { ...before, proposedOn: toCalendarDate(before.proposedOn) },
    });
    return ok();
  });
}

type ProvisionTarget = {
  id: string;
  title: string;
  proposedOn: Date;
  documentId: string | null;
  answersId: string | null;
};

/** The passage anchored in the document's current revision, or why it cannot be. */
async function anchorPassage(
  tx: Tx,
  workspace: AuthorizedWorkspace,
  proposal: ProvisionTarget,
  passage: Passage,
): Promise<Success<{ documentId: string; revisionId: string; anchor: TextAnchor }> | Refusal> {
  if (!proposal.documentId)
    return refuse("no_document", "This proposal has no document: choose its document before adding provisions.");
  const revision = await tx.documentRevision.findFirst({
    where: { workspaceId: workspace.id, documentId: proposal.documentId },
    orderBy: { number: "desc" },
    select: { id: true, text: true, document: { select: { title: true } } },
  });
  if (!revision) return refuse("not_found", "That document is not in this workspace.");
  if (passage.by === "quote") {
    const anchor = locateQuote(revision.text, passage.quote, passage.occurrence);
    if (!anchor)
      return refuse(
        "quote_not_found",
        `Those words are not in “${revision.document.title}” word for word. A provision must be the document's exact text: copy the passage from the document and paste it unchanged.`,
      );
    return { ok: true, documentId: proposal.documentId, revisionId: revision.id, anchor };
  }
  if (passage.revisionId !== revision.id)
    return refuse(
      "stale_revision",
      "The document was corrected since you opened it; reload it and select the passage again.",
    );
  const check = verifyAnchor(revision.text, passage);
  if (!check.ok) return refuse("anchor_mismatch", check.message);
  const { startOffset, endOffset, exact, prefix, suffix } = passage;
  return {
    ok: true,
    documentId: proposal.documentId,
    revisionId: revision.id,
    anchor: { startOffset, endOffset, exact, prefix, suffix },
  };
}

/** Issues exist here, and each answered provision belongs to the proposal this one answers. */
async function checkProvisionLinks(
  tx: Tx,
  workspace: AuthorizedWorkspace,
  proposal: ProvisionTarget,
  input: { issueIds: string[]; answersProvisionIds: string[] },
): Promise<Refusal | null> {
  const issues = await tx.issue.count({ where: { workspaceId: workspace.id, id: { in: input.issueIds } } });
  if (issues !== input.issueIds.length) return refuse("not_found", "One of those issues is not in this workspace.");
  if (input.answersProvisionIds.length === 0) return null;
  if (!proposal.answersId)
    return refuse("not_answerable", "This proposal answers no other proposal, so its provisions answer none either.");
  const answered = await tx.proposalProvision.count({
    where: { workspaceId: workspace.id, proposalId: proposal.answersId, id: { in: input.answersProvisionIds } },
  });
  if (answered !== input.answersProvisionIds.length)
    return refuse("not_answerable", "A provision can answer only provisions of the proposal it answers.");
  return null;
}

async function writeProvisionLinks(
  tx: Tx,
  workspaceId: string,
  provisionId: string,
  input: { issueIds: string[]; answersProvisionIds: string[] },
) {
  await tx.provisionIssue.createMany({
    data: input.issueIds.map((issueId) => ({ workspaceId, provisionId, issueId })),
  });
  await tx.provisionAnswer.createMany({
    data: input.answersProvisionIds.map((answeredProvisionId) => ({ workspaceId, provisionId, answeredProvisionId })),
  });
}

const PROVISION_TARGET_SELECT = { id: true, title: true, proposedOn: true, documentId: true, answersId: true } as const;

/** The quote at that place if one exists already, else a new one dated by the proposal. */
async function quoteFor(
  tx: Tx,
  workspace: AuthorizedWorkspace,
  proposal: ProvisionTarget,
  placed: { documentId: string; revisionId: string; anchor: TextAnchor },
) {
  const where = {
    workspaceId: workspace.id,
    documentId: placed.documentId,
    revisionId: placed.revisionId,
    startOffset: placed.anchor.startOffset,
    endOffset: placed.anchor.endOffset,
  };
  const existing = await tx.evidence.findFirst({ where, orderBy: { createdAt: "asc" }, select: { id: true } });
  if (existing) return existing.id;
  const evidence = await tx.evidence.create({
    data: {
      ...where,
      ...placed.anchor,
      saidOn: proposal.proposedOn,
      kind: "OFFICIAL_DOCUMENT",
      createdById: actorOf(workspace),
    },
    select: { id: true },
  });
  await recordWorkspaceActivity(tx, workspace, {
    action: "evidence.created",
    subjectType: "evidence",
    subjectId: evidence.id,
    after: { documentId: placed.documentId, ...placed.anchor, kind: "OFFICIAL_DOCUMENT", provisionOf: proposal.id },
  });
  return evidence.id;
}

export async function addProvision(
  workspace: AuthorizedWorkspace,
  { proposalId, passage, ...input }: AddProvisionInput,
): Promise<Success<{ provisionId: string; evidenceId: string }> | Refusal> {
  return db().$transaction(async (tx) => {
    const proposal = await tx.negotiationProposal.findFirst({
      where: { id: proposalId, workspaceId: workspace.id },
      select: PROVISION_TARGET_SELECT,
    });
    if (!proposal) return PROPOSAL_NOT_FOUND;
    const placed = await anchorPassage(tx, workspace, proposal, passage);
    if (!placed.ok) return placed;
    const refusal = await checkProvisionLinks(tx, workspace, proposal, input);
    if (refusal) return refusal;
    const evidenceId = await quoteFor(tx, workspace, proposal, placed);
    if (await tx.proposalProvision.findFirst({ where: { proposalId, evidenceId }, select: { id: true } }))
      return refuse("not_answerable", "That passage is already a provision of this proposal.");
    const last = await tx.proposalProvision.aggregate({ where: { proposalId }, _max: { sortOrder: true } });
    const provision = await tx.proposalProvision.create({
      data: {
        workspaceId: workspace.id,
        proposalId,
        evidenceId,
        label: input.label,
        sortOrder: (last._max.sortOrder ?? -1) + 1,
      },
      select: { id: true },
    });
    await writeProvisionLinks(tx, workspace.id, provision.id, input);
    await recordWorkspaceActivity(tx, workspace, {
      action: "provision.added",
      subjectType: "provision",
      subjectId: provision.id,
      after: { proposalId, proposalTitle: proposal.title, evidenceId, exact: placed.anchor.exact, ...input },
    });
    return ok({ provisionId: provision.id, evidenceId });
  });
}

export async function updateProvision(
  workspace: AuthorizedWorkspace,
  { provisionId, ...input }: UpdateProvisionInput,
): Promise<Success | Refusal> {
  return db().$transaction(async (tx) => {
    const before = await tx.proposalProvision.findFirst({
      where: { id: provisionId, workspaceId: workspace.id },
      select: {
        label: true,
        proposal: { select: PROVISION_TARGET_SELECT },
        issues: { select: { issueId: true } },
        answers: { select: { answeredProvisionId: true } },
      },
    });
    if (!before) return PROVISION_NOT_FOUND;
    const refusal = await checkProvisionLinks(tx, workspace, before.proposal, input);
    if (refusal) return refusal;
    await tx.proposalProvision.update({ where: { id: provisionId }, data: { label: input.label } });
    await tx.provisionIssue.deleteMany({ where: { workspaceId: workspace.id, provisionId } });
    await tx.provisionAnswer.deleteMany({ where: { workspaceId: workspace.id, provisionId } });
    await writeProvisionLinks(tx, workspace.id, provisionId, input);
    await recordWorkspaceActivity(tx, workspace, {
      action: "provision.updated",
      subjectType: "provision",
      subjectId: provisionId,
      before: {
        label: before.label,
        issueIds: before.issues.map((i) => i.issueId),
        answersProvisionIds: before.answers.map((a) => a.answeredProvisionId),
      },
      after: { proposalId: before.proposal.id, proposalTitle: before.proposal.title, ...input },
    });
    return ok();
  });
}

export async function removeProvision(workspace: AuthorizedWorkspace, provisionId: string): Promise<Success | Refusal> {
  return db().$transaction(async (tx) => {
    const before = await tx.proposalProvision.findFirst({
      where: { id: provisionId, workspaceId: workspace.id },
      select: { label: true, evidenceId: true, proposal: { select: { id: true, title: true } } },
    });
    if (!before) return PROVISION_NOT_FOUND;
    // The quote stays in the document: it may be evidence of a stance as well.
    await tx.proposalProvision.deleteMany({ where: { id: provisionId, workspaceId: workspace.id } });
    await recordWorkspaceActivity(tx, workspace, {
      action: "provision.removed",
      subjectType: "provision",
      subjectId: provisionId,
      before: {
        label: before.label,
        evidenceId: before.evidenceId,
        proposalId: before.proposal.id,
        proposalTitle: before.proposal.title,
      },
    });
    return ok();
  });
}
