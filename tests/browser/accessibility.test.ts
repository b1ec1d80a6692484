import { randomBytes } from "node:crypto";
import { createRequire } from "node:module";
import type { Page } from "@playwright/test";
import { recordCode, startCodingRound } from "@/lib/coding/mutations";
import { Role } from "@/lib/generated/prisma/enums";
import { db } from "@/lib/platform/db/client";
import { proposeEdit, rejectProposal, setReviewMode } from "@/lib/review/mutations";
import { createShareLink } from "@/lib/share/mutations";
import { trustedWorkspace } from "@/lib/workspaces/access";
import { bigMatrixFixture } from "../support/big-matrix";
import { addMembership, seedWorkspace, userIdByEmail } from "../support/seed";
import { expect, newContext, signIn, test, testServer } from "./fixtures";

const server = testServer();
const { baseUrl } = server;

// axe-core on every page an analyst uses, signed in as the owner of a workspace of this file's
// own: no critical or serious violation anywhere. Minor and moderate ones are printed, not failed.

const AXE_SOURCE = createRequire(import.meta.url).resolve("axe-core/axe.min.js");
const run = randomBytes(4).toString("hex");
const slug = `a11y-${run}`;
const bigSlug = `a11y-big-${run}`;
const PAGES = [
  "matrix",
  "bigMatrix",
  "cell",
  "documents",
  "document",
  "evidence",
  "search",
  "people",
  "members",
  "activity",
  "review",
  "proposals",
  "rounds",
  "round",
  "roundResults",
  "reconcile",
  "settings",
  "export",
  "convergence",
  "events",
  "negotiationProposals",
  "negotiationProposal",
  "inbox",
  "account",
  "workspaces",
  "share",
] as const;
let paths: Record<(typeof PAGES)[number], string>;

type Violation = { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] };

async function violations(page: Page): Promise<Violation[]> {
  await page.addScriptTag({ path: AXE_SOURCE });
  return page.evaluate(async () => {
    // biome-ignore lint/suspicious/noExplicitAny: axe is the script just added to the page
    const axe = (window as any).axe;
    const result = await axe.run(document, { resultTypes: ["violations"] });
    return result.violations.map((v: Violation) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 3).map((n) => ({ target: n.target })),
    }));
  });
}

test.beforeAll(async () => {
  const adminId = await userIdByEmail(server.admin.email);
  const loaded = await seedWorkspace({ title: `Accessibility ${run}`, slug, ownerId: adminId });
  const workspace = trustedWorkspace(loaded, adminId);
  // Past 500 cells the board virtualises its rows.
  await seedWorkspace({
    title: `Accessibility big matrix ${run}`,
    slug: bigSlug,
    ownerId: adminId,
    fixture: bigMatrixFixture(`Accessibility big matrix ${run}`),
  });
  const statement = await db().stanceStatement.findFirstOrThrow({
    where: { workspaceId: loaded.id },
    select: { issueId: true, partyId: true },
  });
  const evidence = await db().evidence.findFirstOrThrow({
    where: { workspaceId: loaded.id },
    select: { id: true, documentId: true },
  });
  // Russia's draft agreement with NATO: provisions, the NATO response's answers and the stances.
  const draftTreaty = await db().negotiationProposal.findFirstOrThrow({
    where: { workspaceId: loaded.id, kind: "DRAFT_TREATY", answeredBy: { some: { party: { name: "NATO" } } } },
    select: { id: true },
  });
  const share = await createShareLink(workspace, { label: "Accessibility", asOf: null, expiresInDays: 1 });
  // Review mode with two readings on the cell page's cell: one waiting (side by side with its
  // decision form), one rejected (in the reviewed readings).
  await setReviewMode(workspace, true);
  const cellVersion = await db().stanceCell.findUniqueOrThrow({
    where: { workspaceId_issueId_partyId: { workspaceId: loaded.id, ...statement } },
    select: { version: true },
  });
  const readings = [];
  for (const position of ["OPPOSES", "CONDITIONAL"] as const)
    readings.push(
      await proposeEdit(workspace, {
        kind: "RECORD",
        workspaceSlug: slug,
        ...statement,
        baseVersion: cellVersion.version,
        position,
        summary: `A reading as ${position.toLowerCase()}.`,
        statedOn: "2022-02-10",
        links: [{ evidenceId: evidence.id, relation: "SUPPORTS" }],
        rationale: "The wording allows it.",
      }),
    );
  if (!readings[0]?.ok) throw new Error("could not propose a reading");
  await rejectProposal(workspace, { proposalId: readings[0].proposalId, rationale: "The quote says otherwise." });
  // Two coding rounds of the owner and a second coder: one open (the owner's coding form), one
  // complete with a disagreement (the agreement figures and the reconcile screen).
  const coder = await db().user.create({ data: { email: `a11y-coder-${run}@parley.test`, name: "Cody" } });
  await addMembership(loaded.id, coder.id, Role.EDITOR);
  const rounds: string[] = [];
  for (const title of ["Open round", "Complete round"]) {
    const started = await startCodingRound(workspace, {
      workspaceSlug: slug,
      title,
      scope: { kind: "sample", size: 2 },
      coderIds: [adminId, coder.id],
    });
    if (!started.ok) throw new Error(`could not start a coding round: ${started.message}`);
    rounds.push(started.roundId);
  }
  const units = await db().codingUnit.findMany({ where: { roundId: rounds[1] }, select: { evidenceId: true } });
  for (const [who, position] of [
    [adminId, "OPPOSES"],
    [coder.id, "CONDITIONAL"],
  ] as const)
    for (const unit of units)
      await recordCode(
        { ...workspace, userId: who },
        { workspaceSlug: slug, roundId: rounds[1]!, evidenceId: unit.evidenceId, ...statement, position },
      );
  paths = {
    matrix: `/w/${slug}?asOf=2022-02-16`,
    bigMatrix: `/w/${bigSlug}`,
    cell: `/w/${slug}/cells/${statement.issueId}/${statement.partyId}`,
    documents: `/w/${slug}/documents`,
    document: `/w/${slug}/documents/${evidence.documentId}`,
    evidence: `/w/${slug}/evidence/${evidence.id}`,
    search: `/w/${slug}/search?q=guarantee`,
    people: `/w/${slug}/people`,
    members: `/w/${slug}/members`,
    activity: `/w/${slug}/activity`,
    review: `/w/${slug}/review`,
    proposals: `/w/${slug}/review/proposals`,
    rounds: `/w/${slug}/review/rounds`,
    round: `/w/${slug}/review/rounds/${rounds[0]}`,
    roundResults: `/w/${slug}/review/rounds/${rounds[1]}`,
    reconcile: `/w/${slug}/review/rounds/${rounds[1]}/reconcile`,
    settings: `/w/${slug}/settings`,
    export: `/w/${slug}/export`,
    convergence: `/w/${slug}/convergence`,
    events: `/w/${slug}/events`,
    negotiationProposals: `/w/${slug}/proposals`,
    negotiationProposal: `/w/${slug}/proposals/${draftTreaty.id}`,
    inbox: "/inbox",
    account: "/account",
    workspaces: "/workspaces",
    share: share.path,
  };
});

test.describe("accessibility (axe-core)", () => {
  // One signed-in page visits every page in turn, as in a session of work.
  let page: Page;
  const found: Record<string, Violation[]> = {};

  test.beforeAll(async ({ browser }) => {
    page = await (await newContext(browser)).newPage();
    await signIn(page, server.admin);
  });
  test.afterAll(async () => {
    const summary = Object.entries(found).map(
      ([name, list]) => `${name}: ${list.map((v) => `${v.id} (${v.impact}, ${v.nodes.length})`).join(", ") || "none"}`,
    );
    console.log(`axe-core violations per page:\n${summary.join("\n")}`);
    await page?.context().close();
  });

  test("finds none on the sign-in page", async ({ page: signedOut }) => {
    await signedOut.goto(`${baseUrl}/sign-in`);
    found["sign-in"] = await violations(signedOut);
    expect(serious(found["sign-in"])).toEqual([]);
  });

  for (const name of PAGES)
    test(`finds none on the ${name} page`, async () => {
      await page.goto(`${baseUrl}${paths[name]}`);
      await expect(page.getByRole("main").first()).toBeVisible();
      found[name] = await violations(page);
      expect(serious(found[name])).toEqual([]);
    });
});

function serious(list: Violation[] = []) {
  return list
    .filter((v) => v.impact === "critical" || v.impact === "serious")
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => JSON.stringify(n.target)).join(", ")})`);
}
