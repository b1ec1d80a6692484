import { randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { findCodingRound } from "@/lib/coding/data";
import { recordCode, startCodingRound } from "@/lib/coding/mutations";
import { correctDocument, dismissSuggestion, markAnchorReviewed } from "@/lib/documents/mutations";
import { locateQuote } from "@/lib/evidence/anchor";
import { createEvidence } from "@/lib/evidence/mutations";
import { formatBriefingHtml } from "@/lib/exports/briefing-html";
import { canonicalizeWorkspaceExport } from "@/lib/exports/canonical";
import { formatMatrixCsv } from "@/lib/exports/csv";
import { getMatrixExport, getWorkspaceExport } from "@/lib/exports/data";
import { formatBriefingMarkdown } from "@/lib/exports/markdown";
import { importWorkspaceExport } from "@/lib/exports/mutations";
import { renderExport } from "@/lib/exports/render";
import { EXPORT_FORMATS, type ExportFormat } from "@/lib/exports/schema";
import { type WorkspaceExport, WorkspaceExportSchema } from "@/lib/exports/workspace-file";
import { createIssueLink } from "@/lib/issue-links/mutations";
import { getMatrix } from "@/lib/matrix/data";
import { correctStatement, retractStatement } from "@/lib/matrix/mutations";
import { db } from "@/lib/platform/db/client";
import { unwrap } from "@/lib/platform/errors";
import { archiveIssue } from "@/lib/structure/mutations";
import { type AuthorizedWorkspace, trustedWorkspace } from "@/lib/workspaces/access";
import { securityGuarantees } from "@/prisma/demo/security-guarantees";
import { loadWorkspaceFixture } from "@/tests/support/fixture/load";
import { resetDatabase } from "../support/database";
import { uniqueSlug } from "../support/seed";

// Export → import → export on the demo workspace after the kinds of change that make a
// workspace's history: corrected and retracted statements, a corrected document whose quotes
// were re-anchored (one orphaned and reviewed), a quote on the new revision, comment threads,
// a renamed position label, an archived issue and a dismissed suggestion. Runs on PostgreSQL and
// PGlite (scripts/test.mjs). With PARLEY_WRITE_EXPORT_SAMPLES=1 it also rewrites the sample
// outputs in tests/fixtures/exports/ from the demo workspace as of 2022-02-16.

const SAMPLES_DIR = path.join(process.cwd(), "tests", "fixtures", "exports");
const SAMPLE_FILES: Record<ExportFormat, string> = {
  csv: "sample.csv",
  json: "sample.json",
  md: "sample.md",
  html: "sample.html",
  w3c: "sample.w3c.jsonld",
  workspace: "sample.workspace.json",
};
const SAMPLE_ANALYST = { email: "sample-analyst@parley.test", name: "Sample Analyst" };
const AS_OF = "2022-02-16";
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;

async function cellVersion(workspace: AuthorizedWorkspace, issueId: string, partyId: string): Promise<number> {
  const cell = await db().stanceCell.findUnique({
    where: { workspaceId_issueId_partyId: { workspaceId: workspace.id, issueId, partyId } },
    select: { version: true },
  });
  return cell?.version ?? 0;
}

async function ensureUser(email: string, name: string): Promise<string> {
  const user = await db().user.upsert({ where: { email }, create: { email, name }, update: {}, select: { id: true } });
  return user.id;
}

/** An open thread with a reply and a deleted reply, and a resolved thread, on a statement. */
async function addThreads(workspace: AuthorizedWorkspace, authorId: string, statementId: string, evidenceId: string) {
  const at = (iso: string) => new Date(iso);
  const open = await db().comment.create({
    data: {
      workspaceId: workspace.id,
      statementId,
      authorId,
      body: "Is “legally binding” the treaty wording, or the ministry's gloss?\nCheck the draft text.",
      createdAt: at("2022-02-17T09:00:00Z"),
    },
  });
  await db().comment.createMany({
    data: [
      {
        workspaceId: workspace.id,
        statementId,
        parentId: open.id,
        authorId,
        body: "Article 4 of the draft treaty: “shall not”. It is the wording.",
        createdAt: at("2022-02-17T11:30:00Z"),
        editedAt: at("2022-02-17T11:45:00Z"),
      },
      {
        workspaceId: workspace.id,
        statementId,
        parentId: open.id,
        authorId,
        body: "",
        createdAt: at("2022-02-17T12:00:00Z"),
        deletedAt: at("2022-02-17T12:05:00Z"),
      },
    ],
  });
  await db().comment.create({
    data: {
      workspaceId: workspace.id,
      statementId,
      authorId,
      body: "Date checked against the transcript.",
      createdAt: at("2022-02-16T08:00:00Z"),
      resolvedAt: at("2022-02-16T10:00:00Z"),
      resolvedById: authorId,
    },
  });
  await db().comment.create({
    data: {
      workspaceId: workspace.id,
      evidenceId,
      authorId,
      body: "Translation is TASS's, not ours.",
      createdAt: at("2022-02-18T08:00:00Z"),
    },
  });
}

/** A blind round on one document's quotes, coded by the owner and a second analyst, then closed by its last code. */
async function addCodingRound(workspace: AuthorizedWorkspace, ownerId: string) {
  const secondId = await ensureUser(`second-coder-${randomUUID().slice(0, 8)}@parley.test`, "Second Coder");
  await db().membership.create({ data: { workspaceId: workspace.id, userId: secondId, role: "EDITOR" } });
  const document = await db().document.findFirstOrThrow({
    where: { workspaceId: workspace.id, evidence: { some: {} } },
    orderBy: { title: "asc" },
    select: { id: true },
  });
  const started = await startCodingRound(workspace, {
    workspaceSlug: workspace.slug,
    title: "Guarantee quotes, double-coded",
    scope: { kind: "document", documentId: document.id },
    coderIds: [ownerId, secondId],
  });
  if (!started.ok) throw new Error(started.message);
  const [units, party, issue] = await Promise.all([
    db().codingUnit.findMany({ where: { roundId: started.roundId }, select: { evidenceId: true } }),
    db().party.findFirstOrThrow({ where: { workspaceId: workspace.id }, select: { id: true } }),
    db().issue.findFirstOrThrow({ where: { workspaceId: workspace.id }, select: { id: true } }),
  ]);
  const second = { ...workspace, userId: secondId };
  for (const [i, unit] of units.entries())
    for (const [coder, position] of [
      [workspace, "SUPPORTS"],
      [second, i === 0 ? "OPPOSES" : "SUPPORTS"],
    ] as const)
      expect(
        await recordCode(coder, {
          workspaceSlug: workspace.slug,
          roundId: started.roundId,
          evidenceId: unit.evidenceId,
          partyId: party.id,
          issueId: issue.id,
          position,
        }),
      ).toMatchObject({ ok: true });
  return { roundId: started.roundId, units: units.length };
}

let ownerId: string;
let workspace: AuthorizedWorkspace;
let codingRound: { roundId: string; units: number };

beforeAll(async () => {
  await resetDatabase();
  ownerId = await ensureUser(`exporter-${randomUUID().slice(0, 8)}@parley.test`, "Export Analyst");
  const loaded = await loadWorkspaceFixture(securityGuarantees, {
    slug: uniqueSlug("export-a"),
    members: [{ userId: ownerId, role: "OWNER" }],
    createdById: ownerId,
  });
  workspace = trustedWorkspace(loaded, ownerId);

  const matrix = await getMatrix(workspace, AS_OF);
  const stated = matrix.cells.filter((c) => c.statement);
  const [corrected, retracted] = [stated[0]!, stated[1]!];
  const correction = await correctStatement(workspace, {
    workspaceSlug: workspace.slug,
    statementId: corrected.statement!.id,
    baseVersion: await cellVersion(workspace, corrected.issueId, corrected.partyId),
    position: "CONDITIONAL",
    summary: "Corrected: conditional on written guarantees, per the full transcript.",
    statedOn: corrected.statement!.statedOn,
    links: [],
    reason: "The first summary dropped the condition.",
  });
  expect(correction.ok).toBe(true);
  const retraction = await retractStatement(workspace, {
    workspaceSlug: workspace.slug,
    statementId: retracted.statement!.id,
    baseVersion: await cellVersion(workspace, retracted.issueId, retracted.partyId),
    reason: "Recorded against the wrong party.",
  });
  expect(retraction.ok).toBe(true);

  // A correction of a document: a note at the top moves every quote; one quote's words are cut.
  const quote = await db().evidence.findFirstOrThrow({
    where: { workspaceId: workspace.id },
    orderBy: { startOffset: "asc" },
    select: { id: true, exact: true, documentId: true, revision: { select: { text: true } } },
  });
  const others = await db().evidence.findMany({
    where: { workspaceId: workspace.id, documentId: quote.documentId, id: { not: quote.id } },
    select: { exact: true },
  });
  const cut = others.find((o) => !o.exact.includes(quote.exact) && !quote.exact.includes(o.exact))!;
  const corrected2 = `Editor's note: corrected on 1 March 2022.\n\n${quote.revision.text.replace(cut.exact, "[passage withdrawn]")}`;
  const documentCorrection = await correctDocument(workspace, {
    documentId: quote.documentId,
    baseRevision: 1,
    text: corrected2,
    note: "Editor's note added; a withdrawn passage removed.",
  });
  expect(documentCorrection.ok).toBe(true);
  if (!documentCorrection.ok) return;
  expect(documentCorrection.counts.ORPHANED + documentCorrection.counts.CHANGED).toBeGreaterThan(0);
  const orphan = await db().evidenceAnchor.findFirst({
    where: { workspaceId: workspace.id, status: { in: ["ORPHANED", "CHANGED"] } },
    select: { evidenceId: true, revisionId: true },
  });
  expect(await markAnchorReviewed(workspace, orphan!)).toEqual({ ok: true });

  const fresh = locateQuote(corrected2, "Editor's note: corrected on 1 March 2022.")!;
  const created = await createEvidence(workspace, {
    documentId: quote.documentId,
    revisionId: documentCorrection.revisionId,
    ...fresh,
    speakerId: null,
    newSpeaker: null,
    saidOn: "2022-03-01",
    kind: "OFFICIAL_DOCUMENT",
    note: "Quoted on the corrected text 😀 — astral characters after the anchor.",
    links: [{ statementId: correction.ok ? correction.statementId! : "", relation: "CONTEXT" }],
  });
  expect(created.ok).toBe(true);
  expect(
    (await dismissSuggestion(workspace, { revisionId: documentCorrection.revisionId, startOffset: 0, endOffset: 8 }))
      .ok,
  ).toBe(true);

  await addThreads(workspace, ownerId, stated[2]!.statement!.id, quote.id);
  codingRound = await addCodingRound(workspace, ownerId);
  await db().workspace.update({
    where: { id: workspace.id },
    data: { positionLabels: { OPEN: "Open to talks", REJECTS: "Rules out" } },
  });
  const linked = await createIssueLink(workspace, {
    kind: "PACKAGE",
    firstIssueId: matrix.issues[0]!.id,
    secondIssueId: matrix.issues.at(-1)!.id,
    note: "",
    partyId: null,
    holdsFrom: null,
  });
  if (!linked.ok) throw new Error(linked.message);
  unwrap(await archiveIssue(workspace, matrix.issues.at(-1)!.id));
});

describe("a whole-workspace export", () => {
  let exported: WorkspaceExport;

  beforeAll(async () => {
    exported = await getWorkspaceExport(workspace);
  });

  it("holds every record, every revision's text and the history of amendments and anchors", () => {
    expect(exported).toMatchObject({
      format: "parley.workspace",
      version: 1,
      workspace: { slug: workspace.slug, positionLabels: { OPEN: "Open to talks", REJECTS: "Rules out" } },
    });
    expect(exported.parties).toHaveLength(securityGuarantees.parties.length);
    expect(exported.issues).toHaveLength(securityGuarantees.issues.length);
    expect(exported.issues.filter((i) => i.archivedAt)).toHaveLength(1);
    expect(exported.evidence).toHaveLength(securityGuarantees.evidence.length + 1);
    expect(exported.statements).toHaveLength(securityGuarantees.statements.length + 1);
    expect(exported.statements.filter((s) => s.amendment?.kind === "CORRECTED")).toHaveLength(1);
    expect(exported.statements.filter((s) => s.amendment?.kind === "RETRACTED")).toHaveLength(1);
    expect(exported.documents.flatMap((d) => d.revisions)).toHaveLength(securityGuarantees.documents.length + 1);
    const anchors = exported.evidence.flatMap((e) => e.anchors);
    expect(new Set(anchors.map((a) => a.status)).has("MOVED")).toBe(true);
    expect(anchors.some((a) => a.reviewedBy?.name === "Export Analyst")).toBe(true);
    expect(exported.comments).toHaveLength(5);
    expect(exported.dismissedSuggestions).toHaveLength(1);
    expect(exported.negotiationProposals?.map((p) => p.provisions.length).sort()).toEqual([1, 2, 2, 3]);
    expect(
      exported.negotiationProposals?.flatMap((p) => p.provisions.flatMap((v) => v.answersProvisionIds)),
    ).toHaveLength(4);
    // The demo's linkages, and one more drawn here on the issue archived above.
    expect(exported.issueLinks).toHaveLength(securityGuarantees.issueLinks!.length + 1);
    expect(exported.issueLinks).toContainEqual(
      expect.objectContaining({
        kind: "SEQUENCING",
        holdsFrom: "2022-01-27",
        note: expect.stringContaining("secondary"),
      }),
    );
    expect(exported.codingRounds).toHaveLength(1);
    const [round] = exported.codingRounds!;
    expect(round).toMatchObject({ status: "CLOSED", title: "Guarantee quotes, double-coded" });
    expect(round!.units).toHaveLength(codingRound.units);
    expect(round!.coders.map((c) => c.name).sort()).toEqual(["Export Analyst", "Second Coder"]);
    expect(round!.codes).toHaveLength(2 * codingRound.units);
  });

  it("imports as a new workspace that exports identically, with new ids", async () => {
    const result = await importWorkspaceExport(JSON.stringify(exported), {
      slug: uniqueSlug("export-b"),
      ownerUserId: ownerId,
    });
    if (!result.ok)
      throw new Error(
        `import refused: ${result.message} ${result.code === "invalid_file" ? result.details.problems.join("; ") : ""}`,
      );
    const copy = trustedWorkspace(result.workspace, ownerId);
    const again = await getWorkspaceExport(copy);

    expect(again.workspace.slug).toBe(result.workspace.slug);
    // The second coder codes in the copy through an account of the import's own: their name, no
    // member, no sign-in. Only its address differs from the original's.
    const [copiedRound] = again.codingRounds!;
    const standIn = copiedRound!.coders.find((c) => c.name === "Second Coder")!;
    expect(standIn.email).toMatch(/^imported-coder-[0-9a-f-]{36}@parley\.invalid$/);
    const account = await db().user.findUniqueOrThrow({
      where: { email: standIn.email },
      select: { disabledAt: true, passwordHash: true, memberships: { select: { workspaceId: true } } },
    });
    expect(account).toMatchObject({ passwordHash: null, memberships: [] });
    expect(account.disabledAt).not.toBeNull();
    standIn.email = exported.codingRounds![0]!.coders.find((c) => c.name === "Second Coder")!.email;
    expect(canonicalizeWorkspaceExport(again)).toEqual(canonicalizeWorkspaceExport(exported));
    // The copy's round reads the same agreement as the original's.
    const copyRound = await db().codingRound.findFirstOrThrow({
      where: { workspaceId: copy.id },
      select: { id: true },
    });
    const [a, b] = [await findCodingRound(workspace, codingRound.roundId), await findCodingRound(copy, copyRound.id)];
    expect(b!.results!.figures.alpha).toEqual(a!.results!.figures.alpha);
    expect(b!.results!.disagreements).toHaveLength(1);
    const before = new Set(JSON.stringify(exported).match(UUID));
    const shared = (JSON.stringify(again).match(UUID) ?? []).filter((id) => before.has(id));
    expect(shared).toEqual([]);

    // The importer owns the copy; the copy's matrix and briefings read exactly as the original's.
    expect(
      await db().membership.findMany({ where: { workspaceId: copy.id }, select: { userId: true, role: true } }),
    ).toEqual([{ userId: ownerId, role: "OWNER" }]);
    const [matrixA, matrixB] = [
      await getMatrixExport(workspace, AS_OF, { threads: true }),
      await getMatrixExport(copy, AS_OF, { threads: true }),
    ];
    expect(formatMatrixCsv(matrixB)).toBe(formatMatrixCsv(matrixA));
    expect(formatBriefingMarkdown(matrixB)).toBe(formatBriefingMarkdown(matrixA));
    expect(formatBriefingHtml(matrixB)).toBe(formatBriefingHtml(matrixA));
    expect(formatBriefingMarkdown(matrixB)).toContain("Check the draft text.");
  });

  it("refuses a slug in use, without creating anything", async () => {
    const count = await db().workspace.count();
    const result = await importWorkspaceExport(exported, { slug: workspace.slug, ownerUserId: ownerId });
    expect(result).toMatchObject({ ok: false, code: "slug_taken", fields: { slug: [expect.any(String)] } });
    expect(await importWorkspaceExport(exported, { slug: "Not A Slug", ownerUserId: ownerId })).toMatchObject({
      ok: false,
      code: "invalid_slug",
    });
    expect(await db().workspace.count()).toBe(count);
  });

  it("refuses a file whose quote is not the text at its offsets, naming it", async () => {
    const count = await db().workspace.count();
    const tampered = structuredClone(exported);
    tampered.evidence[3]!.exact = `${tampered.evidence[3]!.exact.slice(0, -1)}!`;
    const result = await importWorkspaceExport(JSON.stringify(tampered), {
      slug: uniqueSlug("tampered"),
      ownerUserId: ownerId,
    });
    expect(result).toMatchObject({ ok: false, code: "invalid_file", fields: { file: [expect.any(String)] } });
    expect(result.ok === false && result.code === "invalid_file" ? result.details.problems : []).toEqual([
      expect.stringMatching(/^evidence\[3\]: .* is not the text at its offsets \(exact mismatch\)\.$/),
    ]);
    expect(
      await importWorkspaceExport("{not json", { slug: uniqueSlug("broken"), ownerUserId: ownerId }),
    ).toMatchObject({ ok: false, code: "invalid_file" });
    expect(
      await importWorkspaceExport({ ...exported, version: 7 }, { slug: uniqueSlug("future"), ownerUserId: ownerId }),
    ).toMatchObject({
      ok: false,
      details: { problems: ["version: This Parley reads workspace exports of version 1."] },
    });
    expect(await db().workspace.count()).toBe(count);
  });

  it("credits nobody else with authorship: others' comments come in the importer's name, saying whose they were", async () => {
    const file = structuredClone(exported);
    const open = file.comments!.find((c) => c.parentId === null && c.resolvedAt === null && c.statementId)!;
    open.author = { name: "Zed Outsider", email: "zed@elsewhere.test" };
    file.statements[0]!.recordedBy = { name: "Zed Outsider", email: "zed@elsewhere.test" };
    const result = await importWorkspaceExport(file, { slug: uniqueSlug("credited"), ownerUserId: ownerId });
    if (!result.ok) throw new Error(result.message);
    const comment = await db().comment.findFirstOrThrow({
      where: { workspaceId: result.workspace.id, createdAt: new Date(open.createdAt), parentId: null },
      select: { authorId: true, body: true },
    });
    expect(comment).toEqual({ authorId: ownerId, body: `(Originally by Zed Outsider.)\n\n${open.body}` });
    const statements = await db().stanceStatement.findMany({
      where: { workspaceId: result.workspace.id },
      select: { recordedById: true },
    });
    expect(statements.filter((s) => s.recordedById === null)).toHaveLength(1);
  });
});

describe("the sample exports in tests/fixtures/exports", () => {
  // The samples are rewritten with PARLEY_WRITE_EXPORT_SAMPLES=1; every other run writes them to a
  // scratch folder, so the writer runs (and is checked) on every run rather than showing as skipped.
  it("are written from the demo workspace as of 2022-02-16, one readable file per format", async () => {
    const rewrite = process.env.PARLEY_WRITE_EXPORT_SAMPLES === "1";
    const target = rewrite ? SAMPLES_DIR : await mkdtemp(path.join(tmpdir(), "parley-export-samples-"));
    const analystId = await ensureUser(SAMPLE_ANALYST.email, SAMPLE_ANALYST.name);
    const loaded = await loadWorkspaceFixture(securityGuarantees, {
      ...(rewrite ? {} : { slug: uniqueSlug("samples") }),
      members: [{ userId: analystId, role: "OWNER" }],
      createdById: analystId,
    });
    const demo = trustedWorkspace(loaded, analystId);
    const matrix = await getMatrix(demo, AS_OF);
    const cell = matrix.cells.find((c) => c.statement && c.statement.evidenceCount > 0)!;
    const link = await db().statementEvidence.findFirstOrThrow({
      where: { statementId: cell.statement!.id },
      select: { evidenceId: true },
    });
    await addThreads(demo, analystId, cell.statement!.id, link.evidenceId);
    await mkdir(target, { recursive: true });
    try {
      for (const format of EXPORT_FORMATS) {
        const file = await renderExport(demo, format, AS_OF);
        await writeFile(path.join(target, SAMPLE_FILES[format]), file.body);
        expect((await stat(path.join(target, SAMPLE_FILES[format]))).size, format).toBeGreaterThan(0);
      }
      const written = JSON.parse(await readFile(path.join(target, SAMPLE_FILES.workspace), "utf8"));
      expect(WorkspaceExportSchema.safeParse(written).success).toBe(true);
    } finally {
      if (!rewrite) await rm(target, { recursive: true, force: true });
    }
  });

  it.runIf(existsSync(path.join(SAMPLES_DIR, SAMPLE_FILES.workspace)))(
    "import, as written, into a workspace that exports the same content",
    async () => {
      const sample = WorkspaceExportSchema.parse(
        JSON.parse(await readFile(path.join(SAMPLES_DIR, SAMPLE_FILES.workspace), "utf8")),
      );
      const analystId = await ensureUser(SAMPLE_ANALYST.email, SAMPLE_ANALYST.name);
      const result = await importWorkspaceExport(sample, { slug: uniqueSlug("sample"), ownerUserId: analystId });
      if (!result.ok)
        throw new Error(
          `${result.message} ${result.code === "invalid_file" ? result.details.problems.join("; ") : ""}`,
        );
      expect(
        canonicalizeWorkspaceExport(await getWorkspaceExport(trustedWorkspace(result.workspace, analystId))),
      ).toEqual(canonicalizeWorkspaceExport(sample));
    },
  );
});
