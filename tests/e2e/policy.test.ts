import { randomBytes, randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { createApiToken } from "@/lib/account/mutations";
import { startCodingRound } from "@/lib/coding/mutations";
import { postComment } from "@/lib/comments/mutations";
import { correctDocument, importDocument, setDocumentLanguage } from "@/lib/documents/mutations";
import { createEvent } from "@/lib/events/mutations";
import { locateQuote } from "@/lib/evidence/anchor";
import { createEvidence, pairQuote } from "@/lib/evidence/mutations";
import { NotificationKind, Role, TokenScope } from "@/lib/generated/prisma/enums";
import { createIssueLink } from "@/lib/issue-links/mutations";
import { getMatrix } from "@/lib/matrix/data";
import { recordStatement } from "@/lib/matrix/mutations";
import { resolvePositionLabels } from "@/lib/matrix/positions";
import { createInvitation, removeMember } from "@/lib/members/mutations";
import { db } from "@/lib/platform/db/client";
import { unwrap } from "@/lib/platform/errors";
import { addProvision, createNegotiationProposal } from "@/lib/proposals/mutations";
import { proposeEdit } from "@/lib/review/mutations";
import { createShareLink } from "@/lib/share/mutations";
import { addIssue, addParty } from "@/lib/structure/mutations";
import { createUserWithPassword } from "@/lib/users/mutations";
import { trustedWorkspace } from "@/lib/workspaces/access";
import { securityGuarantees } from "@/prisma/demo/security-guarantees";
import { type LoadedWorkspace, loadWorkspaceFixture } from "@/tests/support/fixture/load";
import {
  type ActionReply,
  accessRefusal,
  baseUrl,
  builtActions,
  type Caller,
  callAction,
  csrf,
  fetchAs,
  outcome,
  readSourceActions,
  routes,
  SESSION_COOKIE,
  signInOverHttp,
  tableStamps,
} from "./http";
import { ACTION_POLICY, ROUTE_POLICY, SUBJECTS, type Subject } from "./policy-table";

// Every server action and route handler, called over HTTP against the built app by every kind of
// caller, checked against the table in policy-table.ts; then IDOR probes (another workspace's ids
// must look exactly like missing ones), cross-origin action calls, and the security headers.
// Users, memberships and the second workspace are seeded through the app's own functions in the
// app's database (global-setup.ts hands this process its DATABASE_URL).

const root = process.cwd();
const DEMO = "security-guarantees";
const EVIL_ORIGIN = "https://evil.example";
const run = randomUUID().slice(0, 8);
const PASSWORD = `policy-${randomBytes(12).toString("base64url")}`;

/** A page body with what legitimately differs between two requests (nonce, the probed ids) blanked. */
async function pageAs(caller: Caller, pathname: string, probe: string) {
  const response = await fetchAs(caller, pathname);
  const nonce = /'nonce-([^']+)'/.exec(response.headers.get("content-security-policy") ?? "")?.[1];
  let body = await response.text();
  if (nonce) body = body.replaceAll(nonce, "NONCE");
  for (const [i, id] of probe.split("/").entries()) body = body.replaceAll(id, `PROBE${i}`);
  // The Flight rows stream in whichever order the layout and the page settle, and take their ids
  // in that order: compare them as a set, with row ids and references to them blanked.
  const rows = body
    .split(/\\n|\n/)
    .map((row) =>
      row
        .replace(/^(self\.__next_f\.push\(\[1,")?[0-9a-f]+:/, "$1ROW:")
        .replace(/\$(@|L|Q|W|K|B|F|T|h)?[0-9a-f]+\b/g, "$$$1REF"),
    )
    .sort();
  return { status: response.status, rows };
}

// ---------------------------------------------------------------- the cast

type Member = Exclude<Subject, "anonymous">;
type SeededUser = { id: string; email: string };

let demo: LoadedWorkspace;
let other: LoadedWorkspace;
const users = {} as Record<Member | "target", SeededUser>;
const callers = new Map<Subject, Caller>();
let ownerSessionSetCookie = "";

// Records the demo workspace holds for these tests: two issues and two parties (appended after the
// demo's own, and archived again at the end), the first demo party, a quote, the original labels,
// and a probe document with one quote by a probe speaker, corrected once (so the quote has an
// anchor waiting for review).
let probeIssues: [string, string];
let probeParties: [string, string];
let demoParty: string;
let demoEvidence: string;
let originalLabels: object;
let originalDescription: string;
const probe = {} as { documentId: string; evidenceId: string; personId: string; threadId: string };
const PROBE_QUOTE = "the policy probe quote stands here";
const probeText = (version: number | string) =>
  `Policy probe document ${run}.\nThe delegation said that ${PROBE_QUOTE}, word for word.\nRevision ${version}.\n`;
// Records of the other workspace, for the IDOR probes.
const foreign = {} as Record<
  | "issue"
  | "archivedIssue"
  | "party"
  | "archivedParty"
  | "evidence"
  | "document"
  | "revision"
  | "statement"
  | "invitation"
  | "user"
  | "person"
  | "anchorEvidence"
  | "anchorRevision"
  | "comment"
  | "notification"
  | "shareLink"
  | "apiToken"
  | "proposal"
  | "event"
  | "codingRound"
  | "issueLink"
  | "negotiationProposal"
  | "provision",
  string
> & { revisionNumber: number };

const asOwner = () => trustedWorkspace(demo, users.owner.id);

async function seedUser(label: string): Promise<SeededUser> {
  return createUserWithPassword({
    email: `policy-${label}-${run}@parley.test`,
    name: `Policy ${label}`,
    password: PASSWORD,
  });
}

async function signInSubject(subject: Subject) {
  if (subject === "anonymous") {
    callers.set(subject, { jar: (await csrf()).jar });
    return;
  }
  const { caller, sessionSetCookie } = await signInOverHttp(users[subject].email, PASSWORD);
  callers.set(subject, caller);
  if (subject === "owner") ownerSessionSetCookie = sessionSetCookie;
}

beforeAll(async () => {
  if (!process.env.DATABASE_URL)
    throw new Error("DATABASE_URL is not set: tests/e2e/global-setup.ts hands the app's database to the test workers");
  demo = await db().workspace.findUniqueOrThrow({
    where: { slug: DEMO },
    select: { id: true, slug: true, title: true },
  });

  for (const label of ["owner", "reviewer", "editor", "commenter", "viewer", "removed", "nonmember", "target"] as const)
    users[label] = await seedUser(label);
  await db().membership.createMany({
    data: [
      { workspaceId: demo.id, userId: users.owner.id, role: Role.OWNER },
      { workspaceId: demo.id, userId: users.reviewer.id, role: Role.REVIEWER },
      { workspaceId: demo.id, userId: users.editor.id, role: Role.EDITOR },
      { workspaceId: demo.id, userId: users.commenter.id, role: Role.COMMENTER },
      { workspaceId: demo.id, userId: users.viewer.id, role: Role.VIEWER },
      { workspaceId: demo.id, userId: users.removed.id, role: Role.EDITOR },
    ],
  });
  // A former editor: removed through the app's own mutation, after signing in below.
  other = await loadWorkspaceFixture(
    { ...securityGuarantees, title: `Policy other workspace ${run}` },
    {
      slug: `policy-other-${run}`,
      members: [{ userId: users.nonmember.id, role: Role.OWNER }],
      createdById: users.nonmember.id,
    },
  );

  for (const subject of SUBJECTS) await signInSubject(subject);
  unwrap(await removeMember(asOwner(), users.removed.id));

  probeIssues = [
    unwrap(await addIssue(asOwner(), { title: `Policy probe issue A ${run}`, description: "" })).id,
    unwrap(await addIssue(asOwner(), { title: `Policy probe issue B ${run}`, description: "" })).id,
  ];
  probeParties = [
    unwrap(await addParty(asOwner(), { name: `Policy probe party A ${run}`, shortName: "PPA", colour: "#1d4ed8" })).id,
    unwrap(await addParty(asOwner(), { name: `Policy probe party B ${run}`, shortName: "PPB", colour: "#b91c1c" })).id,
  ];
  demoParty = (
    await db().party.findFirstOrThrow({
      where: { workspaceId: demo.id, archivedAt: null },
      orderBy: { sortOrder: "asc" },
      select: { id: true },
    })
  ).id;
  demoEvidence = (
    await db().evidence.findFirstOrThrow({
      where: { workspaceId: demo.id },
      orderBy: { id: "asc" },
      select: { id: true },
    })
  ).id;
  const demoSettings = await db().workspace.findUniqueOrThrow({
    where: { id: demo.id },
    select: { positionLabels: true, description: true },
  });
  originalLabels = demoSettings.positionLabels as object;
  originalDescription = demoSettings.description;

  const [issue, archivedIssue] = await db().issue.findMany({
    where: { workspaceId: other.id },
    orderBy: { sortOrder: "asc" },
    take: 2,
    select: { id: true },
  });
  const [party, archivedParty] = await db().party.findMany({
    where: { workspaceId: other.id },
    orderBy: { sortOrder: "asc" },
    take: 2,
    select: { id: true },
  });
  await db().issue.update({ where: { id: archivedIssue!.id }, data: { archivedAt: new Date() } });
  await db().party.update({ where: { id: archivedParty!.id }, data: { archivedAt: new Date() } });
  const otherAsOwner = trustedWorkspace(other, users.nonmember.id);
  const invitation = await createInvitation(otherAsOwner, { role: Role.EDITOR, expiresInDays: 7 });
  // A corrected document there, so its quotes have anchors waiting for review.
  const quote = await db().evidence.findFirstOrThrow({
    where: { workspaceId: other.id, speakerId: { not: null } },
    select: { id: true, documentId: true, speakerId: true, revision: { select: { text: true } } },
  });
  const correction = await correctDocument(otherAsOwner, {
    documentId: quote.documentId,
    baseRevision: 1,
    text: `${quote.revision.text}\n\nPolicy appendix ${run}.`,
    note: "Policy probe",
  });
  if (!correction.ok) throw new Error(`could not correct the other workspace's document: ${correction.message}`);
  Object.assign(foreign, {
    issue: issue!.id,
    archivedIssue: archivedIssue!.id,
    party: party!.id,
    archivedParty: archivedParty!.id,
    evidence: quote.id,
    document: quote.documentId,
    revision: correction.revisionId,
    revisionNumber: correction.number,
    statement: (
      await db().stanceStatement.findFirstOrThrow({
        where: { workspaceId: other.id, amendment: null },
        select: { id: true },
      })
    ).id,
    invitation: invitation.id,
    user: users.nonmember.id,
    person: quote.speakerId!,
    anchorEvidence: quote.id,
    anchorRevision: correction.revisionId,
  });

  const imported = await importDocument(
    asOwner(),
    {
      title: `Policy probe document ${run}`,
      outlet: "",
      url: "",
      language: "en",
      publishedOn: "2022-01-10",
      text: probeText(1),
    },
    {
      fileName: "probe.txt",
      mediaType: "text/plain; charset=utf-8",
      bytes: new TextEncoder().encode(probeText(1)),
      pageStarts: null,
    },
  );
  if (!imported.ok) throw new Error(`could not import the probe document: ${imported.message}`);
  const evidence = await createEvidence(asOwner(), {
    documentId: imported.documentId,
    revisionId: imported.revisionId,
    ...locateQuote(probeText(1), PROBE_QUOTE)!,
    speakerId: null,
    newSpeaker: { name: `Policy speaker ${run}`, role: "", partyId: null, organisation: "" },
    saidOn: "2022-01-10",
    kind: "DIRECT_QUOTE",
    note: "",
    links: [],
  });
  if (!evidence.ok) throw new Error(`could not save the probe quote: ${evidence.message}`);
  const corrected = await correctDocument(asOwner(), {
    documentId: imported.documentId,
    baseRevision: 1,
    text: probeText(2),
    note: "Policy probe",
  });
  if (!corrected.ok) throw new Error(`could not correct the probe document: ${corrected.message}`);
  const speaker = await db().evidence.findUniqueOrThrow({
    where: { id: evidence.evidenceId },
    select: { speakerId: true },
  });
  const thread = unwrap(
    await postComment(asOwner(), {
      target: { evidenceId: demoEvidence },
      body: `Policy probe thread ${run}`,
      mentionUserIds: [],
    }),
  );
  Object.assign(probe, {
    documentId: imported.documentId,
    evidenceId: evidence.evidenceId,
    personId: speaker.speakerId!,
    threadId: thread.commentId,
  });

  const foreignComment = unwrap(
    await postComment(otherAsOwner, {
      target: { evidenceId: foreign.evidence },
      body: `Someone else's thread ${run}`,
      mentionUserIds: [],
    }),
  );
  const foreignNotification = await db().notification.create({
    data: {
      userId: users.nonmember.id,
      workspaceId: other.id,
      kind: NotificationKind.MENTION,
      commentId: foreignComment.commentId,
      actorId: users.nonmember.id,
    },
    select: { id: true },
  });
  const foreignShare = await createShareLink(otherAsOwner, { label: "Policy", asOf: null, expiresInDays: 7 });
  const foreignToken = unwrap(
    await createApiToken(users.nonmember.id, {
      name: "Policy foreign token",
      scope: TokenScope.READ,
      workspaceSlugs: [other.slug],
      expiresInDays: 7,
    }),
  );
  const foreignProposal = await proposeEdit(otherAsOwner, {
    kind: "RECORD",
    workspaceSlug: other.slug,
    issueId: foreign.issue,
    partyId: foreign.party,
    baseVersion: 0,
    position: "OPEN",
    summary: `Someone else's proposal ${run}`,
    statedOn: "2022-01-10",
    links: [],
    rationale: "",
  });
  if (!foreignProposal.ok) throw new Error(`could not propose in the other workspace: ${foreignProposal.message}`);
  const foreignRound = await startCodingRound(otherAsOwner, {
    workspaceSlug: other.slug,
    title: `Someone else's round ${run}`,
    scope: { kind: "sample", size: 2 },
    coderIds: [users.nonmember.id, await otherCoder()],
  });
  if (!foreignRound.ok) throw new Error(`could not start a round in the other workspace: ${foreignRound.message}`);
  Object.assign(foreign, {
    codingRound: foreignRound.roundId,
    negotiationProposal: (
      await db().negotiationProposal.findFirstOrThrow({ where: { workspaceId: other.id }, select: { id: true } })
    ).id,
    provision: (
      await db().proposalProvision.findFirstOrThrow({ where: { workspaceId: other.id }, select: { id: true } })
    ).id,
    proposal: foreignProposal.proposalId,
    apiToken: foreignToken.id,
    comment: foreignComment.commentId,
    notification: foreignNotification.id,
    shareLink: foreignShare.id,
    event: (await db().negotiationEvent.findFirstOrThrow({ where: { workspaceId: other.id }, select: { id: true } }))
      .id,
    issueLink: (await db().issueLink.findFirstOrThrow({ where: { workspaceId: other.id }, select: { id: true } })).id,
  });
});

afterAll(async () => {
  if (!demo) return;
  // Leave the demo workspace as other test files expect it: probe rows archived (their statements
  // go with them), labels as they were, no policy members, no open policy invitations.
  await db().issue.updateMany({
    where: { workspaceId: demo.id, title: { startsWith: "Policy " }, archivedAt: null },
    data: { archivedAt: new Date() },
  });
  await db().party.updateMany({
    where: { workspaceId: demo.id, name: { startsWith: "Policy " }, archivedAt: null },
    data: { archivedAt: new Date() },
  });
  await db().workspace.update({
    where: { id: demo.id },
    data: { positionLabels: originalLabels, description: originalDescription, archivedAt: null },
  });
  const ids = Object.values(users).map((u) => u.id);
  await db().invitation.updateMany({
    where: { workspaceId: demo.id, createdById: { in: ids }, acceptedAt: null, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  await db().stanceProposal.updateMany({
    where: { workspaceId: demo.id, proposedById: { in: ids }, status: "OPEN" },
    data: { status: "REJECTED", decidedAt: new Date(), decisionRationale: "Policy probe clean-up" },
  });
  await db().codingRound.deleteMany({ where: { workspaceId: demo.id, createdById: { in: ids } } });
  await db().membership.deleteMany({ where: { workspaceId: demo.id, userId: { in: ids } } });
});

// ---------------------------------------------------------------- valid inputs, per action

let counter = 0;
const next = () => ++counter;

/** Active rows and columns in the order the structure mutations compare reorders against. */
/** A stance for the probe cell (probe issue 1 × the demo party), based on its current version, citing the demo quote. */
async function probeCellReading(position: string, summary: string) {
  const [issueId, partyId] = [probeIssues[1], demoParty];
  return {
    workspaceSlug: DEMO,
    issueId,
    partyId,
    baseVersion: await cellVersion(issueId, partyId),
    position,
    summary,
    statedOn: "2022-01-20",
    links: [{ evidenceId: demoEvidence, relation: "CONTEXT" }],
  };
}

/** A speaker's details as updatePersonAction takes them: only the name given. */
function personUpdate(personId: string, name: string) {
  return { workspaceSlug: DEMO, personId, name, aliases: [], role: "", partyId: null, organisation: "" };
}

function activeIssueIds(workspaceId: string) {
  return db().issue.findMany({
    where: { workspaceId, archivedAt: null },
    orderBy: [{ sortOrder: "asc" }, { title: "asc" }],
    select: { id: true, title: true },
  });
}

function activePartyIds(workspaceId: string) {
  return db().party.findMany({
    where: { workspaceId, archivedAt: null },
    orderBy: [{ sortOrder: "asc" }, { name: "asc" }],
    select: { id: true, name: true },
  });
}

/** The current order with the last two swapped when both are this file's probes (else unchanged), so an allowed reorder writes without moving the demo's own rows. */
function swapProbes<T extends { id: string }>(rows: T[], label: (row: T) => string): string[] {
  const ids = rows.map((r) => r.id);
  const [a, b] = rows.slice(-2);
  if (a && b && label(a).startsWith("Policy ") && label(b).startsWith("Policy ")) ids.splice(-2, 2, b.id, a.id);
  return ids;
}

async function cellVersion(issueId: string, partyId: string): Promise<number> {
  const cell = await db().stanceCell.findUnique({
    where: { workspaceId_issueId_partyId: { workspaceId: demo.id, issueId, partyId } },
    select: { version: true },
  });
  return cell?.version ?? 0;
}

/** A fresh statement in the probe cell, for corrections and retractions to act on. */
async function freshStatement(): Promise<{ statementId: string; baseVersion: number }> {
  const cell = { issueId: probeIssues[0], partyId: demoParty };
  const result = await recordStatement(asOwner(), {
    workspaceSlug: DEMO,
    ...cell,
    baseVersion: await cellVersion(cell.issueId, cell.partyId),
    position: "OPEN",
    summary: `Policy probe statement ${next()}`,
    statedOn: "2022-01-15",
    links: [],
  });
  if (!result.ok || !result.statementId)
    throw new Error(`could not record a probe statement: ${JSON.stringify(result)}`);
  return { statementId: result.statementId, baseVersion: result.version };
}

/** An open proposal in the probe cell, by `author` (the owner unless named), for decisions and rebases. */
async function openProposal(author: Subject = "owner"): Promise<string> {
  const by = ["owner", "reviewer", "editor"].includes(author) ? users[author as Member].id : users.owner.id;
  const cell = { issueId: probeIssues[1], partyId: demoParty };
  const result = await proposeEdit(trustedWorkspace(demo, by), {
    kind: "RECORD",
    workspaceSlug: DEMO,
    ...cell,
    baseVersion: await cellVersion(cell.issueId, cell.partyId),
    position: "CONDITIONAL",
    summary: `Policy proposal ${next()}`,
    statedOn: "2022-01-18",
    links: [],
    rationale: "Policy probe",
  });
  if (!result.ok) throw new Error(`could not propose: ${JSON.stringify(result)}`);
  return result.proposalId;
}

/** A second coder for the other workspace's round: a member there who is nobody in the demo. */
async function otherCoder(): Promise<string> {
  const coder = await seedUser("other-coder");
  await db().membership.create({ data: { workspaceId: other.id, userId: coder.id, role: Role.EDITOR } });
  return coder.id;
}

/** A fresh open round of two demo quotes coded by the owner, the reviewer and the editor. */
async function openRound(): Promise<{ roundId: string; evidenceId: string }> {
  const result = await startCodingRound(asOwner(), {
    workspaceSlug: DEMO,
    title: `Policy round ${next()}`,
    scope: { kind: "sample", size: 2 },
    coderIds: [users.owner.id, users.reviewer.id, users.editor.id],
  });
  if (!result.ok) throw new Error(`could not start a coding round: ${result.message}`);
  const unit = await db().codingUnit.findFirstOrThrow({
    where: { roundId: result.roundId },
    select: { evidenceId: true },
  });
  return { roundId: result.roundId, evidenceId: unit.evidenceId };
}

let sharedRound: { roundId: string; evidenceId: string } | undefined;
const codeFields = () => ({ partyId: demoParty, issueId: probeIssues[0], position: "OPEN" });

async function ensureTargetMember(role: Role) {
  await db().membership.upsert({
    where: { workspaceId_userId: { workspaceId: demo.id, userId: users.target.id } },
    create: { workspaceId: demo.id, userId: users.target.id, role },
    update: { role },
  });
}

async function latestProbeRevision() {
  return db().documentRevision.findFirstOrThrow({
    where: { documentId: probe.documentId },
    orderBy: { number: "desc" },
    select: { id: true, number: true, text: true },
  });
}

/** A valid new quote in the probe document's latest revision, by the probe speaker. */
async function probeEvidenceInput() {
  const revision = await latestProbeRevision();
  return {
    workspaceSlug: DEMO,
    documentId: probe.documentId,
    revisionId: revision.id,
    ...locateQuote(revision.text, "word for word")!,
    speakerId: probe.personId as string | null,
    saidOn: "2022-01-10",
    kind: "DIRECT_QUOTE",
    note: "",
    links: [] as unknown[],
  };
}

const eventFields = (title: string) => ({
  kind: "MEETING" as const,
  title,
  description: "",
  occurredOn: "2022-01-14",
  partyIds: [] as string[],
  documentIds: [] as string[],
});

/** An event of the demo workspace for one call to change or delete. */
async function freshEvent(): Promise<string> {
  const created = await createEvent(asOwner(), { ...eventFields(`Policy event ${next()} ${run}`) });
  if (!created.ok) throw new Error(created.message);
  return created.eventId;
}

const RBC_TITLE = "Moscow skeptical of US and NATO responses on security guarantees";
const PROVISION_WORDS = "the establishment of contacts between the military";

async function proposalFields(title: string) {
  const document = await db().document.findFirstOrThrow({
    where: { workspaceId: demo.id, title: RBC_TITLE },
    select: { id: true },
  });
  return {
    partyId: demoParty,
    kind: "NON_PAPER" as const,
    title,
    proposedOn: "2022-01-26",
    documentId: document.id,
    documentPart: "",
    answersId: null,
  };
}

/** A proposal of the demo workspace (on the RBC article) for one call to change or delete. */
async function freshNegotiationProposal(): Promise<string> {
  const created = await createNegotiationProposal(asOwner(), await proposalFields(`Policy proposal ${next()} ${run}`));
  if (!created.ok) throw new Error(created.message);
  return created.proposalId;
}

async function freshProvision(): Promise<string> {
  const added = await addProvision(asOwner(), {
    proposalId: await freshNegotiationProposal(),
    label: "Policy article",
    passage: { by: "quote", quote: PROVISION_WORDS, occurrence: 0 },
    issueIds: [probeIssues[0]!],
    answersProvisionIds: [],
  });
  if (!added.ok) throw new Error(added.message);
  return added.provisionId;
}

const provisionInput = (proposalId: string) => ({
  workspaceSlug: DEMO,
  proposalId,
  label: `Policy article ${next()}`,
  passage: { by: "quote" as const, quote: PROVISION_WORDS, occurrence: 0 },
  issueIds: [probeIssues[0]!],
  answersProvisionIds: [] as string[],
});

const issueLinkFields = () => ({
  kind: "PACKAGE" as const,
  firstIssueId: probeIssues[0],
  secondIssueId: probeIssues[1],
  note: `Policy link ${run}`,
  partyId: null as string | null,
  holdsFrom: null,
});

/** A link of the demo workspace for one call to delete. */
async function freshIssueLink(): Promise<string> {
  const created = await createIssueLink(asOwner(), { ...issueLinkFields(), note: `Policy link ${next()} ${run}` });
  if (!created.ok) throw new Error(created.message);
  return created.issueLinkId;
}

/** A quote of a fresh translation, paired with the quote of its fresh original that it renders. */
async function freshPairedQuote(): Promise<string> {
  const words = `the words to pair ${next()} ${run}`;
  const document = async (language: string) =>
    unwrap(
      await importDocument(asOwner(), {
        title: `Policy ${language} pairing ${next()} ${run}`,
        outlet: "",
        url: "",
        language,
        publishedOn: "2022-01-10",
        text: `Policy pairing (${language}): ${words}.\n`,
      }),
    );
  const original = await document("ru");
  const translation = await document("en");
  unwrap(
    await setDocumentLanguage(asOwner(), {
      documentId: translation.documentId,
      language: "en",
      translationOfId: original.documentId,
    }),
  );
  const quote = unwrap(
    await createEvidence(asOwner(), {
      documentId: original.documentId,
      revisionId: original.revisionId,
      ...locateQuote(`Policy pairing (ru): ${words}.\n`, words)!,
      speakerId: null,
      saidOn: "2022-01-10",
      kind: "DIRECT_QUOTE",
      note: "",
      links: [],
    }),
  );
  const paired = unwrap(
    await pairQuote(asOwner(), { originalId: quote.evidenceId, documentId: translation.documentId, exact: words }),
  );
  return paired.evidenceId;
}

async function freshPerson(): Promise<string> {
  return (
    await db().person.create({
      data: { workspaceId: demo.id, name: `Policy person ${next()} ${run}` },
      select: { id: true },
    })
  ).id;
}

/** A comment the subject wrote (members who may comment), or the owner's (anyone else: refused before it matters). */
async function ownComment(subject: Subject): Promise<string> {
  const author = ["owner", "reviewer", "editor", "commenter"].includes(subject)
    ? users[subject as Member].id
    : users.owner.id;
  const place = unwrap(
    await postComment(trustedWorkspace(demo, author), {
      target: { evidenceId: demoEvidence },
      body: `Policy comment ${next()}`,
      mentionUserIds: [],
    }),
  );
  return place.commentId;
}

/** An unread notification for the subject, or a random id for a visitor. */
async function unreadNotification(subject: Subject): Promise<string> {
  if (subject === "anonymous") return randomUUID();
  const notification = await db().notification.create({
    data: {
      userId: users[subject].id,
      workspaceId: demo.id,
      kind: NotificationKind.REPLY,
      commentId: probe.threadId,
      actorId: users.owner.id,
    },
    select: { id: true },
  });
  return notification.id;
}

const probeCell = () => ({ issueId: probeIssues[0], partyId: demoParty });

/**
 * A small workspace (one issue, one party) where the policy's subjects hold the same roles as in
 * the demo workspace, for actions that would archive or delete the demo one. Made once per label.
 */
async function roleWorkspace(label: string): Promise<string> {
  const slug = `policy-${label}-${run}`;
  if (await db().workspace.findUnique({ where: { slug }, select: { id: true } })) return slug;
  await db().workspace.create({
    data: {
      slug,
      title: `Policy ${label} ${run}`,
      issues: { create: { title: "Policy issue", sortOrder: 0 } },
      parties: { create: { name: "Policy party", shortName: "PP", colour: "#1d4ed8", sortOrder: 0 } },
      memberships: {
        create: [
          { userId: users.owner.id, role: Role.OWNER },
          { userId: users.reviewer.id, role: Role.REVIEWER },
          { userId: users.editor.id, role: Role.EDITOR },
          { userId: users.commenter.id, role: Role.COMMENTER },
          { userId: users.viewer.id, role: Role.VIEWER },
        ],
      },
    },
  });
  return slug;
}

const newPassword = () => `policy-new-${randomBytes(9).toString("base64url")}`;

/**
 * For each action, arguments that pass validation and would do real work in the demo workspace
 * (so a refused call that wrote anyway would show). Public and account actions get inputs that
 * fail on their own terms (wrong password, unknown invitation token): past the gate, but harmless.
 */
const INPUTS: Record<string, (subject: Subject) => Promise<unknown[]>> = {
  async signInAction() {
    const form = new FormData();
    form.set("email", `policy-nobody-${run}@parley.test`);
    form.set("password", "not-the-password");
    form.set("callbackUrl", "/");
    return [{}, form];
  },
  signOutAction: async () => [],
  signUpAction: async () => [
    { name: "Policy sign-up", email: `policy-signup-${next()}-${run}@parley.test`, password: newPassword() },
  ],
  registerWithInvitationAction: async () => [
    {
      token: randomBytes(32).toString("base64url"),
      name: "Policy registrant",
      email: `policy-register-${next()}-${run}@parley.test`,
      password: newPassword(),
    },
  ],
  changePasswordAction: async () => {
    const password = newPassword();
    return [{ currentPassword: "not-the-current-password", newPassword: password, confirmPassword: password }];
  },
  signOutEverywhereAction: async () => [],
  // Removed members and outsiders name a workspace they are not in: refused on the action's own terms.
  createApiTokenAction: async () => [
    { name: `Policy token ${next()}`, scope: "READ", workspaceSlugs: [DEMO], expiresInDays: 1 },
  ],
  async revokeApiTokenAction(subject) {
    const token = await db().apiToken.create({
      data: {
        userId: users[subject === "anonymous" ? "owner" : subject].id,
        name: `Policy token to revoke ${next()}`,
        tokenHash: randomBytes(32).toString("hex"),
        scope: TokenScope.READ,
        expiresAt: new Date(Date.now() + 86_400_000),
      },
      select: { id: true },
    });
    return [{ tokenId: token.id }];
  },
  acceptInvitationAction: async () => [{ token: randomBytes(32).toString("base64url") }],
  requestInvitationCodeAction: async () => [{ token: randomBytes(32).toString("base64url") }],

  recordStatementAction: async () => [await probeCellReading("SUPPORTS", `Policy record ${next()}`)],
  async correctStatementAction() {
    const { statementId, baseVersion } = await freshStatement();
    return [
      {
        workspaceSlug: DEMO,
        statementId,
        baseVersion,
        position: "CONDITIONAL",
        summary: `Policy correction ${next()}`,
        statedOn: "2022-01-16",
        links: [],
        reason: "Policy probe correction",
      },
    ];
  },
  async retractStatementAction() {
    const { statementId, baseVersion } = await freshStatement();
    return [{ workspaceSlug: DEMO, statementId, baseVersion, reason: "Policy probe retraction" }];
  },

  async proposeEditAction() {
    const [issueId, partyId] = [probeIssues[1], demoParty];
    return [
      {
        kind: "RECORD",
        workspaceSlug: DEMO,
        issueId,
        partyId,
        baseVersion: await cellVersion(issueId, partyId),
        position: "OPPOSES",
        summary: `Policy proposal ${next()}`,
        statedOn: "2022-01-20",
        links: [{ evidenceId: demoEvidence, relation: "SUPPORTS" }],
        rationale: "Policy probe",
      },
    ];
  },
  acceptProposalAction: async () => [
    { workspaceSlug: DEMO, proposalId: await openProposal(), rationale: "Policy acceptance" },
  ],
  rejectProposalAction: async () => [
    { workspaceSlug: DEMO, proposalId: await openProposal(), rationale: "Policy rejection" },
  ],
  recordOwnReadingAction: async () => [
    {
      ...(await probeCellReading("CONDITIONAL", `Policy own reading ${next()}`)),
      rationale: "Policy probe: neither proposal.",
    },
  ],
  // Only a proposal's author may rebase it: each member rebases their own.
  rebaseProposalAction: async (subject) => [{ workspaceSlug: DEMO, proposalId: await openProposal(subject) }],
  // Sets it to what it is: past the gate, nothing changes for the other test files.
  setReviewModeAction: async () => [{ workspaceSlug: DEMO, reviewMode: false }],
  startCodingRoundAction: async () => [
    {
      workspaceSlug: DEMO,
      title: `Policy round ${next()}`,
      scope: { kind: "sample", size: 2 },
      coderIds: [users.owner.id, users.editor.id],
    },
  ],
  // One round for all: each allowed member codes the same quote once, so it never completes.
  recordCodeAction: async () => {
    sharedRound ??= await openRound();
    return [{ workspaceSlug: DEMO, ...sharedRound, ...codeFields() }];
  },
  closeCodingRoundAction: async () => [{ workspaceSlug: DEMO, roundId: (await openRound()).roundId }],

  addIssueAction: async (subject) => [
    { workspaceSlug: DEMO, title: `Policy added issue ${subject} ${next()} ${run}`, description: "" },
  ],
  renameIssueAction: async () => [
    { workspaceSlug: DEMO, issueId: probeIssues[0], title: `Policy probe issue A ${run} v${next()}`, description: "" },
  ],
  async archiveIssueAction() {
    await db().issue.update({ where: { id: probeIssues[1] }, data: { archivedAt: null } });
    return [{ workspaceSlug: DEMO, issueId: probeIssues[1] }];
  },
  async unarchiveIssueAction() {
    await db().issue.update({ where: { id: probeIssues[1] }, data: { archivedAt: new Date() } });
    return [{ workspaceSlug: DEMO, issueId: probeIssues[1] }];
  },
  reorderIssuesAction: async () => [
    { workspaceSlug: DEMO, orderedIds: swapProbes(await activeIssueIds(demo.id), (r) => r.title) },
  ],
  addPartyAction: async (subject) => [
    {
      workspaceSlug: DEMO,
      name: `Policy added party ${subject} ${next()} ${run}`,
      shortName: "PAP",
      colour: "#0f766e",
    },
  ],
  renamePartyAction: async () => [
    {
      workspaceSlug: DEMO,
      partyId: probeParties[0],
      name: `Policy probe party A ${run} v${next()}`,
      shortName: "PPA",
      colour: "#1d4ed8",
    },
  ],
  async archivePartyAction() {
    await db().party.update({ where: { id: probeParties[1] }, data: { archivedAt: null } });
    return [{ workspaceSlug: DEMO, partyId: probeParties[1] }];
  },
  async unarchivePartyAction() {
    await db().party.update({ where: { id: probeParties[1] }, data: { archivedAt: new Date() } });
    return [{ workspaceSlug: DEMO, partyId: probeParties[1] }];
  },
  reorderPartiesAction: async () => [
    { workspaceSlug: DEMO, orderedIds: swapProbes(await activePartyIds(demo.id), (r) => r.name) },
  ],
  async renamePositionLabelsAction() {
    const labels = resolvePositionLabels(
      (await db().workspace.findUniqueOrThrow({ where: { id: demo.id }, select: { positionLabels: true } }))
        .positionLabels,
    );
    return [{ workspaceSlug: DEMO, labels: { ...labels, NO_POSITION: `No position ${next()}` } }];
  },

  importDocumentAction: async () => [
    {
      workspaceSlug: DEMO,
      title: `Policy import ${next()} ${run}`,
      outlet: "",
      url: "",
      language: "en",
      publishedOn: "2022-01-10",
      text: `Policy imported text ${randomUUID()}.\n`,
    },
  ],
  async correctDocumentAction() {
    const revision = await latestProbeRevision();
    return [
      {
        workspaceSlug: DEMO,
        documentId: probe.documentId,
        baseRevision: revision.number,
        text: probeText(`${revision.number + 1}-${next()}`),
        note: "Policy probe correction",
      },
    ];
  },
  async dismissSuggestionAction() {
    const at = next();
    return [{ workspaceSlug: DEMO, revisionId: (await latestProbeRevision()).id, startOffset: at, endOffset: at + 1 }];
  },
  async markAnchorReviewedAction() {
    const anchor = await db().evidenceAnchor.findFirstOrThrow({
      where: { evidenceId: probe.evidenceId },
      orderBy: { createdAt: "desc" },
      select: { evidenceId: true, revisionId: true },
    });
    await db().evidenceAnchor.update({
      where: { evidenceId_revisionId: anchor },
      data: { reviewedAt: null, reviewedById: null },
    });
    return [{ workspaceSlug: DEMO, ...anchor }];
  },
  createEvidenceAction: async () => [await probeEvidenceInput()],
  setDocumentLanguageAction: async () => [
    { workspaceSlug: DEMO, documentId: probe.documentId, language: "en", translationOfId: null },
  ],
  // The probe document is no translation: a refusal past the access checks is enough here.
  pairQuoteAction: async () => [
    { workspaceSlug: DEMO, originalId: demoEvidence, documentId: probe.documentId, exact: "word for word" },
  ],
  // A fresh pair each call: unpairing a quote that is not paired is refused as not_found, which
  // reads like the gate's refusal.
  unpairQuoteAction: async () => [{ workspaceSlug: DEMO, evidenceId: await freshPairedQuote() }],
  // A fresh statement each call: a second link of the same pair is refused (past the access checks).
  linkEvidenceAction: async () => [
    {
      workspaceSlug: DEMO,
      evidenceId: probe.evidenceId,
      statementId: (await freshStatement()).statementId,
      relation: "SUPPORTS",
    },
  ],
  updatePersonAction: async () => [personUpdate(probe.personId, `Policy speaker ${run} v${next()}`)],
  mergePeopleAction: async () => [{ workspaceSlug: DEMO, keepId: probe.personId, mergeId: await freshPerson() }],
  createEventAction: async () => [
    { workspaceSlug: DEMO, ...eventFields(`Policy created event ${next()} ${run}`), partyIds: [demoParty] },
  ],
  updateEventAction: async () => [
    { workspaceSlug: DEMO, eventId: await freshEvent(), ...eventFields(`Policy changed event ${next()} ${run}`) },
  ],
  deleteEventAction: async () => [{ workspaceSlug: DEMO, eventId: await freshEvent() }],
  createNegotiationProposalAction: async () => [
    { workspaceSlug: DEMO, ...(await proposalFields(`Policy created proposal ${next()} ${run}`)) },
  ],
  deleteNegotiationProposalAction: async () => [{ workspaceSlug: DEMO, proposalId: await freshNegotiationProposal() }],
  addProvisionAction: async () => [provisionInput(await freshNegotiationProposal())],
  removeProvisionAction: async () => [{ workspaceSlug: DEMO, provisionId: await freshProvision() }],
  createIssueLinkAction: async () => [{ workspaceSlug: DEMO, ...issueLinkFields(), partyId: demoParty }],
  deleteIssueLinkAction: async () => [{ workspaceSlug: DEMO, issueLinkId: await freshIssueLink() }],

  markNotificationReadAction: async (subject) => [{ notificationId: await unreadNotification(subject) }],
  async markAllNotificationsReadAction(subject) {
    await unreadNotification(subject);
    return [];
  },
  importWorkspaceAction: async () => [{ slug: `policy-import-${next()}-${run}`, file: "{}" }],
  createWorkspaceAction: async () => [
    { title: `Policy new workspace ${next()}`, slug: `policy-new-${next()}-${run}`, template: "bilateral" },
  ],
  checkWorkspaceSlugAction: async () => [{ slug: `policy-check-${next()}-${run}` }],
  updateWorkspaceAction: async () => [
    { workspaceSlug: DEMO, title: demo.title, description: `Policy description ${next()} ${run}` },
  ],
  async archiveWorkspaceAction() {
    const slug = await roleWorkspace("lifecycle");
    await db().workspace.update({ where: { slug }, data: { archivedAt: null } });
    return [{ workspaceSlug: slug }];
  },
  async restoreWorkspaceAction() {
    const slug = await roleWorkspace("lifecycle");
    await db().workspace.update({ where: { slug }, data: { archivedAt: new Date() } });
    return [{ workspaceSlug: slug }];
  },
  deleteWorkspaceAction: async () => {
    const slug = await roleWorkspace(`doomed-${next()}`);
    return [{ workspaceSlug: slug, confirmation: slug }];
  },
  async followCellAction(subject) {
    if (subject !== "anonymous")
      await db().cellFollow.deleteMany({ where: { userId: users[subject].id, workspaceId: demo.id, ...probeCell() } });
    return [{ workspaceSlug: DEMO, ...probeCell() }];
  },
  async unfollowCellAction(subject) {
    if (subject !== "anonymous")
      await db().cellFollow.createMany({
        data: [{ userId: users[subject].id, workspaceId: demo.id, ...probeCell() }],
        skipDuplicates: true,
      });
    return [{ workspaceSlug: DEMO, ...probeCell() }];
  },
  postCommentAction: async () => [
    { workspaceSlug: DEMO, evidenceId: demoEvidence, body: `Policy comment ${next()}`, mentionUserIds: [] },
  ],
  replyToCommentAction: async () => [
    { workspaceSlug: DEMO, commentId: probe.threadId, body: `Policy reply ${next()}`, mentionUserIds: [] },
  ],
  editCommentAction: async (subject) => [
    { workspaceSlug: DEMO, commentId: await ownComment(subject), body: `Policy edit ${next()}`, mentionUserIds: [] },
  ],
  deleteCommentAction: async (subject) => [{ workspaceSlug: DEMO, commentId: await ownComment(subject) }],
  async resolveThreadAction() {
    await db().comment.update({ where: { id: probe.threadId }, data: { resolvedAt: null, resolvedById: null } });
    return [{ workspaceSlug: DEMO, commentId: probe.threadId }];
  },
  async reopenThreadAction() {
    await db().comment.update({
      where: { id: probe.threadId },
      data: { resolvedAt: new Date(), resolvedById: users.owner.id },
    });
    return [{ workspaceSlug: DEMO, commentId: probe.threadId }];
  },
  createShareLinkAction: async () => [
    { workspaceSlug: DEMO, label: `Policy share ${next()}`, asOf: "", expiresInDays: 1 },
  ],
  async revokeShareLinkAction() {
    const link = await createShareLink(asOwner(), { label: "Policy share to revoke", asOf: null, expiresInDays: 1 });
    return [{ workspaceSlug: DEMO, shareLinkId: link.id }];
  },

  createInvitationAction: async () => [{ workspaceSlug: DEMO, role: "REVIEWER", email: "", expiresInDays: 7 }],
  async revokeInvitationAction() {
    const invitation = await createInvitation(asOwner(), { role: Role.VIEWER, expiresInDays: 7 });
    return [{ workspaceSlug: DEMO, invitationId: invitation.id }];
  },
  async changeMemberRoleAction() {
    await ensureTargetMember(Role.VIEWER);
    // The reviewer role, like any other, is granted here by owners only.
    return [{ workspaceSlug: DEMO, userId: users.target.id, role: "REVIEWER" }];
  },
  async removeMemberAction() {
    await ensureTargetMember(Role.VIEWER);
    return [{ workspaceSlug: DEMO, userId: users.target.id }];
  },
};

/**
 * Allowed calls of these end the caller's session (sign-out revokes it server-side; sign out
 * everywhere ends them all): sign the caller in again after one.
 */
const ENDS_SESSION = new Set(["signOutAction", "signOutEverywhereAction"]);

/** Writes a route's request needs before the table's check starts (so it does not count as the route's). */
const ROUTE_PREPARE: Record<string, () => Promise<{ statementId: string; baseVersion: number }>> = {
  "POST /api/v1/workspaces/[slug]/statements/[statementId]/corrections": freshStatement,
  "POST /api/v1/workspaces/[slug]/statements/[statementId]/retraction": freshStatement,
};

const v1Write = (caller: Caller, pathname: string, body: unknown) =>
  fetchAs(caller, `/api/v1/workspaces/${DEMO}${pathname}`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Origin: baseUrl },
    body: JSON.stringify(body),
  });

const ROUTE_REQUESTS: Record<
  string,
  (caller: Caller, prepared?: { statementId: string; baseVersion: number }) => Promise<Response>
> = {
  "GET /api/v1/openapi.json": (caller) => fetchAs(caller, "/api/v1/openapi.json"),
  "GET /api/v1/workspaces": (caller) => fetchAs(caller, "/api/v1/workspaces"),
  "GET /api/v1/workspaces/[slug]/structure": (caller) => fetchAs(caller, `/api/v1/workspaces/${DEMO}/structure`),
  "GET /api/v1/workspaces/[slug]/matrix": (caller) =>
    fetchAs(caller, `/api/v1/workspaces/${DEMO}/matrix?asOf=2022-02-16&since=2022-01-01`),
  "GET /api/v1/workspaces/[slug]/statements": (caller) =>
    fetchAs(caller, `/api/v1/workspaces/${DEMO}/statements?from=2022-01-01&limit=5`),
  async "POST /api/v1/workspaces/[slug]/statements"(caller) {
    const cell = { issueId: probeIssues[1], partyId: demoParty };
    return v1Write(caller, "/statements", {
      ...cell,
      baseVersion: await cellVersion(cell.issueId, cell.partyId),
      position: "SUPPORTS",
      summary: `Policy v1 statement ${next()}`,
      statedOn: "2022-01-16",
    });
  },
  "POST /api/v1/workspaces/[slug]/statements/[statementId]/corrections": (caller, prepared) =>
    v1Write(caller, `/statements/${prepared!.statementId}/corrections`, {
      baseVersion: prepared!.baseVersion,
      position: "OPPOSES",
      summary: `Policy v1 correction ${next()}`,
      statedOn: "2022-01-15",
      reason: "Policy probe correction.",
    }),
  "POST /api/v1/workspaces/[slug]/statements/[statementId]/retraction": (caller, prepared) =>
    v1Write(caller, `/statements/${prepared!.statementId}/retraction`, {
      baseVersion: prepared!.baseVersion,
      reason: "Policy probe retraction.",
    }),
  "GET /api/v1/workspaces/[slug]/documents": (caller) => fetchAs(caller, `/api/v1/workspaces/${DEMO}/documents`),
  "POST /api/v1/workspaces/[slug]/documents": (caller) =>
    v1Write(caller, "/documents", {
      title: `Policy v1 import ${next()} ${run}`,
      publishedAt: "2022-01-10",
      text: `Policy imported over API v1 ${randomUUID()}.\n`,
    }),
  "GET /api/v1/workspaces/[slug]/documents/[documentId]": (caller) =>
    fetchAs(caller, `/api/v1/workspaces/${DEMO}/documents/${probe.documentId}`),
  "GET /api/v1/workspaces/[slug]/evidence": (caller) => fetchAs(caller, `/api/v1/workspaces/${DEMO}/evidence?q=NATO`),
  "POST /api/v1/workspaces/[slug]/evidence": (caller) =>
    v1Write(caller, "/evidence", {
      documentId: probe.documentId,
      quote: "word for word",
      saidOn: "2022-01-10",
      kind: "DIRECT_QUOTE",
    }),
  "GET /api/v1/workspaces/[slug]/search": (caller) => fetchAs(caller, `/api/v1/workspaces/${DEMO}/search?q=guarantee`),
  "GET /api/v1/workspaces/[slug]/activity": (caller) =>
    fetchAs(caller, `/api/v1/workspaces/${DEMO}/activity?after=0&limit=5`),
  "GET /api/v1/workspaces/[slug]/export": (caller) =>
    fetchAs(caller, `/api/v1/workspaces/${DEMO}/export?format=csv&asOf=2022-02-16`),
  "GET /api/health": (caller) => fetchAs(caller, "/api/health"),
  "GET /api/health/live": (caller) => fetchAs(caller, "/api/health/live"),
  "GET /api/health/ready": (caller) => fetchAs(caller, "/api/health/ready"),
  "GET /api/metrics": (caller) =>
    fetchAs(caller, "/api/metrics", { headers: { Authorization: `Bearer ${process.env.PARLEY_METRICS_TOKEN}` } }),
  "GET /api/auth/[...nextauth]": (caller) => fetchAs(caller, "/api/auth/session"),
  async "POST /api/auth/[...nextauth]"(caller) {
    const { jar, csrfToken } = await csrf(new Map(caller.jar));
    return fetchAs({ jar }, "/api/auth/session", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ csrfToken }),
    });
  },
  "GET /api/w/[slug]/matrix": (caller) => fetchAs(caller, `/api/w/${DEMO}/matrix?asOf=2022-02-16`),
  "GET /api/imports": (caller) => fetchAs(caller, "/api/imports"),
  "GET /api/w/[slug]/convergence": (caller) =>
    fetchAs(caller, `/api/w/${DEMO}/convergence?asOf=2022-02-16&from=2022-01-01&to=2022-02-16`),
  "GET /api/w/[slug]/evidence": (caller) => fetchAs(caller, `/api/w/${DEMO}/evidence?q=NATO`),
  "GET /api/w/[slug]/search": (caller) => fetchAs(caller, `/api/w/${DEMO}/search?q=guarantee`),
  "GET /api/w/[slug]/export": (caller) => fetchAs(caller, `/api/w/${DEMO}/export?format=csv&asOf=2022-02-16`),
  "GET /api/w/[slug]/documents/[documentId]/file": (caller) =>
    fetchAs(caller, `/api/w/${DEMO}/documents/${probe.documentId}/file`),
  "GET /api/w/[slug]/events": (caller) => fetchAs(caller, `/api/w/${DEMO}/events?view=matrix`),
  "POST /api/workspaces": (caller) =>
    fetchAs(caller, "/api/workspaces", {
      method: "POST",
      headers: { "Content-Type": "application/json", Origin: baseUrl },
      body: JSON.stringify({ title: `Policy route workspace ${next()}`, slug: `policy-route-${next()}-${run}` }),
    }),
  // The preview: the gate and the rate limit run as for a confirmation, and nothing is written.
  "POST /api/w/[slug]/stance-imports": (caller) => {
    const form = new FormData();
    const sheet = "Issue,Party,Position,Summary,Date\nAn issue,A party,Supports,Policy probe.,2022-01-10\n";
    form.set("file", new Blob([sheet], { type: "text/csv" }), "stances.csv");
    form.set("step", "preview");
    return fetchAs(caller, `/api/w/${DEMO}/stance-imports`, {
      method: "POST",
      headers: { Origin: baseUrl },
      body: form,
    });
  },
  "POST /api/w/[slug]/documents": (caller) =>
    fetchAs(caller, `/api/w/${DEMO}/documents`, {
      method: "POST",
      headers: { "Content-Type": "application/json", Origin: baseUrl },
      body: JSON.stringify({
        title: `Policy route import ${next()} ${run}`,
        publishedAt: "2022-01-10",
        text: `Policy imported over the API ${randomUUID()}.\n`,
      }),
    }),
};

/** The refusal each kind of caller gets from the gate: who you are decides the code. */
function expectedRefusal(subject: Subject): "unauthenticated" | "not_found" | "forbidden" {
  if (subject === "anonymous") return "unauthenticated";
  if (subject === "removed" || subject === "nonmember") return "not_found";
  return "forbidden";
}

const STATUS_OF = { unauthenticated: 401, not_found: 404, forbidden: 403 } as const;

// ---------------------------------------------------------------- the table is complete

describe("the policy table", () => {
  it("has a row for every server action in the build, naming the module that exports it", () => {
    expect(builtActions.length).toBeGreaterThan(0);
    expect(builtActions.filter((a) => !ACTION_POLICY[a.name]).map((a) => `${a.file}#${a.name}`)).toEqual([]);
    expect(
      builtActions
        .filter((a) => ACTION_POLICY[a.name] && ACTION_POLICY[a.name]!.file !== a.file)
        .map((a) => `${a.file}#${a.name}`),
    ).toEqual([]);
  });

  it('has a row for every export of every "use server" module, and none for actions that no longer exist', () => {
    const source = readSourceActions();
    expect(source.filter((a) => !ACTION_POLICY[a.name]).map((a) => `${a.file}#${a.name}`)).toEqual([]);
    const known = new Set([...source.map((a) => a.name), ...builtActions.map((a) => a.name)]);
    expect(Object.keys(ACTION_POLICY).filter((name) => !known.has(name))).toEqual([]);
  });

  it("has a row for every method of every route handler under app/, and none for routes that no longer exist", () => {
    expect(routes.length).toBeGreaterThan(0);
    expect(routes.filter((r) => !ROUTE_POLICY[r])).toEqual([]);
    expect(Object.keys(ROUTE_POLICY).filter((r) => !routes.includes(r))).toEqual([]);
  });

  it("has a valid input for every action and a request for every route", () => {
    expect(Object.keys(ACTION_POLICY).filter((name) => !INPUTS[name])).toEqual([]);
    expect(Object.keys(ROUTE_POLICY).filter((route) => !ROUTE_REQUESTS[route])).toEqual([]);
  });

  it("lists every id-like input field of every action, so each gets an IDOR probe", async () => {
    const idFieldsOf = (schema: z.ZodType): string[] => {
      const names = new Set<string>();
      const walk = (node: unknown) => {
        if (!node || typeof node !== "object") return;
        const properties = (node as { properties?: Record<string, unknown> }).properties;
        for (const [key, value] of Object.entries(properties ?? {})) {
          if (/(Id|Ids)$/.test(key)) names.add(key);
          walk(value);
        }
        for (const key of ["items", "anyOf", "allOf", "oneOf"]) {
          const child = (node as Record<string, unknown>)[key];
          (Array.isArray(child) ? child : [child]).forEach(walk);
        }
      };
      walk(z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }));
      return [...names].sort();
    };
    const mismatches: string[] = [];
    for (const file of new Set(Object.values(ACTION_POLICY).map((row) => row.file))) {
      const text = readFileSync(path.join(root, file), "utf8");
      // The schemas the module imports, loaded the way it loads them.
      const schemas: Record<string, unknown> = {};
      for (const [, specifier] of text.matchAll(/from\s+"(@\/lib\/[\w/-]+\/schema)"/g))
        Object.assign(schemas, await import(/* @vite-ignore */ specifier!));
      for (const match of text.matchAll(/export const (\w+)\s*=[\s\S]*?\.action\(/g)) {
        const name = match[1]!;
        const schemaName = /\.inputSchema\((\w+)\)/.exec(match[0])?.[1];
        const declared = [...(ACTION_POLICY[name]?.idFields ?? [])].sort();
        const found = schemaName ? idFieldsOf(schemas[schemaName] as z.ZodType) : [];
        if (schemaName && !schemas[schemaName])
          mismatches.push(`${name}: schema ${schemaName} is not imported from a lib/*/schema.ts module`);
        else if (JSON.stringify(found) !== JSON.stringify(declared))
          mismatches.push(
            `${name}: input has ${found.join(", ") || "no ids"}, the table lists ${declared.join(", ") || "none"}`,
          );
      }
    }
    expect(mismatches).toEqual([]);
  });
});

// ---------------------------------------------------------------- every action × every caller

describe.each(builtActions.map((a) => a.name))("server action %s", (name) => {
  it.each([...SUBJECTS])("as %s", async (subject) => {
    const row = ACTION_POLICY[name];
    if (!row) throw new Error(`${name} has no row in tests/e2e/policy-table.ts`);
    const verdict = row.policy[subject];
    const args = await INPUTS[name]!(subject);
    // Only a refusal is checked for writes: an allowed call's stamps would go unread.
    const before = verdict === "deny" ? await tableStamps() : undefined;
    const reply = await callAction(name, args, callers.get(subject));
    const result = outcome(reply);

    if (verdict === "deny") {
      const after = await tableStamps();
      expect(result.serverError, `${name} as ${subject} should be refused`).toMatchObject({
        code: expectedRefusal(subject),
      });
      expect(result.data).toBeUndefined();
      expect(after, `${name} as ${subject} was refused but wrote to the database`).toEqual(before);
      return;
    }
    expect(reply.status, JSON.stringify(reply.result)).toBe(200);
    expect(
      accessRefusal(reply),
      `${name} as ${subject} should get past the access checks: ${JSON.stringify(result.serverError)}`,
    ).toBeNull();
    expect(result.validationErrors, "the test's input should be valid").toBeUndefined();
    expect(result.serverError?.code).not.toBe("internal_error");
    expect(result.$error).toBeUndefined();
    if (ENDS_SESSION.has(name) && subject !== "anonymous") await signInSubject(subject);
  });
});

// ---------------------------------------------------------------- every route × every caller

describe.each(routes)("route %s", (route) => {
  it.each([...SUBJECTS])("as %s", async (subject) => {
    const policy = ROUTE_POLICY[route];
    if (!policy) throw new Error(`${route} has no row in tests/e2e/policy-table.ts`);
    const prepared = await ROUTE_PREPARE[route]?.();
    const denied = policy[subject] === "deny";
    const before = denied ? await tableStamps() : undefined;
    const response = await ROUTE_REQUESTS[route]!(callers.get(subject)!, prepared);
    const after = denied ? await tableStamps() : undefined;
    // An event stream stays open: its status and type are the answer; then hang up.
    const streaming = response.headers.get("content-type")?.startsWith("text/event-stream");
    const text = streaming ? (await response.body?.cancel(), "") : await response.text();
    if (denied) {
      const refusal = expectedRefusal(subject);
      expect(response.status, text).toBe(STATUS_OF[refusal]);
      expect(JSON.parse(text)).toMatchObject({ error: refusal });
      expect(after).toEqual(before);
    } else {
      expect(response.status, text).toBeGreaterThanOrEqual(200);
      expect(response.status, text).toBeLessThan(300);
    }
  });
});

// ---------------------------------------------------------------- IDOR

type IdorProbe = {
  action: string;
  field: string;
  /** The action answers an unknown id with a quiet success instead of a refusal. */
  quiet?: boolean;
  /** The other workspace's record to try. */
  foreignId: () => string;
  args: (id: string) => Promise<unknown[]>;
  /** Runs once before both calls (e.g. records the statement both calls point at). */
  prepare?: () => Promise<unknown>;
};

const MENTIONING_ACTIONS = ["postCommentAction", "replyToCommentAction", "editCommentAction"];
let shared: { statementId: string; baseVersion: number } | undefined;
let sharedPerson: string | undefined;
let sharedEvent: string | undefined;
let sharedProposal: string | undefined;
const recordFields = { position: "OPPOSES", summary: `Policy IDOR probe ${run}`, statedOn: "2022-01-21" } as const;

/** A correction of a fresh statement of ours whose `naming` puts the other workspace's record in it. */
function correctionProbe(field: string, foreignId: () => string, naming: (id: string) => object): IdorProbe {
  return {
    action: "correctStatementAction",
    field,
    foreignId,
    prepare: async () => (shared = await freshStatement()),
    args: async (id) => [{ workspaceSlug: DEMO, ...shared!, ...recordFields, ...naming(id), reason: "IDOR probe" }],
  };
}

/** A proposal to record a stance in a probe cell, `naming` putting the other workspace's id in it. */
function proposedRecordProbe(field: string, foreignId: () => string, naming: (id: string) => object): IdorProbe {
  return {
    action: "proposeEditAction",
    field,
    foreignId,
    args: async (id) => [
      {
        kind: "RECORD",
        workspaceSlug: DEMO,
        issueId: probeIssues[0],
        partyId: demoParty,
        baseVersion: 0,
        ...recordFields,
        links: [],
        ...naming(id),
        rationale: "IDOR probe",
      },
    ],
  };
}

/** The same five probes for issues and for parties: rename, archive, unarchive and two reorders. */
function structureProbes(
  kind: "Issue" | "Party",
  foreignLive: () => string,
  foreignArchived: () => string,
  renameFields: object,
): IdorProbe[] {
  const field = kind === "Issue" ? "issueId" : "partyId";
  const plural = kind === "Issue" ? "Issues" : "Parties";
  const active = kind === "Issue" ? activeIssueIds : activePartyIds;
  const byId = (verb: string, foreignId: () => string, extra: object = {}): IdorProbe => ({
    action: `${verb}${kind}Action`,
    field,
    foreignId,
    args: async (id) => [{ workspaceSlug: DEMO, [field]: id, ...extra }],
  });
  // The foreign id added to the whole list, and in place of our last one.
  const reorder = (keepAll: boolean): IdorProbe => ({
    action: `reorder${plural}Action`,
    field: "orderedIds",
    foreignId: foreignLive,
    args: async (id) => {
      const ours = (await active(demo.id)).map((r) => r.id);
      return [{ workspaceSlug: DEMO, orderedIds: [...(keepAll ? ours : ours.slice(0, -1)), id] }];
    },
  });
  return [
    byId("rename", foreignLive, renameFields),
    byId("archive", foreignLive),
    byId("unarchive", foreignArchived),
    reorder(true),
    reorder(false),
  ];
}

const IDOR_PROBES: IdorProbe[] = [
  ...structureProbes(
    "Issue",
    () => foreign.issue,
    () => foreign.archivedIssue,
    {
      title: `Policy IDOR ${run}`,
      description: "",
    },
  ),
  ...structureProbes(
    "Party",
    () => foreign.party,
    () => foreign.archivedParty,
    {
      name: `Policy IDOR ${run}`,
      shortName: "ID",
      colour: "#000000",
    },
  ),
  {
    action: "recordStatementAction",
    field: "issueId",
    foreignId: () => foreign.issue,
    args: async (id) => [
      { workspaceSlug: DEMO, issueId: id, partyId: demoParty, baseVersion: 0, ...recordFields, links: [] },
    ],
  },
  {
    action: "recordStatementAction",
    field: "partyId",
    foreignId: () => foreign.party,
    args: async (id) => [
      { workspaceSlug: DEMO, issueId: probeIssues[0], partyId: id, baseVersion: 0, ...recordFields, links: [] },
    ],
  },
  {
    action: "recordStatementAction",
    field: "evidenceId",
    foreignId: () => foreign.evidence,
    args: async (id) => [
      {
        workspaceSlug: DEMO,
        issueId: probeIssues[0],
        partyId: demoParty,
        baseVersion: await cellVersion(probeIssues[0], demoParty),
        ...recordFields,
        links: [{ evidenceId: id, relation: "SUPPORTS" }],
      },
    ],
  },
  {
    action: "correctStatementAction",
    field: "statementId",
    foreignId: () => foreign.statement,
    args: async (id) => [
      { workspaceSlug: DEMO, statementId: id, baseVersion: 1, ...recordFields, links: [], reason: "IDOR probe" },
    ],
  },
  correctionProbe(
    "issueId",
    () => foreign.issue,
    (id) => ({
      conditionCell: { issueId: id, partyId: demoParty, minPosition: "SUPPORTS" },
    }),
  ),
  correctionProbe(
    "partyId",
    () => foreign.party,
    (id) => ({
      conditionCell: { issueId: probeIssues[0], partyId: id, minPosition: "SUPPORTS" },
    }),
  ),
  correctionProbe(
    "evidenceId",
    () => foreign.evidence,
    (id) => ({
      links: [{ evidenceId: id, relation: "CONTRADICTS" }],
    }),
  ),
  proposedRecordProbe(
    "issueId",
    () => foreign.issue,
    (id) => ({ issueId: id }),
  ),
  proposedRecordProbe(
    "partyId",
    () => foreign.party,
    (id) => ({ partyId: id }),
  ),
  {
    action: "proposeEditAction",
    field: "statementId",
    foreignId: () => foreign.statement,
    args: async (id) => [
      { kind: "RETRACT", workspaceSlug: DEMO, statementId: id, baseVersion: 1, reason: "IDOR probe", rationale: "" },
    ],
  },
  proposedRecordProbe(
    "evidenceId",
    () => foreign.evidence,
    (id) => ({
      links: [{ evidenceId: id, relation: "SUPPORTS" }],
    }),
  ),
  ...(["issueId", "partyId", "evidenceId"] as const).map(
    (field): IdorProbe => ({
      action: "recordOwnReadingAction",
      field,
      foreignId: () => (field === "issueId" ? foreign.issue : field === "partyId" ? foreign.party : foreign.evidence),
      args: async (id) => [
        {
          workspaceSlug: DEMO,
          issueId: field === "issueId" ? id : probeIssues[0],
          partyId: field === "partyId" ? id : demoParty,
          baseVersion: await cellVersion(probeIssues[0], demoParty),
          ...recordFields,
          links: field === "evidenceId" ? [{ evidenceId: id, relation: "SUPPORTS" }] : [],
          rationale: "IDOR probe",
        },
      ],
    }),
  ),
  ...(["acceptProposalAction", "rejectProposalAction"] as const).map(
    (action): IdorProbe => ({
      action,
      field: "proposalId",
      foreignId: () => foreign.proposal,
      args: async (id) => [{ workspaceSlug: DEMO, proposalId: id, rationale: "IDOR probe" }],
    }),
  ),
  {
    action: "startCodingRoundAction",
    field: "documentId",
    foreignId: () => foreign.document,
    args: async (id) => [
      {
        workspaceSlug: DEMO,
        title: "IDOR probe",
        scope: { kind: "document", documentId: id },
        coderIds: [users.owner.id, users.editor.id],
      },
    ],
  },
  {
    action: "startCodingRoundAction",
    field: "coderIds",
    foreignId: () => foreign.user,
    args: async (id) => [
      { workspaceSlug: DEMO, title: "IDOR probe", scope: { kind: "sample", size: 2 }, coderIds: [users.owner.id, id] },
    ],
  },
  ...(["roundId", "evidenceId"] as const).map(
    (field): IdorProbe => ({
      action: "recordCodeAction",
      field,
      foreignId: () => (field === "roundId" ? foreign.codingRound : foreign.evidence),
      prepare: async () => (sharedRound ??= await openRound()),
      args: async (id) => [{ workspaceSlug: DEMO, ...sharedRound!, ...codeFields(), [field]: id }],
    }),
  ),
  ...(["partyId", "issueId"] as const).map(
    (field): IdorProbe => ({
      action: "recordCodeAction",
      field,
      foreignId: () => (field === "partyId" ? foreign.party : foreign.issue),
      prepare: async () => (sharedRound ??= await openRound()),
      args: async (id) => [{ workspaceSlug: DEMO, ...sharedRound!, ...codeFields(), [field]: id }],
    }),
  ),
  {
    action: "closeCodingRoundAction",
    field: "roundId",
    foreignId: () => foreign.codingRound,
    args: async (id) => [{ workspaceSlug: DEMO, roundId: id }],
  },
  {
    action: "rebaseProposalAction",
    field: "proposalId",
    foreignId: () => foreign.proposal,
    args: async (id) => [{ workspaceSlug: DEMO, proposalId: id }],
  },
  {
    action: "retractStatementAction",
    field: "statementId",
    foreignId: () => foreign.statement,
    args: async (id) => [{ workspaceSlug: DEMO, statementId: id, baseVersion: 1, reason: "IDOR probe" }],
  },
  {
    action: "correctDocumentAction",
    field: "documentId",
    foreignId: () => foreign.document,
    args: async (id) => [
      {
        workspaceSlug: DEMO,
        documentId: id,
        baseRevision: foreign.revisionNumber,
        text: `Policy IDOR text ${run}\n`,
        note: "IDOR probe",
      },
    ],
  },
  {
    action: "dismissSuggestionAction",
    field: "revisionId",
    foreignId: () => foreign.revision,
    args: async (id) => [{ workspaceSlug: DEMO, revisionId: id, startOffset: 0, endOffset: 4 }],
  },
  {
    action: "markAnchorReviewedAction",
    field: "evidenceId",
    foreignId: () => foreign.anchorEvidence,
    args: async (id) => [{ workspaceSlug: DEMO, evidenceId: id, revisionId: foreign.anchorRevision }],
  },
  {
    action: "markAnchorReviewedAction",
    field: "revisionId",
    foreignId: () => foreign.anchorRevision,
    args: async (id) => [{ workspaceSlug: DEMO, evidenceId: foreign.anchorEvidence, revisionId: id }],
  },
  {
    action: "setDocumentLanguageAction",
    field: "documentId",
    foreignId: () => foreign.document,
    args: async (id) => [{ workspaceSlug: DEMO, documentId: id, language: "en", translationOfId: null }],
  },
  {
    action: "setDocumentLanguageAction",
    field: "translationOfId",
    foreignId: () => foreign.document,
    args: async (id) => [{ workspaceSlug: DEMO, documentId: probe.documentId, language: "en", translationOfId: id }],
  },
  {
    action: "pairQuoteAction",
    field: "originalId",
    foreignId: () => foreign.evidence,
    args: async (id) => [{ workspaceSlug: DEMO, originalId: id, documentId: probe.documentId, exact: "word for word" }],
  },
  {
    action: "pairQuoteAction",
    field: "documentId",
    foreignId: () => foreign.document,
    args: async (id) => [{ workspaceSlug: DEMO, originalId: demoEvidence, documentId: id, exact: "word for word" }],
  },
  {
    action: "pairQuoteAction",
    field: "translationId",
    foreignId: () => foreign.evidence,
    args: async (id) => [
      { workspaceSlug: DEMO, originalId: demoEvidence, documentId: probe.documentId, translationId: id },
    ],
  },
  {
    action: "unpairQuoteAction",
    field: "evidenceId",
    foreignId: () => foreign.evidence,
    args: async (id) => [{ workspaceSlug: DEMO, evidenceId: id }],
  },
  {
    action: "linkEvidenceAction",
    field: "evidenceId",
    foreignId: () => foreign.evidence,
    args: async (id) => [
      { workspaceSlug: DEMO, evidenceId: id, statementId: (await freshStatement()).statementId, relation: "SUPPORTS" },
    ],
  },
  {
    action: "linkEvidenceAction",
    field: "statementId",
    foreignId: () => foreign.statement,
    args: async (id) => [{ workspaceSlug: DEMO, evidenceId: probe.evidenceId, statementId: id, relation: "SUPPORTS" }],
  },
  {
    action: "createEvidenceAction",
    field: "documentId",
    foreignId: () => foreign.document,
    args: async (id) => [{ ...(await probeEvidenceInput()), documentId: id, revisionId: foreign.revision }],
  },
  {
    action: "createEvidenceAction",
    field: "revisionId",
    foreignId: () => foreign.revision,
    args: async (id) => [{ ...(await probeEvidenceInput()), revisionId: id }],
  },
  {
    action: "createEvidenceAction",
    field: "speakerId",
    foreignId: () => foreign.person,
    args: async (id) => [{ ...(await probeEvidenceInput()), speakerId: id }],
  },
  {
    action: "createEvidenceAction",
    field: "partyId",
    foreignId: () => foreign.party,
    args: async (id) => [
      {
        ...(await probeEvidenceInput()),
        speakerId: null,
        newSpeaker: { name: `Policy IDOR speaker ${run}`, role: "", partyId: id, organisation: "" },
      },
    ],
  },
  {
    action: "createEvidenceAction",
    field: "statementId",
    foreignId: () => foreign.statement,
    args: async (id) => [{ ...(await probeEvidenceInput()), links: [{ statementId: id, relation: "SUPPORTS" }] }],
  },
  {
    action: "updatePersonAction",
    field: "personId",
    foreignId: () => foreign.person,
    args: async (id) => [personUpdate(id, `Policy IDOR ${run}`)],
  },
  {
    action: "updatePersonAction",
    field: "partyId",
    foreignId: () => foreign.party,
    args: async (id) => [
      {
        workspaceSlug: DEMO,
        personId: probe.personId,
        name: `Policy speaker IDOR ${run}`,
        aliases: [],
        role: "",
        partyId: id,
        organisation: "",
      },
    ],
  },
  {
    action: "mergePeopleAction",
    field: "keepId",
    foreignId: () => foreign.person,
    prepare: async () => (sharedPerson = await freshPerson()),
    args: async (id) => [{ workspaceSlug: DEMO, keepId: id, mergeId: sharedPerson! }],
  },
  {
    action: "mergePeopleAction",
    field: "mergeId",
    foreignId: () => foreign.person,
    args: async (id) => [{ workspaceSlug: DEMO, keepId: probe.personId, mergeId: id }],
  },
  {
    action: "createEventAction",
    field: "partyIds",
    foreignId: () => foreign.party,
    args: async (id) => [{ workspaceSlug: DEMO, ...eventFields(`Policy IDOR event ${run}`), partyIds: [id] }],
  },
  {
    action: "createEventAction",
    field: "documentIds",
    foreignId: () => foreign.document,
    args: async (id) => [{ workspaceSlug: DEMO, ...eventFields(`Policy IDOR event ${run}`), documentIds: [id] }],
  },
  {
    action: "updateEventAction",
    field: "eventId",
    foreignId: () => foreign.event,
    args: async (id) => [{ workspaceSlug: DEMO, eventId: id, ...eventFields(`Policy IDOR event ${run}`) }],
  },
  {
    action: "updateEventAction",
    field: "partyIds",
    foreignId: () => foreign.party,
    prepare: async () => (sharedEvent = await freshEvent()),
    args: async (id) => [
      { workspaceSlug: DEMO, eventId: sharedEvent!, ...eventFields(`Policy IDOR event ${run}`), partyIds: [id] },
    ],
  },
  {
    action: "updateEventAction",
    field: "documentIds",
    foreignId: () => foreign.document,
    prepare: async () => (sharedEvent = await freshEvent()),
    args: async (id) => [
      { workspaceSlug: DEMO, eventId: sharedEvent!, ...eventFields(`Policy IDOR event ${run}`), documentIds: [id] },
    ],
  },
  {
    action: "deleteEventAction",
    field: "eventId",
    foreignId: () => foreign.event,
    args: async (id) => [{ workspaceSlug: DEMO, eventId: id }],
  },
  ...(["partyId", "documentId", "answersId"] as const).map((field) => ({
    action: "createNegotiationProposalAction",
    field,
    foreignId: () =>
      field === "partyId" ? foreign.party : field === "documentId" ? foreign.document : foreign.negotiationProposal,
    args: async (id: string) => [
      { workspaceSlug: DEMO, ...(await proposalFields(`Policy IDOR proposal ${run}`)), [field]: id },
    ],
  })),
  {
    action: "deleteNegotiationProposalAction",
    field: "proposalId",
    foreignId: () => foreign.negotiationProposal,
    args: async (id) => [{ workspaceSlug: DEMO, proposalId: id }],
  },
  {
    action: "addProvisionAction",
    field: "proposalId",
    foreignId: () => foreign.negotiationProposal,
    args: async (id) => [provisionInput(id)],
  },
  {
    action: "addProvisionAction",
    field: "issueIds",
    foreignId: () => foreign.issue,
    prepare: async () => (sharedProposal = await freshNegotiationProposal()),
    args: async (id) => [{ ...provisionInput(sharedProposal!), issueIds: [id] }],
  },
  {
    action: "addProvisionAction",
    field: "answersProvisionIds",
    foreignId: () => foreign.provision,
    prepare: async () => (sharedProposal = await freshNegotiationProposal()),
    args: async (id) => [{ ...provisionInput(sharedProposal!), answersProvisionIds: [id] }],
  },
  {
    action: "addProvisionAction",
    field: "revisionId",
    foreignId: () => foreign.revision,
    prepare: async () => (sharedProposal = await freshNegotiationProposal()),
    args: async (id) => [
      {
        ...provisionInput(sharedProposal!),
        passage: {
          by: "selection",
          revisionId: id,
          startOffset: 0,
          endOffset: 6,
          exact: "Moscow",
          prefix: "",
          suffix: " skeptical",
        },
      },
    ],
  },
  {
    action: "removeProvisionAction",
    field: "provisionId",
    foreignId: () => foreign.provision,
    args: async (id) => [{ workspaceSlug: DEMO, provisionId: id }],
  },
  {
    action: "createIssueLinkAction",
    field: "firstIssueId",
    foreignId: () => foreign.issue,
    args: async (id) => [{ workspaceSlug: DEMO, ...issueLinkFields(), firstIssueId: id }],
  },
  {
    action: "createIssueLinkAction",
    field: "secondIssueId",
    foreignId: () => foreign.issue,
    args: async (id) => [{ workspaceSlug: DEMO, ...issueLinkFields(), secondIssueId: id }],
  },
  {
    action: "createIssueLinkAction",
    field: "partyId",
    foreignId: () => foreign.party,
    args: async (id) => [{ workspaceSlug: DEMO, ...issueLinkFields(), partyId: id }],
  },
  {
    action: "deleteIssueLinkAction",
    field: "issueLinkId",
    foreignId: () => foreign.issueLink,
    args: async (id) => [{ workspaceSlug: DEMO, issueLinkId: id }],
  },
  {
    action: "followCellAction",
    field: "issueId",
    foreignId: () => foreign.issue,
    args: async (id) => [{ workspaceSlug: DEMO, issueId: id, partyId: demoParty }],
  },
  {
    action: "followCellAction",
    field: "partyId",
    foreignId: () => foreign.party,
    args: async (id) => [{ workspaceSlug: DEMO, issueId: probeIssues[0], partyId: id }],
  },
  {
    action: "unfollowCellAction",
    field: "issueId",
    foreignId: () => foreign.issue,
    args: async (id) => [{ workspaceSlug: DEMO, issueId: id, partyId: demoParty }],
  },
  {
    action: "unfollowCellAction",
    field: "partyId",
    foreignId: () => foreign.party,
    args: async (id) => [{ workspaceSlug: DEMO, issueId: probeIssues[0], partyId: id }],
  },
  // Someone else's notification, in a workspace the caller cannot see.
  {
    action: "markNotificationReadAction",
    field: "notificationId",
    quiet: true,
    foreignId: () => foreign.notification,
    args: async (id) => [{ notificationId: id }],
  },
  {
    action: "postCommentAction",
    field: "evidenceId",
    foreignId: () => foreign.evidence,
    args: async (id) => [{ workspaceSlug: DEMO, evidenceId: id, body: "IDOR probe", mentionUserIds: [] }],
  },
  {
    action: "postCommentAction",
    field: "statementId",
    foreignId: () => foreign.statement,
    args: async (id) => [{ workspaceSlug: DEMO, statementId: id, body: "IDOR probe", mentionUserIds: [] }],
  },
  {
    action: "postCommentAction",
    field: "proposalId",
    foreignId: () => foreign.proposal,
    args: async (id) => [{ workspaceSlug: DEMO, proposalId: id, body: "IDOR probe", mentionUserIds: [] }],
  },
  {
    action: "replyToCommentAction",
    field: "commentId",
    foreignId: () => foreign.comment,
    args: async (id) => [{ workspaceSlug: DEMO, commentId: id, body: "IDOR probe", mentionUserIds: [] }],
  },
  {
    action: "editCommentAction",
    field: "commentId",
    foreignId: () => foreign.comment,
    args: async (id) => [{ workspaceSlug: DEMO, commentId: id, body: "IDOR probe", mentionUserIds: [] }],
  },
  {
    action: "deleteCommentAction",
    field: "commentId",
    foreignId: () => foreign.comment,
    args: async (id) => [{ workspaceSlug: DEMO, commentId: id }],
  },
  {
    action: "resolveThreadAction",
    field: "commentId",
    foreignId: () => foreign.comment,
    args: async (id) => [{ workspaceSlug: DEMO, commentId: id }],
  },
  {
    action: "reopenThreadAction",
    field: "commentId",
    foreignId: () => foreign.comment,
    args: async (id) => [{ workspaceSlug: DEMO, commentId: id }],
  },
  {
    action: "revokeShareLinkAction",
    field: "shareLinkId",
    foreignId: () => foreign.shareLink,
    args: async (id) => [{ workspaceSlug: DEMO, shareLinkId: id }],
  },
  {
    action: "revokeApiTokenAction",
    field: "tokenId",
    foreignId: () => foreign.apiToken,
    args: async (id) => [{ tokenId: id }],
  },
  {
    action: "revokeInvitationAction",
    field: "invitationId",
    foreignId: () => foreign.invitation,
    args: async (id) => [{ workspaceSlug: DEMO, invitationId: id }],
  },
  {
    action: "changeMemberRoleAction",
    field: "userId",
    foreignId: () => foreign.user,
    args: async (id) => [{ workspaceSlug: DEMO, userId: id, role: "VIEWER" }],
  },
  {
    action: "removeMemberAction",
    field: "userId",
    foreignId: () => foreign.user,
    args: async (id) => [{ workspaceSlug: DEMO, userId: id }],
  },
];

/** A refused call: a serverError, or an expected failure returned as data ({ ok: false, … }). */
function isRefusal(reply: ActionReply): boolean {
  const result = outcome(reply);
  return (
    result.validationErrors === undefined &&
    (result.serverError !== undefined || (result.data as { ok?: boolean } | undefined)?.ok === false)
  );
}

/** What a caller can observe of a reply: status, redirect, and the value with the probed id blanked. */
function observable(reply: ActionReply, probe: string) {
  return {
    status: reply.status,
    redirect: reply.redirect,
    result: JSON.parse(JSON.stringify(reply.result ?? null).replaceAll(probe, "PROBE")),
  };
}

describe("another workspace's ids, used by the demo workspace's owner", () => {
  it("are probed for every id field the policy table lists", () => {
    const probed = (action: string, field: string) =>
      IDOR_PROBES.some((p) => p.action === action && p.field === field) ||
      (field === "mentionUserIds" && MENTIONING_ACTIONS.includes(action));
    const missing = Object.entries(ACTION_POLICY).flatMap(([action, row]) =>
      row.idFields.filter((field) => !probed(action, field)).map((field) => `${action}.${field}`),
    );
    expect(missing).toEqual([]);
  });

  it.each(IDOR_PROBES.map((p, i) => [`${p.action} (${p.field}, probe ${i + 1})`, p] as const))(
    "%s: same answer as a missing id, nothing written",
    async (_label, probe) => {
      await probe.prepare?.();
      const missingId = randomUUID();
      const foreignArgs = await probe.args(probe.foreignId());
      const missingArgs = await probe.args(missingId);
      const before = await tableStamps();
      const withForeign = await callAction(probe.action, foreignArgs, callers.get("owner"));
      const withMissing = await callAction(probe.action, missingArgs, callers.get("owner"));
      expect(await tableStamps()).toEqual(before);
      expect(observable(withForeign, probe.foreignId())).toEqual(observable(withMissing, missingId));
      // And it is a refusal, not a success that happened to look alike.
      if (!probe.quiet) expect(isRefusal(withForeign), JSON.stringify(withForeign.result)).toBe(true);
    },
  );

  it.each(
    Object.keys(ACTION_POLICY).filter(
      (name) => ACTION_POLICY[name]!.policy.owner === "allow" && ACTION_POLICY[name]!.policy.nonmember === "deny",
    ),
  )("%s with the other workspace's slug answers as for a missing workspace", async (name) => {
    const [input, ...rest] = await INPUTS[name]!("owner");
    const missingSlug = `policy-missing-${run}`;
    const before = await tableStamps();
    const withForeign = await callAction(
      name,
      [{ ...(input as object), workspaceSlug: other.slug }, ...rest],
      callers.get("owner"),
    );
    const withMissing = await callAction(
      name,
      [{ ...(input as object), workspaceSlug: missingSlug }, ...rest],
      callers.get("owner"),
    );
    expect(await tableStamps()).toEqual(before);
    expect(outcome(withForeign).serverError).toMatchObject({ code: "not_found" });
    expect(observable(withForeign, other.slug)).toEqual(observable(withMissing, missingSlug));
  });

  it.each(["matrix", "evidence", "convergence"])(
    "GET /api/w/<other workspace>/%s answers as for a missing workspace",
    async (resource) => {
      const owner = callers.get("owner")!;
      const foreignResponse = await fetchAs(owner, `/api/w/${other.slug}/${resource}`);
      const missingResponse = await fetchAs(owner, `/api/w/policy-missing-${run}/${resource}`);
      expect(foreignResponse.status).toBe(404);
      expect(missingResponse.status).toBe(404);
      expect(await foreignResponse.text()).toBe(await missingResponse.text());
    },
  );

  const pages: [string, () => [string, string], (id: string) => string][] = [
    ["the workspace page", () => [other.slug, `policy-missing-${run}`], (slug) => `/w/${slug}`],
    ["the members page", () => [other.slug, `policy-missing-${run}`], (slug) => `/w/${slug}/members`],
    ["the events page", () => [other.slug, `policy-missing-${run}`], (slug) => `/w/${slug}/events`],
    ["the proposals page", () => [other.slug, `policy-missing-${run}`], (slug) => `/w/${slug}/proposals`],
    ["a proposal page", () => [foreign.negotiationProposal, randomUUID()], (id) => `/w/${DEMO}/proposals/${id}`],
    ["an evidence page", () => [foreign.evidence, randomUUID()], (id) => `/w/${DEMO}/evidence/${id}`],
    ["a document page", () => [foreign.document, randomUUID()], (id) => `/w/${DEMO}/documents/${id}`],
    ["a coding round page", () => [foreign.codingRound, randomUUID()], (id) => `/w/${DEMO}/review/rounds/${id}`],
    ["a reconcile page", () => [foreign.codingRound, randomUUID()], (id) => `/w/${DEMO}/review/rounds/${id}/reconcile`],
    [
      "a cell history page",
      () => [`${foreign.issue}/${foreign.party}`, `${randomUUID()}/${randomUUID()}`],
      (ids) => `/w/${DEMO}/cells/${ids}`,
    ],
  ];

  it.each(pages)("%s of the other workspace is the same 404 as a missing one", async (_label, ids, url) => {
    const [foreignId, missingId] = ids();
    const owner = callers.get("owner")!;
    const foreignPage = await pageAs(owner, url(foreignId), foreignId);
    const missingPage = await pageAs(owner, url(missingId), missingId);
    expect(foreignPage.status).toBe(404);
    expect(missingPage.status).toBe(404);
    expect(foreignPage.rows).toEqual(missingPage.rows);
  });

  // Mentions are not refused but filtered: an outsider named in a comment hears nothing of it.
  it.each(MENTIONING_ACTIONS)(
    "%s mentioning someone outside the workspace notifies no one and records no mention",
    async (name) => {
      // A member is mentioned alongside, to show mentions do work: only the outsider is dropped.
      const [outsider, member] = await Promise.all(
        [foreign.user, users.commenter.id].map((id) =>
          db().user.findUniqueOrThrow({ where: { id }, select: { name: true } }),
        ),
      );
      const body = `Policy mention of @${outsider!.name} and @${member!.name} ${next()}`;
      const mentionUserIds = [foreign.user, users.commenter.id];
      const input =
        name === "postCommentAction"
          ? { workspaceSlug: DEMO, evidenceId: demoEvidence, body, mentionUserIds }
          : {
              workspaceSlug: DEMO,
              commentId: name === "editCommentAction" ? await ownComment("owner") : probe.threadId,
              body,
              mentionUserIds,
            };
      const notified = (userId: string) =>
        db().notification.count({ where: { userId, kind: NotificationKind.MENTION } });
      const [outsiderBefore, memberBefore] = [await notified(foreign.user), await notified(users.commenter.id)];
      const reply = await callAction(name, [input], callers.get("owner"));
      expect(outcome(reply).serverError).toBeUndefined();
      const commentId = (outcome(reply).data as { commentId: string }).commentId;
      expect(await notified(foreign.user)).toBe(outsiderBefore);
      expect(await notified(users.commenter.id)).toBe(memberBefore + 1);
      expect(
        (await db().commentMention.findMany({ where: { commentId }, select: { userId: true } })).map((m) => m.userId),
      ).toEqual([users.commenter.id]);
    },
  );

  it("while the owner's own evidence page answers 200 (the 404s above are not a broken page)", async () => {
    const response = await fetchAs(callers.get("owner"), `/w/${DEMO}/evidence/${demoEvidence}`);
    expect(response.status).toBe(200);
  });
});

// ---------------------------------------------------------------- archived workspaces

describe("an archived workspace", () => {
  const LIFECYCLE = new Set(["archiveWorkspaceAction", "restoreWorkspaceAction", "deleteWorkspaceAction"]);
  let archivedSlug: string;

  beforeAll(async () => {
    archivedSlug = await roleWorkspace("archived");
    await db().workspace.update({ where: { slug: archivedSlug }, data: { archivedAt: new Date() } });
  });

  it.each(
    Object.keys(ACTION_POLICY).filter(
      (name) =>
        ACTION_POLICY[name]!.policy.owner === "allow" &&
        // Writes to the workspace; following a cell is a reader's own subscription, not a change.
        ACTION_POLICY[name]!.policy.viewer === "deny" &&
        ACTION_POLICY[name]!.policy.nonmember === "deny" &&
        !LIFECYCLE.has(name),
    ),
  )("%s is refused there, even for its owner, and writes nothing", async (name) => {
    const [input, ...rest] = await INPUTS[name]!("owner");
    const before = await tableStamps();
    const reply = await callAction(
      name,
      [{ ...(input as object), workspaceSlug: archivedSlug }, ...rest],
      callers.get("owner"),
    );
    expect(await tableStamps()).toEqual(before);
    expect(outcome(reply).serverError).toMatchObject({ code: "archived", message: expect.stringMatching(/archived/) });
  });

  it("still answers reads, and refuses the document import route with a clear message", async () => {
    const viewer = callers.get("viewer")!;
    expect((await fetchAs(viewer, `/api/w/${archivedSlug}/matrix`)).status).toBe(200);
    expect((await fetchAs(viewer, `/w/${archivedSlug}`)).status).toBe(200);
    const before = await tableStamps();
    const response = await fetchAs(callers.get("owner"), `/api/w/${archivedSlug}/documents`, {
      method: "POST",
      headers: { "Content-Type": "application/json", Origin: baseUrl },
      body: JSON.stringify({ title: `Policy archived import ${run}`, text: `Archived ${randomUUID()}.\n` }),
    });
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ error: "archived" });
    expect(await tableStamps()).toEqual(before);
  });
});

// ---------------------------------------------------------------- share links

describe("a read-only share link", () => {
  it("shows the workspace to a visitor while valid; revoked, expired and made-up tokens are the same 404", async () => {
    const visitor = callers.get("anonymous")!;
    const link = async () => {
      const created = await createShareLink(asOwner(), {
        label: `Policy share ${next()}`,
        asOf: "2022-02-16",
        expiresInDays: 1,
      });
      return { ...created, token: created.path.split("/").pop()! };
    };
    const valid = await link();
    const page = await fetchAs(visitor, valid.path);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("Read-only view");

    const revoked = await link();
    await db().shareLink.update({ where: { id: revoked.id }, data: { revokedAt: new Date() } });
    const expired = await link();
    await db().shareLink.update({ where: { id: expired.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const madeUp = randomBytes(32).toString("base64url");
    const answers = await Promise.all(
      [revoked.token, expired.token, madeUp].map((token) => pageAs(visitor, `/s/${token}`, token)),
    );
    for (const answer of answers) expect(answer.status).toBe(404);
    expect(answers[0]!.rows).toEqual(answers[2]!.rows);
    expect(answers[1]!.rows).toEqual(answers[2]!.rows);
  });

  it("opens a quote of a shared cell; one of another workspace, or off the matrix as of the link's date, is the same 404 as a missing one", async () => {
    const visitor = callers.get("anonymous")!;
    const asOf = "2022-02-16";
    const token = async (date: string) => {
      const created = await createShareLink(asOwner(), {
        label: `Policy share ${next()}`,
        asOf: date,
        expiresInDays: 1,
      });
      return created.path.split("/").pop()!;
    };
    const [shared, early] = await Promise.all([token(asOf), token("2000-01-01")]);
    const matrix = await getMatrix(asOwner(), asOf);
    const quote = matrix.cells.flatMap((cell) => cell.statement?.links ?? [])[0]!.evidenceId;
    const opened = await fetchAs(visitor, `/s/${shared}/evidence/${quote}`);
    expect(opened.status).toBe(200);
    expect(await opened.text()).toContain("The quote in context");

    const missing = randomUUID();
    const [foreignQuote, offMatrix, missingQuote] = await Promise.all([
      pageAs(visitor, `/s/${shared}/evidence/${foreign.evidence}`, `${shared}/${foreign.evidence}`),
      pageAs(visitor, `/s/${early}/evidence/${quote}`, `${early}/${quote}`),
      pageAs(visitor, `/s/${shared}/evidence/${missing}`, `${shared}/${missing}`),
    ]);
    for (const answer of [foreignQuote, offMatrix, missingQuote]) expect(answer.status).toBe(404);
    expect(foreignQuote.rows).toEqual(missingQuote.rows);
    expect(offMatrix.rows).toEqual(missingQuote.rows);
  });

  it("gives no access to the workspace's API or pages", async () => {
    const valid = await createShareLink(asOwner(), { label: "Policy share, API", asOf: null, expiresInDays: 1 });
    const visitor: Caller = { jar: new Map(callers.get("anonymous")!.jar) };
    expect((await fetchAs(visitor, valid.path)).status).toBe(200);
    expect((await fetchAs(visitor, `/api/w/${DEMO}/matrix`)).status).toBe(401);
    const workspacePage = await fetchAs(visitor, `/w/${DEMO}`);
    expect(workspacePage.status).toBe(307);
    expect(new URL(workspacePage.headers.get("location")!, baseUrl).pathname).toBe("/sign-in");
  });
});

// ---------------------------------------------------------------- cross-origin and sessionless calls

describe("a server action called from another origin", () => {
  it.each(builtActions.map((a) => a.name))("%s is refused and writes nothing", async (name) => {
    const args = await INPUTS[name]!("owner");
    const before = await tableStamps();
    const reply = await callAction(name, args, callers.get("owner"), EVIL_ORIGIN);
    expect(await tableStamps()).toEqual(before);
    expect(reply.status).toBeGreaterThanOrEqual(400);
    expect(outcome(reply).data).toBeUndefined();
    expect(outcome(reply).$error).toBeDefined();
    expect(reply.redirect).toBeNull();
  });

  it("signInAction with correct credentials from another origin signs no one in (login CSRF)", async () => {
    const form = new FormData();
    form.set("email", users.owner.email);
    form.set("password", PASSWORD);
    form.set("callbackUrl", "/");
    const reply = await callAction("signInAction", [{}, form], undefined, EVIL_ORIGIN);
    expect(reply.status).toBeGreaterThanOrEqual(400);
    expect(reply.redirect).toBeNull();
    expect(reply.setCookies.filter((c) => c.startsWith(`${SESSION_COOKIE}=`))).toEqual([]);
    // The same call from the app's own origin does sign in: the refusal above is the Origin check.
    const sameOrigin = await callAction("signInAction", [{}, form], undefined);
    expect(sameOrigin.setCookies.filter((c) => c.startsWith(`${SESSION_COOKIE}=`))).toHaveLength(1);
  });

  // Route handlers get no built-in Origin check, unlike server actions: a cross-origin "simple"
  // POST (text/plain, so no CORS preflight) carrying the session cookie must still be refused.
  it("POST /api/w/[slug]/documents from another origin is refused and writes nothing", async () => {
    const before = await tableStamps();
    const response = await fetchAs(callers.get("owner"), `/api/w/${DEMO}/documents`, {
      method: "POST",
      headers: { "Content-Type": "text/plain", Origin: EVIL_ORIGIN },
      body: JSON.stringify({
        title: `Policy cross-origin import ${run}`,
        text: `Imported from another origin ${randomUUID()}.\n`,
      }),
    });
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(await tableStamps()).toEqual(before);
  });

  it("POST /api/workspaces from another origin is refused and creates nothing", async () => {
    const before = await tableStamps();
    const response = await fetchAs(callers.get("owner"), "/api/workspaces", {
      method: "POST",
      headers: { "Content-Type": "text/plain", Origin: EVIL_ORIGIN },
      body: JSON.stringify({ title: "Policy cross-origin workspace", slug: `policy-cross-${run}` }),
    });
    expect(response.status).toBe(403);
    expect(await tableStamps()).toEqual(before);
  });

  it("leaves the owner's session working (a refused sign-out-everywhere did not run)", async () => {
    const response = await fetchAs(callers.get("owner"), `/api/w/${DEMO}/matrix`);
    expect(response.status).toBe(200);
  });
});

describe("a server action without a valid session", () => {
  it.each(Object.keys(ACTION_POLICY).filter((name) => ACTION_POLICY[name]!.policy.anonymous === "deny"))(
    "%s with a forged session cookie is refused as unauthenticated",
    async (name) => {
      const args = await INPUTS[name]!("owner");
      const forged: Caller = { jar: new Map([[SESSION_COOKIE, randomBytes(200).toString("base64url")]]) };
      const before = await tableStamps();
      const reply = await callAction(name, args, forged);
      expect(await tableStamps()).toEqual(before);
      expect(outcome(reply).serverError).toMatchObject({ code: "unauthenticated" });
    },
  );
});

// ---------------------------------------------------------------- headers and cookies

function directives(csp: string): Map<string, string[]> {
  return new Map(
    csp
      .split(";")
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...values]) => [name!.toLowerCase(), values]),
  );
}

describe("security headers", () => {
  it.each([
    ["the sign-in page, signed out", "/sign-in", "anonymous"],
    ["the matrix, signed in", `/w/${DEMO}`, "owner"],
  ] as const)(
    "%s: a nonce-based CSP without 'unsafe-inline' scripts, no framing, no plugins, no <base>, and a referrer policy",
    async (_label, pathname, subject) => {
      const response = await fetchAs(callers.get(subject), pathname);
      expect(response.status).toBe(200);
      const csp = response.headers.get("content-security-policy");
      expect(csp).toBeTruthy();
      const policy = directives(csp!);
      const scriptSrc = policy.get("script-src") ?? policy.get("default-src") ?? [];
      const nonce = scriptSrc.find((v) => /^'nonce-[A-Za-z0-9+/=_-]{16,}'$/.test(v));
      expect(nonce, `script-src: ${scriptSrc.join(" ")}`).toBeDefined();
      expect(scriptSrc).not.toContain("'unsafe-inline'");
      expect(scriptSrc).not.toContain("'unsafe-eval'");
      expect(policy.get("frame-ancestors")).toEqual(["'none'"]);
      expect(policy.get("object-src")).toEqual(["'none'"]);
      expect(policy.get("base-uri")).toEqual(["'none'"]);
      expect(response.headers.get("referrer-policy")).toBeTruthy();
      // Every script the page ships carries this response's nonce.
      const html = await response.text();
      const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
      expect(scripts.length).toBeGreaterThan(0);
      expect(scripts.filter((tag) => !tag.includes(`nonce="${nonce!.slice(7, -1)}"`))).toEqual([]);
    },
  );

  it("a fresh nonce on every response", async () => {
    const nonces = await Promise.all(
      [1, 2, 3].map(
        async () =>
          /'nonce-([^']+)'/.exec(
            (await fetchAs(undefined, "/sign-in")).headers.get("content-security-policy") ?? "",
          )?.[1],
      ),
    );
    expect(new Set(nonces).size).toBe(3);
  });

  it("the session cookie is __Host-, HttpOnly, Secure, SameSite=Lax, host-only for path /", () => {
    const [pair, ...attributes] = ownerSessionSetCookie.split(";").map((part) => part.trim());
    const name = pair!.slice(0, pair!.indexOf("="));
    const flags = new Map(
      attributes.map((a) => [a.split("=")[0]!.toLowerCase(), a.split("=").slice(1).join("=")] as const),
    );
    expect(name).toBe(SESSION_COOKIE);
    expect(name.startsWith("__Host-")).toBe(true);
    expect(flags.has("httponly")).toBe(true);
    expect(flags.has("secure")).toBe(true);
    expect(flags.get("samesite")?.toLowerCase()).toBe("lax");
    expect(flags.get("path")).toBe("/");
    expect(flags.has("domain")).toBe(false);
  });
});

/** The table's size, for the report: rows × callers. */
describe("summary", () => {
  it("covers every action and route for every kind of caller", () => {
    const rows = Object.keys(ACTION_POLICY).length + Object.keys(ROUTE_POLICY).length;
    console.log(
      `policy table: ${Object.keys(ACTION_POLICY).length} actions + ${Object.keys(ROUTE_POLICY).length} route methods = ${rows} rows × ${SUBJECTS.length} callers = ${rows * SUBJECTS.length} cells; ${IDOR_PROBES.length} IDOR probes`,
    );
    expect(rows).toBe(
      new Set([...builtActions.map((a) => a.name), ...Object.keys(ACTION_POLICY)]).size + routes.length,
    );
  });
});
