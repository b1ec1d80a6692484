import { randomUUID } from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { codePointLength, codePoints, verifyAnchor } from "@/lib/evidence/anchor";
import { cellKey, latestStatementsAsOf } from "@/lib/matrix/as-of";
import { getCellHistory, getMatrix, listChangeDates } from "@/lib/matrix/data";
import type { MatrixView } from "@/lib/matrix/schema";
import { getNegotiationProposal, listNegotiationProposals } from "@/lib/proposals/data";
import { type AuthorizedWorkspace, trustedWorkspace } from "@/lib/workspaces/access";
import { securityGuarantees } from "@/prisma/demo/security-guarantees";
import { FixtureError, type LoadedWorkspace, loadWorkspaceFixture } from "@/tests/support/fixture/load";
import type { WorkspaceFixture } from "@/tests/support/fixture/types";
import { resetDatabase, testDatabaseUrl } from "../support/database";
import { mapDemoKeys } from "../support/demo-workspaces";
import { uniqueSlug } from "../support/seed";

// Runs on real PostgreSQL and on PGlite (scripts/test.mjs): everything here is plain SQL both
// accept, and the database errors are checked by SQLSTATE and constraint name, not by wording.

const CHECK_VIOLATION = "23514";

/** The position a cell shows, or null when it shows no statement (absent, or present without one). */
function positionIn(matrix: MatrixView, issueId: string, partyId: string): string | null {
  return matrix.cells.find((c) => c.issueId === issueId && c.partyId === partyId)?.statement?.position ?? null;
}

describe("the demo workspace", () => {
  const client = new pg.Client({ connectionString: testDatabaseUrl() });
  let loaded: LoadedWorkspace;
  let workspace: AuthorizedWorkspace;
  const partyId = new Map<string, string>();
  const issueId = new Map<string, string>();

  beforeAll(async () => {
    await resetDatabase();
    await client.connect();
    loaded = await loadWorkspaceFixture(securityGuarantees, { slug: uniqueSlug("demo") });
    workspace = trustedWorkspace(loaded);
    await mapDemoKeys(workspace, partyId, issueId);
  });
  afterAll(async () => {
    await client.end();
  });

  const cell = (issue: string, party: string) => [issueId.get(issue)!, partyId.get(party)!] as const;

  it("holds every quote of the fixture, each exactly the text at its code point offsets", async () => {
    const { rows } = await client.query<{
      exact: string;
      prefix: string;
      suffix: string;
      startOffset: number;
      endOffset: number;
      text: string;
      sqlSlice: string;
    }>(
      `SELECT e.exact, e.prefix, e.suffix, e."startOffset", e."endOffset", r.text,
              substr(r.text, e."startOffset" + 1, e."endOffset" - e."startOffset") AS "sqlSlice"
       FROM evidence e JOIN document_revisions r ON r.id = e."revisionId"
       WHERE e."workspaceId" = $1`,
      [loaded.id],
    );
    expect(rows.length).toBeGreaterThanOrEqual(30);
    expect(rows.length).toBe(securityGuarantees.evidence.length);
    expect(rows.map((r) => r.exact).sort()).toEqual(securityGuarantees.evidence.map((e) => e.exact).sort());
    for (const row of rows) {
      expect(row.sqlSlice).toBe(row.exact);
      expect(codePoints(row.text).slice(row.startOffset, row.endOffset).join("")).toBe(row.exact);
      expect(verifyAnchor(row.text, row)).toEqual({ ok: true });
    }

    const mismatches = await client.query<{ count: number }>(
      `SELECT count(*)::int AS count FROM evidence e JOIN document_revisions r ON r.id = e."revisionId"
       WHERE e."workspaceId" = $1 AND substr(r.text, e."startOffset" + 1, e."endOffset" - e."startOffset") <> e.exact`,
      [loaded.id],
    );
    expect(mismatches.rows[0]?.count).toBe(0);
  });

  it("shows Russia's stance on INF-range missiles moving from open to conditional to support", async () => {
    const [issue, party] = cell("inf-missiles", "russia");
    expect(positionIn(await getMatrix(workspace, "2022-01-11"), issue, party)).toBe("OPEN");
    expect(positionIn(await getMatrix(workspace, "2022-01-27"), issue, party)).toBe("CONDITIONAL");
    expect(positionIn(await getMatrix(workspace, "2022-02-16"), issue, party)).toBe("SUPPORTS");
  });

  it("shows the US moving from no stated position to rejecting NATO non-expansion", async () => {
    const [issue, party] = cell("non-expansion", "us");
    expect(positionIn(await getMatrix(workspace, "2022-01-11"), issue, party)).toBe("NO_POSITION");
    expect(positionIn(await getMatrix(workspace, "2022-01-27"), issue, party)).toBe("REJECTS");
    expect(positionIn(await getMatrix(workspace, "2022-02-16"), issue, party)).toBe("REJECTS");
  });

  it("shows no statement in a cell before its first one, and leaves never-stated cells out", async () => {
    const [nonExpansion, nato] = cell("non-expansion", "nato");
    const early = await getMatrix(workspace, "2022-01-11");
    expect(positionIn(early, nonExpansion, nato)).toBeNull();
    expect(positionIn(await getMatrix(workspace, "2022-01-26"), nonExpansion, nato)).toBe("REJECTS");

    const [missions, russia] = cell("missions", "russia");
    for (const asOf of ["2022-01-11", "2022-01-27", "2022-02-16"]) {
      const matrix = await getMatrix(workspace, asOf);
      expect(matrix.cells.find((c) => c.issueId === missions && c.partyId === russia)).toBeUndefined();
    }
    const beforeEverything = await getMatrix(workspace, "2021-12-01");
    expect(beforeEverything.cells.filter((c) => c.statement)).toEqual([]);
    expect(beforeEverything.parties).toHaveLength(securityGuarantees.parties.length);
    expect(beforeEverything.issues).toHaveLength(securityGuarantees.issues.length);
  });

  it("agrees with the as-of rule in plain code on every date, positions and quote counts included", async () => {
    // Statements are recorded in fixture order, so fixture order stands in for recordedAt.
    const statements = securityGuarantees.statements.map((s, i) => ({
      ...s,
      id: String(i),
      issueId: issueId.get(s.issue)!,
      partyId: partyId.get(s.party)!,
      recordedAt: new Date(Date.UTC(2000, 0, 1) + i),
    }));
    const dates = [...new Set(statements.map((s) => s.statedOn))];
    const dayBefore = (date: string) =>
      new Date(Date.parse(`${date}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    for (const asOf of [...dates, ...dates.map(dayBefore), "2030-01-01"]) {
      const expected = latestStatementsAsOf(statements, asOf);
      const matrix = await getMatrix(workspace, asOf);
      expect(matrix.asOf).toBe(asOf);
      const actual = new Map(
        matrix.cells.filter((c) => c.statement).map((c) => [cellKey(c.issueId, c.partyId), c.statement!]),
      );
      expect([...actual.keys()].sort(), `cells with a statement as of ${asOf}`).toEqual([...expected.keys()].sort());
      for (const [key, statement] of expected) {
        expect(actual.get(key), `${statement.party} on ${statement.issue} as of ${asOf}`).toMatchObject({
          position: statement.position,
          summary: statement.summary,
          statedOn: statement.statedOn,
          evidenceCount: statement.evidence.length,
        });
      }
    }
  });

  it("lists the dates on which something changed", async () => {
    const expected = [...new Set(securityGuarantees.statements.map((s) => s.statedOn))].sort();
    expect(await listChangeDates(workspace)).toEqual(expected);
  });

  it("gives a cell's history newest first, each statement with its quotes", async () => {
    const [issue, party] = cell("inf-missiles", "russia");
    const history = await getCellHistory(workspace, issue, party);
    expect(history).not.toBeNull();
    expect(history!.issue.title).toBe("Moratorium on INF-range missiles in Europe");
    expect(history!.party.name).toBe("Russia");

    const fixtureStatements = securityGuarantees.statements
      .filter((s) => s.party === "russia" && s.issue === "inf-missiles")
      .reverse();
    expect(history!.statements.map((s) => [s.statedOn, s.position])).toEqual([
      ["2022-02-16", "SUPPORTS"],
      ["2022-01-27", "CONDITIONAL"],
      ["2022-01-10", "OPEN"],
    ]);
    const exactOf = new Map(securityGuarantees.evidence.map((e) => [e.key, e.exact]));
    history!.statements.forEach((statement, i) => {
      const expected = fixtureStatements[i]!.evidence;
      expect(statement.links.map((l) => [l.evidence.exact, l.relation]).sort()).toEqual(
        expected.map((l) => [exactOf.get(l.key), l.relation]).sort(),
      );
      for (const link of statement.links) expect(link.evidence.document.title).toBeTruthy();
    });

    const empty = await getCellHistory(workspace, ...cell("missions", "russia"));
    expect(empty?.statements).toEqual([]);
    expect(await getCellHistory(workspace, randomUUID(), party)).toBeNull();
  });

  it("holds Russia's two draft treaties, answered article by article by the US and NATO responses", async () => {
    const proposals = await listNegotiationProposals(workspace);
    expect(proposals.map((p) => [p.proposedOn, p.party.name, p.kind, p.title, p.answers?.title ?? null])).toEqual([
      [
        "2021-12-17",
        "Russia",
        "DRAFT_TREATY",
        "Draft agreement on security measures between Russia and NATO member states",
        null,
      ],
      ["2021-12-17", "Russia", "DRAFT_TREATY", "Draft treaty between the US and Russia on security guarantees", null],
      [
        "2022-01-26",
        "NATO",
        "WRITTEN_RESPONSE",
        "NATO written response",
        "Draft agreement on security measures between Russia and NATO member states",
      ],
      [
        "2022-01-26",
        "United States",
        "WRITTEN_RESPONSE",
        "US written response",
        "Draft treaty between the US and Russia on security guarantees",
      ],
    ]);
    const nato = await getNegotiationProposal(workspace, proposals[0]!.id);
    expect(nato!.provisions.map((p) => [p.label, p.answeredBy.map((a) => `${a.proposal.title}: ${a.label}`)])).toEqual([
      ["Article 6: no further NATO enlargement", ["NATO written response: The open door stays"]],
      [
        "Article 5: no intermediate- and short-range missiles within reach",
        ["NATO written response: Three areas for interaction"],
      ],
    ]);
    // Every provision is a quote of its proposal's own document.
    const { rows } = await client.query<{ mismatched: number }>(
      `SELECT count(*)::int AS mismatched FROM proposal_provisions v
         JOIN negotiation_proposals p ON p.id = v."proposalId"
         JOIN evidence e ON e.id = v."evidenceId"
        WHERE p."workspaceId" = $1 AND e."documentId" IS DISTINCT FROM p."documentId"`,
      [workspace.id],
    );
    expect(rows[0]?.mismatched).toBe(0);
  });

  it("refuses to load a fixture with a quote that is not in its document, naming the quote", async () => {
    const altered = structuredClone(securityGuarantees);
    const victim = altered.evidence[7]!;
    victim.exact = `${victim.exact} (words nobody said)`;
    const slug = uniqueSlug("altered");

    const failure = await loadWorkspaceFixture(altered, { slug }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(FixtureError);
    expect((failure as Error).message).toContain(`"${victim.key}"`);
    expect((failure as Error).message).toContain(`"${victim.document}"`);
    const { rows } = await client.query("SELECT 1 FROM workspaces WHERE slug = $1", [slug]);
    expect(rows).toHaveLength(0);
  });

  it("names an unknown or duplicate key in a fixture", async () => {
    const unknownParty = structuredClone(securityGuarantees);
    unknownParty.statements[0]!.party = "atlantis";
    await expect(loadWorkspaceFixture(unknownParty, { slug: uniqueSlug("unknown") })).rejects.toThrow(
      /unknown party "atlantis"/,
    );

    const duplicate = structuredClone(securityGuarantees);
    duplicate.evidence.push({ ...duplicate.evidence[0]! });
    await expect(loadWorkspaceFixture(duplicate, { slug: uniqueSlug("duplicate") })).rejects.toThrow(FixtureError);
  });

  it("leaves nothing behind when the database refuses part of a fixture", async () => {
    // The workspace and its parties are written before the over-long issue title is refused.
    const broken = structuredClone(securityGuarantees);
    broken.issues.push({ key: "extra", title: "x".repeat(201), description: "" });
    const slug = uniqueSlug("broken");
    await expect(loadWorkspaceFixture(broken, { slug })).rejects.toMatchObject({
      message: expect.stringMatching(/issues_title_length/),
    });
    const { rows } = await client.query<{ workspaces: number; parties: number; documents: number }>(
      `SELECT (SELECT count(*) FROM workspaces)::int AS workspaces, (SELECT count(*) FROM parties)::int AS parties,
              (SELECT count(*) FROM documents)::int AS documents`,
    );
    expect(rows[0]).toEqual({
      workspaces: 1,
      parties: securityGuarantees.parties.length,
      documents: securityGuarantees.documents.length,
    });
  });

  describe("database guarantees", () => {
    type EvidenceRow = Record<string, unknown> & {
      id: string;
      startOffset: number;
      endOffset: number;
      exact: string;
      prefix: string;
      suffix: string;
    };
    let sample: EvidenceRow;

    beforeAll(async () => {
      const { rows } = await client.query<EvidenceRow>(
        `SELECT * FROM evidence WHERE "workspaceId" = $1 AND "startOffset" > 40 ORDER BY "startOffset" LIMIT 1`,
        [loaded.id],
      );
      sample = rows[0]!;
    });

    /** Inserts a copy of the sample quote with some fields changed. */
    function insertEvidence(changes: Partial<EvidenceRow>) {
      const row: Record<string, unknown> = { ...sample, id: randomUUID(), ...changes };
      // The database computes the search vector itself (a generated column refuses a value).
      const columns = Object.keys(row).filter((c) => c !== "searchVector");
      return client.query(
        `INSERT INTO evidence (${columns.map((c) => `"${c}"`).join(", ")}) VALUES (${columns.map((_, i) => `$${i + 1}`).join(", ")})`,
        columns.map((c) => row[c]),
      );
    }

    it("accepts a correct copy of a quote (the refusals below are about the anchor alone)", async () => {
      await expect(insertEvidence({})).resolves.toMatchObject({ rowCount: 1 });
    });

    it("refuses a quote whose words are not the ones at its offsets", async () => {
      // Same length, so only the trigger that reads the revision can tell.
      const wrong = sample.exact.split("").reverse().join("");
      expect(wrong).not.toBe(sample.exact);
      await expect(insertEvidence({ exact: wrong })).rejects.toMatchObject({
        code: CHECK_VIOLATION,
        message: expect.stringMatching(/does not match/),
      });
      await expect(
        insertEvidence({ startOffset: sample.startOffset + 1, endOffset: sample.endOffset + 1 }),
      ).rejects.toMatchObject({ code: CHECK_VIOLATION });
      await expect(
        client.query(`UPDATE evidence SET exact = $2 WHERE id = $1`, [sample.id, wrong]),
      ).rejects.toMatchObject({ code: CHECK_VIOLATION });
    });

    it("refuses a quote whose prefix or suffix is not the text around it", async () => {
      const other = (char: string | undefined) => (char === "x" ? "y" : "x");
      expect(sample.prefix.length).toBeGreaterThan(0);
      expect(sample.suffix.length).toBeGreaterThan(0);
      await expect(
        insertEvidence({ prefix: `${other(sample.prefix[0])}${sample.prefix.slice(1)}` }),
      ).rejects.toMatchObject({ code: CHECK_VIOLATION });
      await expect(
        insertEvidence({ suffix: `${sample.suffix.slice(0, -1)}${other(sample.suffix.at(-1))}` }),
      ).rejects.toMatchObject({ code: CHECK_VIOLATION });
    });

    it("refuses an anchor that ends beyond the text", async () => {
      const { rows } = await client.query<{ length: number }>(
        `SELECT char_length(text) AS length FROM document_revisions WHERE id = $1`,
        [sample.revisionId],
      );
      const length = rows[0]!.length;
      await expect(
        insertEvidence({ startOffset: length, endOffset: length + 3, exact: "abc", prefix: "", suffix: "" }),
      ).rejects.toMatchObject({ code: CHECK_VIOLATION });
    });

    it("refuses an anchor whose start is not before its end", async () => {
      await expect(insertEvidence({ endOffset: sample.startOffset, exact: "", suffix: "" })).rejects.toMatchObject({
        code: CHECK_VIOLATION,
        constraint: "evidence_offsets_ordered",
      });
      // Backwards: refused (by the CHECK or, first, by the trigger's substr).
      await expect(insertEvidence({ startOffset: sample.endOffset, endOffset: sample.startOffset })).rejects.toThrow();
    });

    it("refuses to change a stance statement", async () => {
      const { rows } = await client.query<{ id: string }>(
        `SELECT id FROM stance_statements WHERE "workspaceId" = $1 LIMIT 1`,
        [loaded.id],
      );
      await expect(
        client.query(`UPDATE stance_statements SET summary = 'rewritten history' WHERE id = $1`, [rows[0]!.id]),
      ).rejects.toMatchObject({
        code: CHECK_VIOLATION,
        message: expect.stringMatching(/append-only/),
      });
      await expect(
        client.query(`UPDATE stance_statements SET position = 'REJECTS' WHERE "workspaceId" = $1`, [loaded.id]),
      ).rejects.toMatchObject({ code: CHECK_VIOLATION });
    });

    it("refuses to change the text of a document revision, but lets its note change", async () => {
      await expect(
        client.query(`UPDATE document_revisions SET text = text || ' (edited)' WHERE id = $1`, [sample.revisionId]),
      ).rejects.toMatchObject({
        code: CHECK_VIOLATION,
        message: expect.stringMatching(/immutable/),
      });
      await expect(
        client.query(`UPDATE document_revisions SET note = 'checked against the print edition' WHERE id = $1`, [
          sample.revisionId,
        ]),
      ).resolves.toMatchObject({ rowCount: 1 });
    });

    it("refuses to edit or delete the activity log", async () => {
      await expect(
        client.query(`UPDATE activity_events SET action = 'nothing' WHERE "workspaceId" = $1`, [loaded.id]),
      ).rejects.toMatchObject({ code: "42501" });
      await expect(
        client.query(`DELETE FROM activity_events WHERE "workspaceId" = $1`, [loaded.id]),
      ).rejects.toMatchObject({ code: "42501" });
    });
  });
});

describe("a workspace whose document is full of awkward Unicode", () => {
  // Astral characters, ZWJ sequences, combining marks and RTL text: where UTF-16 indexes, code
  // points and graphemes disagree. JavaScript and the database must agree on code points.
  const text = [
    "🇺🇦 Kyiv, 14 February — 👩‍👩‍👧 families said: “Ми хочемо миру” (we want peace).",
    "The cafe\u0301 owner added, in Hebrew, שלום & <b>peace</b> 😀 — and then “Ми хочемо миру” again.",
    "𝕏 marks the end.",
  ].join("\n");
  const fixture: WorkspaceFixture = {
    slug: "unicode",
    title: "Unicode 😀 test",
    description: "",
    parties: [{ key: "ua", name: "Ukraine", shortName: "UA", colour: "#1d4ed8" }],
    issues: [{ key: "peace", title: "Peace", description: "" }],
    people: [],
    documents: [
      { key: "doc", file: "doc.txt", title: "Awkward", outlet: "", url: "", language: "uk", publishedOn: "2022-02" },
    ],
    evidence: [
      { key: "first-peace", document: "doc", exact: "“Ми хочемо миру”", saidOn: "2022-02-14", kind: "REPORTED_SPEECH" },
      {
        key: "second-peace",
        document: "doc",
        exact: "“Ми хочемо миру”",
        occurrence: 1,
        saidOn: "2022-02-14",
        kind: "REPORTED_SPEECH",
      },
      { key: "hebrew", document: "doc", exact: "שלום & <b>peace</b> 😀", saidOn: "2022-02-14", kind: "DIRECT_QUOTE" },
      { key: "accent", document: "doc", exact: "cafe\u0301", saidOn: "2022-02-14", kind: "DIRECT_QUOTE" },
      { key: "end", document: "doc", exact: "𝕏 marks", saidOn: "2022-02-14", kind: "DIRECT_QUOTE" },
    ],
    statements: [
      {
        party: "ua",
        issue: "peace",
        position: "OPEN",
        summary: "Recorded first on the day.",
        statedOn: "2022-02-14",
        evidence: [{ key: "first-peace", relation: "SUPPORTS" }],
      },
      {
        party: "ua",
        issue: "peace",
        position: "DEMANDS",
        summary: "Recorded second on the same day.",
        statedOn: "2022-02-14",
        evidence: [
          { key: "second-peace", relation: "SUPPORTS" },
          { key: "hebrew", relation: "CONTEXT" },
        ],
      },
    ],
  };
  const client = new pg.Client({ connectionString: testDatabaseUrl() });
  let corpusDir: string;
  let workspace: AuthorizedWorkspace;

  beforeAll(async () => {
    await client.connect();
    corpusDir = await mkdtemp(path.join(tmpdir(), "parley-unicode-"));
    await writeFile(path.join(corpusDir, "doc.txt"), text, "utf8");
    workspace = trustedWorkspace(await loadWorkspaceFixture(fixture, { slug: uniqueSlug("unicode"), corpusDir }));
  });
  afterAll(async () => {
    await client.end();
    await rm(corpusDir, { recursive: true, force: true });
  });

  it("stores code point offsets that PostgreSQL's substr reads back as the same words", async () => {
    const { rows } = await client.query<{
      exact: string;
      startOffset: number;
      endOffset: number;
      sqlSlice: string;
      sqlLength: number;
    }>(
      `SELECT e.exact, e."startOffset", e."endOffset", char_length(r.text) AS "sqlLength",
              substr(r.text, e."startOffset" + 1, e."endOffset" - e."startOffset") AS "sqlSlice"
       FROM evidence e JOIN document_revisions r ON r.id = e."revisionId" WHERE e."workspaceId" = $1 ORDER BY e."startOffset"`,
      [workspace.id],
    );
    expect(rows).toHaveLength(5);
    for (const row of rows) {
      expect(row.sqlLength).toBe(codePointLength(text));
      expect(row.sqlSlice).toBe(row.exact);
      expect(codePoints(text).slice(row.startOffset, row.endOffset).join("")).toBe(row.exact);
    }
    // The two occurrences of the same words are two different places.
    const peace = rows.filter((r) => r.exact === "“Ми хочемо миру”").map((r) => r.startOffset);
    expect(peace).toHaveLength(2);
    expect(peace[0]).not.toBe(peace[1]);
    // Code points, not UTF-16 units: the flag and the family come before the first quote.
    expect(peace[0]).toBe(codePointLength(text.slice(0, text.indexOf("“Ми"))));
    expect(peace[0]).toBeLessThan(text.indexOf("“Ми"));
  });

  it("shows the later-recorded of two statements made on the same day", async () => {
    const matrix = await getMatrix(workspace, "2022-02-14");
    expect(
      matrix.cells.filter((c) => c.statement).map((c) => [c.statement!.position, c.statement!.evidenceCount]),
    ).toEqual([["DEMANDS", 2]]);
    expect(matrix.cells.filter((c) => c.statement)).toHaveLength(1);
    const history = await getCellHistory(workspace, matrix.issues[0]!.id, matrix.parties[0]!.id);
    expect(history!.statements.map((s) => s.summary)).toEqual([
      "Recorded second on the same day.",
      "Recorded first on the day.",
    ]);
    expect((await getMatrix(workspace, "2022-02-13")).cells.filter((c) => c.statement)).toEqual([]);
  });
});
