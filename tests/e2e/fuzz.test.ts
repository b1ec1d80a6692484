import { randomBytes, randomUUID } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startCodingRound } from "@/lib/coding/mutations";
import { postComment } from "@/lib/comments/mutations";
import { correctDocument } from "@/lib/documents/mutations";
import { NotificationKind, Role } from "@/lib/generated/prisma/enums";
import { createInvitation } from "@/lib/members/mutations";
import { db } from "@/lib/platform/db/client";
import { unwrap } from "@/lib/platform/errors";
import { proposeEdit } from "@/lib/review/mutations";
import { createShareLink } from "@/lib/share/mutations";
import { createUserWithPassword } from "@/lib/users/mutations";
import { trustedWorkspace } from "@/lib/workspaces/access";
import { securityGuarantees } from "@/prisma/demo/security-guarantees";
import { type LoadedWorkspace, loadWorkspaceFixture } from "@/tests/support/fixture/load";
import { type ActionReply, type Caller, callAction, fetchAs, outcome, signInOverHttp, tableStamps } from "./http";

// Property-based fuzzing of every server action and JSON route that writes, over HTTP against the
// built app: valid inputs with one to three fields swapped for hostile values (control characters,
// lone surrogates, 1 MB strings, wrong types, another workspace's ids, numbers beyond int4, dates
// in year 0000), and bodies of the wrong shape altogether. No answer may be a 5xx or an
// internal_error, and a refused call must leave every table as it was. The fuzzer signs in as the
// owner of a workspace of its own, so what it is allowed to change touches no other test's data.
// Every run draws fresh inputs (the seed is in the report), so coverage grows from run to run;
// PARLEY_FUZZ_SEED replays a run and PARLEY_FUZZ_RUNS scales it (15 per action by default).

const run = randomUUID().slice(0, 8);
const PASSWORD = `fuzz-${randomBytes(12).toString("base64url")}`;
const SEED = Number(process.env.PARLEY_FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));
const RUNS = Number(process.env.PARLEY_FUZZ_RUNS ?? 15);
const report = path.join(process.cwd(), "test-results", "fuzz-report.json");

let own: LoadedWorkspace;
let other: LoadedWorkspace;
let owner: Caller;
const ids = {} as Record<
  | "issue"
  | "party"
  | "statement"
  | "evidence"
  | "document"
  | "revision"
  | "person"
  | "person2"
  | "comment"
  | "target"
  | "invitation"
  | "shareLink"
  | "notification"
  | "proposal"
  | "owner"
  | "codingRound"
  | "codingEvidence",
  string
> & { revisionNumber: number };
const foreign: string[] = [];

beforeAll(async () => {
  const user = await createUserWithPassword({
    email: `fuzz-${run}@parley.test`,
    name: "Fuzz owner",
    password: PASSWORD,
  });
  const target = await createUserWithPassword({
    email: `fuzz-target-${run}@parley.test`,
    name: "Fuzz target",
    password: PASSWORD,
  });
  const stranger = await createUserWithPassword({
    email: `fuzz-other-${run}@parley.test`,
    name: "Fuzz other",
    password: PASSWORD,
  });
  own = await loadWorkspaceFixture(
    { ...securityGuarantees, title: `Fuzz workspace ${run}` },
    {
      slug: `fuzz-own-${run}`,
      members: [
        { userId: user.id, role: Role.OWNER },
        { userId: target.id, role: Role.EDITOR },
      ],
      createdById: user.id,
    },
  );
  other = await loadWorkspaceFixture(
    { ...securityGuarantees, title: `Fuzz other workspace ${run}` },
    { slug: `fuzz-other-${run}`, members: [{ userId: stranger.id, role: Role.OWNER }], createdById: stranger.id },
  );
  owner = (await signInOverHttp(`fuzz-${run}@parley.test`, PASSWORD)).caller;

  const first = async (workspaceId: string) => {
    const [issue, party, statement, evidence, person] = await Promise.all([
      db().issue.findFirstOrThrow({ where: { workspaceId }, select: { id: true } }),
      db().party.findFirstOrThrow({ where: { workspaceId }, select: { id: true } }),
      db().stanceStatement.findFirstOrThrow({ where: { workspaceId }, select: { id: true } }),
      db().evidence.findFirstOrThrow({
        where: { workspaceId, speakerId: { not: null } },
        select: { id: true, documentId: true, revisionId: true, speakerId: true },
      }),
      db().person.findMany({ where: { workspaceId }, select: { id: true }, take: 2 }),
    ]);
    return { issue, party, statement, evidence, person };
  };
  const mine = await first(own.id);
  const theirs = await first(other.id);
  const asOwner = trustedWorkspace(own, user.id);
  const asStranger = trustedWorkspace(other, stranger.id);
  const comment = unwrap(
    await postComment(asOwner, {
      target: { evidenceId: mine.evidence.id },
      body: `Fuzz thread ${run}`,
      mentionUserIds: [],
    }),
  );
  const theirComment = unwrap(
    await postComment(asStranger, {
      target: { evidenceId: theirs.evidence.id },
      body: `Fuzz other thread ${run}`,
      mentionUserIds: [],
    }),
  );
  const revision = await db().documentRevision.findUniqueOrThrow({
    where: { id: mine.evidence.revisionId },
    select: { number: true, text: true },
  });
  const theirRevision = await correctDocument(asStranger, {
    documentId: theirs.evidence.documentId,
    baseRevision: 1,
    text: `${(await db().documentRevision.findUniqueOrThrow({ where: { id: theirs.evidence.revisionId }, select: { text: true } })).text}\n\nFuzz ${run}.`,
    note: "Fuzz",
  });
  const notification = await db().notification.create({
    data: {
      userId: user.id,
      workspaceId: own.id,
      kind: NotificationKind.REPLY,
      commentId: comment.commentId,
      actorId: target.id,
    },
    select: { id: true },
  });
  const theirNotification = await db().notification.create({
    data: {
      userId: stranger.id,
      workspaceId: other.id,
      kind: NotificationKind.MENTION,
      commentId: theirComment.commentId,
      actorId: stranger.id,
    },
    select: { id: true },
  });
  Object.assign(ids, {
    issue: mine.issue.id,
    party: mine.party.id,
    statement: mine.statement.id,
    evidence: mine.evidence.id,
    document: mine.evidence.documentId,
    revision: mine.evidence.revisionId,
    revisionNumber: revision.number,
    person: mine.person[0]!.id,
    person2: mine.person[1]!.id,
    comment: comment.commentId,
    target: target.id,
    invitation: (await createInvitation(asOwner, { role: Role.VIEWER, expiresInDays: 7 })).id,
    shareLink: (await createShareLink(asOwner, { label: "Fuzz", asOf: null, expiresInDays: 7 })).id,
    notification: notification.id,
    proposal: await fuzzProposal(asOwner, mine),
    owner: user.id,
    ...(await fuzzRound(asOwner, [user.id, target.id])),
  });
  foreign.push(
    theirs.issue.id,
    theirs.party.id,
    theirs.statement.id,
    theirs.evidence.id,
    theirs.evidence.documentId,
    theirRevision.ok ? theirRevision.revisionId : theirs.evidence.revisionId,
    theirs.person[0]!.id,
    theirComment.commentId,
    stranger.id,
    theirNotification.id,
    (await createInvitation(asStranger, { role: Role.VIEWER, expiresInDays: 7 })).id,
    (await createShareLink(asStranger, { label: "Fuzz", asOf: null, expiresInDays: 7 })).id,
    await fuzzProposal(asStranger, theirs),
  );
});

async function fuzzRound(workspace: Parameters<typeof startCodingRound>[0], coderIds: string[]) {
  const result = await startCodingRound(workspace, {
    workspaceSlug: workspace.slug,
    title: "Fuzz round",
    scope: { kind: "sample", size: 2 },
    coderIds,
  });
  if (!result.ok) throw new Error(`could not start a fuzz round: ${result.message}`);
  const unit = await db().codingUnit.findFirstOrThrow({
    where: { roundId: result.roundId },
    select: { evidenceId: true },
  });
  return { codingRound: result.roundId, codingEvidence: unit.evidenceId };
}

async function fuzzProposal(
  workspace: Parameters<typeof proposeEdit>[0],
  cell: { issue: { id: string }; party: { id: string } },
): Promise<string> {
  const result = await proposeEdit(workspace, {
    kind: "RECORD",
    workspaceSlug: workspace.slug,
    issueId: cell.issue.id,
    partyId: cell.party.id,
    baseVersion: 0,
    position: "OPEN",
    summary: "Fuzz proposal",
    statedOn: "2022-01-10",
    links: [],
    rationale: "",
  });
  if (!result.ok) throw new Error(`could not propose: ${result.message}`);
  return result.proposalId;
}

// ---------------------------------------------------------------- hostile values

const CONTROL = [
  ...Array.from({ length: 32 }, (_, i) => String.fromCharCode(i)).filter((c) => c !== "\t" && c !== "\n"),
  "\u007f",
  "\u0085",
  "\u009b",
];
const LONE_SURROGATES = ["\ud800", "\udbff", "\udc00", "\udfff", "a\ud83d", "\ude00b"];
const MEGABYTE = "x".repeat(1_000_000);
// React's decoding of an action body refuses arrays holding over a million characters in all
// with a 500 before any of our code runs (see the report); inside arrays, big strings stay below.
const BIG_IN_ARRAY = "x".repeat(100_000);

/** A string that is valid but for one control character or lone surrogate placed somewhere in it. */
const poisoned = (base: string) =>
  fc
    .tuple(fc.constantFrom(...CONTROL, ...LONE_SURROGATES, "\0", "\r\n"), fc.nat({ max: Math.max(0, base.length) }))
    .map(([bad, at]) => `${base.slice(0, at)}${bad}${base.slice(at)}`);

const hostileString = fc.oneof(
  fc.constantFrom(
    "",
    " ",
    "\0",
    "%00",
    "\u0000\u0000",
    "-".repeat(150),
    "!".repeat(300),
    "& | ! <-> ( ) :*",
    "$@1",
    "$K1",
    "$Q0",
    "$undefined",
    "__proto__",
    "constructor",
  ),
  fc.constant(MEGABYTE),
  fc.constant(`${MEGABYTE}\0`),
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.string({ unit: fc.constantFrom(...CONTROL, ...LONE_SURROGATES, "a", " "), maxLength: 20 }),
  fc.nat({ max: 600 }).map((n) => "é".repeat(n)),
  fc.nat({ max: 600 }).map((n) => "😀".repeat(n)),
);
const hostileNumber = fc.oneof(
  fc.constantFrom(2 ** 31 - 1, 2 ** 31, -(2 ** 31) - 1, 2 ** 53, -1, 0, 0.5, 1e308, -1e308, Number.MAX_SAFE_INTEGER),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);
const hostileId = fc.oneof(
  fc.nat().map((i) => foreignIds()[i % foreignIds().length]!),
  fc.uuid(),
  fc.constantFrom(
    "00000000-0000-0000-0000-000000000000",
    "ffffffff-ffff-ffff-ffff-ffffffffffff",
    "not-a-uuid",
    "0000000-0000-0000-0000-000000000000g",
    "{00000000-0000-0000-0000-000000000000}",
    "00000000-0000-0000-0000-000000000000\0",
  ),
  fc.uuid().map((u) => u.toUpperCase()),
);
const hostileDate = fc.constantFrom(
  "0000-01-01",
  "0001-01-01",
  "1899-12-31",
  "2022-13-01",
  "2022-02-30",
  "2022-00-10",
  "9999-12-31",
  "+275760-09-13",
  "-000001-01-01",
  "2022-1-1",
  "2022-02-28T00:00:00Z",
  "20220228",
  "2022",
  "2022-02",
  "2100-01-01",
);
// Values of every JSON type, for fields of any type.
const wrongType = fc.oneof(
  fc.constantFrom(null, true, false, [], {}, [[["x"]]], { $: 1 }, [null], { length: 1e9 }),
  fc.array(fc.string({ maxLength: 5 }), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 }), { maxKeys: 3 }),
);

function foreignIds(): string[] {
  // Filled in beforeAll; the arbitraries are built lazily inside the tests.
  return foreign.length ? foreign : ["00000000-0000-4000-8000-000000000000"];
}

function hostileFor(key: string, value: unknown): fc.Arbitrary<unknown> {
  const specific: fc.Arbitrary<unknown>[] = [];
  if (typeof value === "string") specific.push(poisoned(value), hostileString);
  if (/Ids?$/.test(key) || key === "personId") specific.push(hostileId);
  if (/(On|asOf|At)$/.test(key)) specific.push(hostileDate);
  if (typeof value === "number" || /Offset|Version|Revision|Days$/.test(key)) specific.push(hostileNumber);
  if (Array.isArray(value))
    specific.push(
      fc.array(
        fc.oneof(
          hostileId,
          hostileString.map((v) => (v.length > 100_000 ? BIG_IN_ARRAY : v)),
          wrongType,
        ),
        {
          maxLength: 4,
        },
      ),
      fc.constant(Array.from({ length: 5000 }, () => randomUUID())),
    );
  return fc.oneof(
    { weight: 4, arbitrary: specific.length ? fc.oneof(...specific) : hostileString },
    { weight: 1, arbitrary: fc.oneof(hostileString, hostileNumber, wrongType, hostileId) },
  );
}

/** A template with one to three of its fields (nested ones too) replaced by hostile values. */
function mutated(template: Record<string, unknown>): fc.Arbitrary<unknown> {
  const paths: string[][] = [];
  const walk = (value: unknown, at: string[]) => {
    if (at.length) paths.push(at);
    if (value && typeof value === "object")
      for (const [key, inner] of Object.entries(value)) if (at.length < 3) walk(inner, [...at, key]);
  };
  walk(template, []);
  paths.push(["unexpectedExtraField"]);
  const edit = fc
    .constantFrom(...paths)
    .chain((at) => hostileFor(at.at(-1)!, getPath(template, at)).map((v) => ({ at, v })));
  return fc.array(edit, { minLength: 1, maxLength: 3 }).map((edits) => {
    const copy = structuredClone(template);
    for (const { at, v } of edits) setPath(copy, at, v);
    return copy;
  });
}

function getPath(value: unknown, at: string[]): unknown {
  return at.reduce<unknown>(
    (v, k) => (v && typeof v === "object" ? (v as Record<string, unknown>)[k] : undefined),
    value,
  );
}

function setPath(target: Record<string, unknown>, at: string[], value: unknown) {
  let node: Record<string, unknown> = target;
  for (const key of at.slice(0, -1)) {
    if (!node[key] || typeof node[key] !== "object") node[key] = {};
    node = node[key] as Record<string, unknown>;
  }
  node[at.at(-1)!] = value;
}

/** The arguments of one call: mostly a mutated template, sometimes a body of the wrong shape entirely. */
function argumentsFor(template: Record<string, unknown>): fc.Arbitrary<unknown[]> {
  return fc.oneof(
    { weight: 8, arbitrary: mutated(template).map((input) => [input]) },
    { weight: 1, arbitrary: fc.oneof(hostileString, hostileNumber, wrongType).map((input) => [input]) },
    { weight: 1, arbitrary: fc.constantFrom<unknown[]>([], [template, template], [[template]], [null, template]) },
  );
}

// ---------------------------------------------------------------- the calls

const t = (fields: Record<string, unknown>) => ({ workspaceSlug: own.slug, ...fields });

/** Valid inputs for every action that writes (the sign-outs are left out: any call of them ends the fuzzer's session). */
const TEMPLATES: Record<string, () => Record<string, unknown>> = {
  recordStatementAction: () =>
    t({
      issueId: ids.issue,
      partyId: ids.party,
      baseVersion: 1,
      position: "SUPPORTS",
      summary: "Fuzz summary",
      statedOn: "2022-01-20",
      links: [{ evidenceId: ids.evidence, relation: "CONTEXT" }],
      confidence: "LOW",
      confidenceRationale: "Fuzz rationale",
    }),
  correctStatementAction: () =>
    t({
      statementId: ids.statement,
      baseVersion: 1,
      position: "OPEN",
      summary: "Fuzz correction",
      statedOn: "2022-01-16",
      links: [],
      reason: "Fuzz reason",
      confidence: "HIGH",
      confidenceRationale: "",
    }),
  retractStatementAction: () => t({ statementId: ids.statement, baseVersion: 1, reason: "Fuzz reason" }),
  proposeEditAction: () =>
    t({
      kind: "RECORD",
      issueId: ids.issue,
      partyId: ids.party,
      baseVersion: 1,
      position: "OPPOSES",
      summary: "Fuzz proposal",
      statedOn: "2022-01-20",
      links: [{ evidenceId: ids.evidence, relation: "CONTEXT" }],
      confidence: "LOW",
      confidenceRationale: "Fuzz rationale",
      rationale: "Fuzz reading",
    }),
  acceptProposalAction: () => t({ proposalId: ids.proposal, rationale: "Fuzz decision" }),
  rejectProposalAction: () => t({ proposalId: ids.proposal, rationale: "Fuzz decision" }),
  rebaseProposalAction: () => t({ proposalId: ids.proposal }),
  setReviewModeAction: () => t({ reviewMode: false }),
  startCodingRoundAction: () =>
    t({ title: "Fuzz round", scope: { kind: "sample", size: 2 }, coderIds: [ids.owner, ids.target] }),
  recordCodeAction: () =>
    t({
      roundId: ids.codingRound,
      evidenceId: ids.codingEvidence,
      partyId: ids.party,
      issueId: ids.issue,
      position: "CONDITIONAL",
    }),
  closeCodingRoundAction: () => t({ roundId: ids.codingRound }),
  addIssueAction: () => t({ title: "Fuzz issue", description: "A fuzz issue\nwith two lines" }),
  renameIssueAction: () => t({ issueId: ids.issue, title: "Fuzz renamed issue", description: "" }),
  archiveIssueAction: () => t({ issueId: ids.issue }),
  unarchiveIssueAction: () => t({ issueId: ids.issue }),
  reorderIssuesAction: () => t({ orderedIds: [ids.issue] }),
  addPartyAction: () => t({ name: "Fuzz party", shortName: "FZ", colour: "#0f766e" }),
  renamePartyAction: () => t({ partyId: ids.party, name: "Fuzz renamed party", shortName: "FZ", colour: "#1d4ed8" }),
  archivePartyAction: () => t({ partyId: ids.party }),
  unarchivePartyAction: () => t({ partyId: ids.party }),
  reorderPartiesAction: () => t({ orderedIds: [ids.party] }),
  renamePositionLabelsAction: () =>
    t({
      labels: {
        DEMANDS: "Demands",
        SUPPORTS: "Supports",
        OPEN: "Open",
        CONDITIONAL: "Conditional",
        OPPOSES: "Opposes",
        REJECTS: "Rejects",
        NO_POSITION: "No position",
      },
    }),
  importDocumentAction: () =>
    t({
      title: "Fuzz document",
      outlet: "Fuzz outlet",
      url: "https://example.org/fuzz",
      language: "en",
      publishedOn: "2022-01-10",
      text: `Fuzz imported text ${randomUUID()}.\n`,
    }),
  correctDocumentAction: () =>
    t({
      documentId: ids.document,
      baseRevision: ids.revisionNumber,
      text: `Fuzz corrected text ${randomUUID()}.`,
      note: "Fuzz",
    }),
  dismissSuggestionAction: () => t({ revisionId: ids.revision, startOffset: 0, endOffset: 5 }),
  markAnchorReviewedAction: () => t({ evidenceId: ids.evidence, revisionId: ids.revision }),
  createEvidenceAction: () =>
    t({
      documentId: ids.document,
      revisionId: ids.revision,
      startOffset: 0,
      endOffset: 4,
      exact: "Fuzz",
      prefix: "",
      suffix: "",
      speakerId: ids.person,
      newSpeaker: { name: "Fuzz speaker", role: "Role", partyId: ids.party, organisation: "Org" },
      saidOn: "2022-01-10",
      kind: "DIRECT_QUOTE",
      note: "Fuzz note",
      links: [{ statementId: ids.statement, relation: "SUPPORTS" }],
    }),
  updatePersonAction: () =>
    t({ personId: ids.person, name: "Fuzz person", aliases: ["FP"], role: "", partyId: ids.party, organisation: "" }),
  mergePeopleAction: () => t({ keepId: ids.person, mergeId: ids.person2 }),
  createInvitationAction: () => t({ role: "VIEWER", email: `fuzz-invitee-${run}@parley.test`, expiresInDays: 7 }),
  revokeInvitationAction: () => t({ invitationId: ids.invitation }),
  changeMemberRoleAction: () => t({ userId: ids.target, role: "COMMENTER" }),
  removeMemberAction: () => t({ userId: ids.target }),
  createShareLinkAction: () => t({ label: "Fuzz link", asOf: "2022-01-27", expiresInDays: 30 }),
  revokeShareLinkAction: () => t({ shareLinkId: ids.shareLink }),
  postCommentAction: () =>
    t({ evidenceId: ids.evidence, body: "Fuzz comment\nwith a line", mentionUserIds: [ids.target] }),
  replyToCommentAction: () => t({ commentId: ids.comment, body: "Fuzz reply", mentionUserIds: [] }),
  editCommentAction: () => t({ commentId: ids.comment, body: "Fuzz edit", mentionUserIds: [] }),
  deleteCommentAction: () => t({ commentId: ids.comment }),
  resolveThreadAction: () => t({ commentId: ids.comment }),
  reopenThreadAction: () => t({ commentId: ids.comment }),
  followCellAction: () => t({ issueId: ids.issue, partyId: ids.party }),
  unfollowCellAction: () => t({ issueId: ids.issue, partyId: ids.party }),
  markNotificationReadAction: () => ({ notificationId: ids.notification }),
  markAllNotificationsReadAction: () => ({}),
  importWorkspaceAction: () => ({ slug: `fuzz-import-${run}`, file: "{}" }),
  changePasswordAction: () => ({
    currentPassword: "not-the-password",
    newPassword: "fuzz-new-password-1",
    confirmPassword: "fuzz-new-password-1",
  }),
  acceptInvitationAction: () => ({ token: randomBytes(32).toString("base64url") }),
  registerWithInvitationAction: () => ({
    token: randomBytes(32).toString("base64url"),
    name: "Fuzz registrant",
    email: `fuzz-register-${run}@parley.test`,
    password: "fuzz-register-password-1",
  }),
  signUpAction: () => ({
    name: "Fuzz sign-up",
    email: `fuzz-signup-${run}@parley.test`,
    password: "fuzz-signup-password-1",
  }),
};

type Finding = { call: string; input: string; problem: string };
type Tally = { inputs: number; status5xx: number; internalErrors: number; unintendedWrites: number };
const tallies = new Map<string, Tally>();
const findings: Finding[] = [];

function tally(name: string): Tally {
  const entry = tallies.get(name) ?? { inputs: 0, status5xx: 0, internalErrors: 0, unintendedWrites: 0 };
  tallies.set(name, entry);
  return entry;
}

const stamps = tableStamps;

const preview = (value: unknown) => {
  const text = JSON.stringify(value, (_k, v) =>
    typeof v === "string" && v.length > 80 ? `${v.slice(0, 80)}…(${v.length})` : v,
  );
  return text.length > 400 ? `${text.slice(0, 400)}…` : text;
};

function changedTables(before: Record<string, unknown>, after: Record<string, unknown>): string[] {
  return Object.keys(after).filter((k) => after[k] !== before[k]);
}

/** After an accepted call, the tables once two digests in a row agree (anything the call set off has landed). */
async function settledFingerprint(): Promise<Record<string, string>> {
  let previous = await stamps();
  for (let attempt = 0; attempt < 10; attempt++) {
    const current = await stamps();
    if (changedTables(previous, current).length === 0) return current;
    previous = current;
  }
  return previous;
}

function refused(reply: ActionReply): boolean {
  const result = outcome(reply);
  if (result.validationErrors || result.serverError || result.$error) return true;
  const data = result.data as { ok?: boolean } | undefined;
  return data?.ok === false;
}

/** One fuzzed action call: checks the answer and, when it refused, that no table changed. */
async function probeAction(name: string, args: unknown[], before: Record<string, string>) {
  const entry = tally(name);
  entry.inputs++;
  const reply = await callAction(name, args, owner);
  const result = outcome(reply);
  if (reply.status >= 500 || result.$error) {
    entry.status5xx++;
    findings.push({
      call: name,
      input: preview(args),
      problem: `HTTP ${reply.status} ${preview(result.$error ?? "")}`,
    });
  }
  if (result.serverError?.code === "internal_error") {
    entry.internalErrors++;
    findings.push({ call: name, input: preview(args), problem: "internal_error" });
  }
  // The database's own refusal, caught by the safety net: the schema should have refused first.
  if (result.serverError?.code === "invalid_input")
    findings.push({ call: name, input: preview(args), problem: "refused by the database, not the schema" });
  if (!refused(reply)) return settledFingerprint();
  const after = await stamps();
  const changed = changedTables(before, after);
  if (changed.length) {
    entry.unintendedWrites++;
    findings.push({
      call: name,
      input: preview(args),
      problem: `refused (${preview(result)}) but changed ${changed.join(", ")}`,
    });
  }
  return after;
}

afterAll(() => {
  const rows = [...tallies].map(([call, t]) => ({ call, ...t }));
  const total = rows.reduce(
    (sum, r) => ({
      inputs: sum.inputs + r.inputs,
      status5xx: sum.status5xx + r.status5xx,
      internalErrors: sum.internalErrors + r.internalErrors,
      unintendedWrites: sum.unintendedWrites + r.unintendedWrites,
    }),
    { inputs: 0, status5xx: 0, internalErrors: 0, unintendedWrites: 0 },
  );
  mkdirSync(path.dirname(report), { recursive: true });
  writeFileSync(report, `${JSON.stringify({ seed: SEED, runs: RUNS, total, rows, findings }, null, 2)}\n`);
  console.log(`fuzz (seed ${SEED}): ${JSON.stringify(total)}; per call in ${path.relative(process.cwd(), report)}`);
});

describe.each(Object.keys(TEMPLATES))("fuzzing server action %s", (name) => {
  it(`answers ${RUNS} hostile inputs without a 5xx or internal_error, and writes nothing when it refuses`, async () => {
    const samples = fc.sample(argumentsFor(TEMPLATES[name]!()), { numRuns: RUNS, seed: SEED });
    let before = await stamps();
    const mine = () => findings.filter((f) => f.call === name);
    for (const args of samples) before = await probeAction(name, args, before);
    expect(mine()).toEqual([]);
  }, 180_000);
});

// ---------------------------------------------------------------- routes

const documentBody = () => ({
  title: "Fuzz route document",
  outlet: "",
  url: "",
  language: "en",
  publishedAt: "2022-01-10",
  text: `Fuzz route text ${randomUUID()}.`,
});

type RouteCall = { name: string; request: () => Promise<Response>; writes: boolean; input: unknown };

function routeCalls(): fc.Arbitrary<RouteCall> {
  const q = fc.oneof(hostileString, hostileDate, hostileId, fc.string({ maxLength: 30 }));
  // Lone surrogates go as the bytes a browser sends for them (WTF-8), which encodeURIComponent refuses to write.
  const query = (value: unknown) =>
    (typeof value === "string" ? value.slice(0, 4000) : JSON.stringify(value))
      .split(/([\ud800-\udfff])/u)
      .map((part, i) =>
        i % 2
          ? [
              0xe0 | (part.charCodeAt(0) >> 12),
              0x80 | ((part.charCodeAt(0) >> 6) & 0x3f),
              0x80 | (part.charCodeAt(0) & 0x3f),
            ]
              .map((byte) => `%${byte.toString(16).toUpperCase()}`)
              .join("")
          : encodeURIComponent(part),
      )
      .join("");
  const slug = `fuzz-own-${run}`;
  return fc.oneof(
    {
      weight: 3,
      arbitrary: fc
        .oneof(
          { weight: 6, arbitrary: mutated(documentBody()) },
          { weight: 1, arbitrary: fc.oneof(hostileString, hostileNumber, wrongType) },
        )
        .map((body) => ({
          name: "POST /api/w/[slug]/documents",
          writes: true,
          input: body,
          request: () =>
            fetchAs(owner, `/api/w/${slug}/documents`, {
              method: "POST",
              headers: { "Content-Type": "application/json" },
              body: JSON.stringify(body),
            }),
        })),
    },
    {
      weight: 1,
      arbitrary: q.map((v) => ({
        name: "GET /api/w/[slug]/matrix",
        writes: false,
        input: v,
        request: () => fetchAs(owner, `/api/w/${slug}/matrix?asOf=${query(v)}`),
      })),
    },
    {
      weight: 1,
      arbitrary: q.map((v) => ({
        name: "GET /api/w/[slug]/evidence",
        writes: false,
        input: v,
        request: () => fetchAs(owner, `/api/w/${slug}/evidence?q=${query(v)}`),
      })),
    },
    {
      weight: 1,
      arbitrary: fc.tuple(fc.constantFrom("csv", "json", "md", "w3c", "x", "\0"), q).map(([format, v]) => ({
        name: "GET /api/w/[slug]/export",
        writes: false,
        input: { format, asOf: v },
        request: () => fetchAs(owner, `/api/w/${slug}/export?format=${query(format)}&asOf=${query(v)}`),
      })),
    },
  );
}

describe("fuzzing JSON routes", () => {
  it(`answers ${RUNS * 10} hostile requests without a 5xx, and a refused import writes nothing`, async () => {
    const samples = fc.sample(routeCalls(), { numRuns: RUNS * 10, seed: SEED });
    let before = await stamps();
    for (const call of samples) {
      const entry = tally(call.name);
      entry.inputs++;
      const response = await call.request();
      const body = await response.text();
      if (response.status >= 500) {
        entry.status5xx++;
        findings.push({ call: call.name, input: preview(call.input), problem: `HTTP ${response.status}` });
      }
      if (response.status === 400 && body.includes('"error":"invalid_input"'))
        findings.push({
          call: call.name,
          input: preview(call.input),
          problem: "refused by the database, not the schema",
        });
      if (!call.writes) continue;
      if (response.status < 300) {
        before = await settledFingerprint();
        continue;
      }
      const after = await stamps();
      const changed = changedTables(before, after);
      if (changed.length) {
        entry.unintendedWrites++;
        findings.push({
          call: call.name,
          input: preview(call.input),
          problem: `HTTP ${response.status} but changed ${changed.join(", ")}`,
        });
      }
      before = after;
    }
    expect(findings.filter((f) => f.call.includes(" /api/"))).toEqual([]);
  }, 300_000);
});

// ---------------------------------------------------------------- pages with odd search params

describe("pages with malformed search parameters", () => {
  const cases = () => [
    `/w/${own.slug}?asOf=0000-01-01`,
    `/w/${own.slug}?asOf=2022-02-30`,
    `/w/${own.slug}?asOf=%00`,
    `/w/${own.slug}?asOf=2022-01-27&compare=garbage`,
    `/w/${own.slug}?asOf=2022-01-27&compare=0000-01-01`,
    `/w/${own.slug}/search?q=${"-".repeat(150)}`,
    `/w/${own.slug}/search?q=%00`,
    `/w/${own.slug}/search?q=%ED%A0%80`,
    `/w/${own.slug}?asOf=%ED%A0%80`,
    `/s/${"a".repeat(43)}?asOf=0000-01-01`,
    `/w/${own.slug}/search?q=NATO&from=0000-01-01&to=2022-13-01`,
    `/w/${own.slug}/search?speaker=not-a-uuid`,
    `/w/${own.slug}/export?asOf=0000-01-01`,
    `/w/${own.slug}/activity?before=0000-01-01`,
    `/w/${own.slug}/documents/${ids.document}?at=0-999999999999`,
    `/w/${own.slug}/documents/${ids.document}?at=-5-3`,
    `/w/${own.slug}/documents/${ids.document}?at=%00`,
    `/w/${own.slug}/documents/not-a-uuid`,
    `/w/${own.slug}/cells/${ids.issue}/${ids.party}?asOf=0000-01-01`,
    `/w/${own.slug}/cells/not-a-uuid/%00`,
    `/w/${own.slug}/evidence/not-a-uuid`,
    `/w/%00`,
  ];

  it("answer with a page (an error panel, a 400 or a 404), never a 5xx", async () => {
    const failures: string[] = [];
    for (const pathname of cases()) {
      const entry = tally("GET pages");
      entry.inputs++;
      const response = await fetchAs(owner, pathname);
      await response.arrayBuffer();
      if (response.status >= 500) {
        entry.status5xx++;
        failures.push(`${pathname}: HTTP ${response.status}`);
        findings.push({ call: "GET pages", input: pathname, problem: `HTTP ${response.status}` });
      }
    }
    expect(failures).toEqual([]);
  }, 120_000);
});
