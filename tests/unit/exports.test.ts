import { randomUUID } from "node:crypto";
import fc from "fast-check";
import type { Link, List, Nodes, Parent } from "mdast";
import { fromMarkdown } from "mdast-util-from-markdown";
import { gfmTableFromMarkdown } from "mdast-util-gfm-table";
import { toString as markdownText } from "mdast-util-to-string";
import { gfmTable } from "micromark-extension-gfm-table";
import { describe, expect, it } from "vitest";
import { sha256 } from "@/lib/documents/hash";
import { anchorAt, codePoints, locateQuote } from "@/lib/evidence/anchor";
import { formatBriefingHtml } from "@/lib/exports/briefing-html";
import { canonicalizeWorkspaceExport } from "@/lib/exports/canonical";
import { csvField, formatMatrixCsv, MATRIX_CSV_HEADER, toCsv } from "@/lib/exports/csv";
import { escapeHtml, html } from "@/lib/exports/html";
import { formatBriefingMarkdown } from "@/lib/exports/markdown";
import { formatMatrixJson } from "@/lib/exports/matrix-json";
import type { Citation, EvidenceExport, MatrixExport } from "@/lib/exports/model";
import { ExportQuerySchema, ImportWorkspaceSchema } from "@/lib/exports/schema";
import { briefingDigestOf } from "@/lib/exports/text";
import { buildEvidenceAnnotations } from "@/lib/exports/w3c";
import { type WorkspaceExport, WorkspaceExportSchema } from "@/lib/exports/workspace-file";
import { findExportProblems } from "@/lib/exports/workspace-integrity";
import { DEFAULT_POSITION_LABELS } from "@/lib/matrix/positions";
import { exportedQuote, linkedStatement } from "../support/evidence-export";

/** A strict RFC 4180 reader, to check that what formatMatrixCsv writes reads back field for field. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let i = 0;
  while (i < text.length) {
    if (text[i] === '"' && field === "") {
      i++;
      for (;;) {
        if (i >= text.length) throw new Error("unterminated quoted field");
        if (text[i] === '"' && text[i + 1] === '"') (field += '"'), (i += 2);
        else if (text[i] === '"') {
          i++;
          break;
        } else field += text[i++];
      }
      if (i < text.length && text[i] !== "," && text[i] !== "\r") throw new Error(`text after a closing quote at ${i}`);
    } else if (text[i] === ",") {
      row.push(field);
      field = "";
      i++;
    } else if (text[i] === "\r" && text[i + 1] === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      i += 2;
    } else if (text[i] === '"' || text[i] === "\n" || text[i] === "\r") {
      throw new Error(`bare ${JSON.stringify(text[i])} in an unquoted field at ${i}`);
    } else field += text[i++];
  }
  if (field !== "" || row.length > 0) throw new Error("the last record does not end with CRLF");
  return rows;
}

/** Reads Markdown back the way GitHub would (CommonMark and GFM tables). */
function parseMarkdown(text: string): Nodes {
  return fromMarkdown(text, { extensions: [gfmTable()], mdastExtensions: [gfmTableFromMarkdown()] });
}

/** Every node of a kind, in document order. */
function nodesOf(tree: Nodes, type: string): Nodes[] {
  const found: Nodes[] = tree.type === type ? [tree] : [];
  return "children" in tree ? [...found, ...tree.children.flatMap((child) => nodesOf(child, type))] : found;
}

/** A node's text with the Markdown taken away. */
function textOf(node: Nodes): string {
  return markdownText(node);
}

function paragraphTexts(tree: Nodes): string[] {
  return nodesOf(tree, "paragraph").map(textOf);
}

const HOSTILE_SUMMARY =
  'Says "no", then, later:\nmaybe <script>alert("x")</script> | **bold** [link](javascript:alert(1)) & more';

function citation(overrides: Partial<Citation> = {}): Citation {
  return {
    evidenceId: randomUUID(),
    relation: "SUPPORTS",
    exact: 'We will never, ever "agree" <b>to</b> that.',
    kind: "DIRECT_QUOTE",
    saidOn: "2022-01-10",
    speaker: { name: "Ann <Speaker>", role: "Minister", affiliation: "Russia" },
    document: {
      id: randomUUID(),
      title: "Talks <i>end</i>",
      outlet: "Wire, Inc.",
      url: "https://example.org/a?b=1&c=(2)",
      publishedOn: "2022-01-11",
      revision: 1,
    },
    threads: [],
    ...overrides,
  };
}

function matrix(): MatrixExport {
  const parties = [
    { id: randomUUID(), name: 'The "Party", Ltd', shortName: "P", colour: "#b91c1c" },
    { id: randomUUID(), name: "Other <side>", shortName: "O", colour: "red; background: url(https://evil.example/x)" },
  ];
  const issues = [
    { id: randomUUID(), title: "Issue, with comma", description: "Line one\n# not a heading" },
    { id: randomUUID(), title: "Empty issue", description: "" },
  ];
  return {
    workspace: { slug: "test", title: "Talks <script>alert(1)</script>", description: "A description & more" },
    asOf: "2022-02-16",
    positionLabels: { ...DEFAULT_POSITION_LABELS, DEMANDS: "Insists | firmly" },
    parties,
    issues,
    cells: [
      {
        issueId: issues[0]!.id,
        partyId: parties[0]!.id,
        statement: {
          id: randomUUID(),
          position: "DEMANDS",
          summary: HOSTILE_SUMMARY,
          statedOn: "2022-01-10",
          confidence: "LOW",
          confidenceRationale: "A paraphrase, not the minister's words.",
          redLine: true,
          conditionText: '=Only if, the other side "moves" first',
          conditionCell: { issue: "Empty issue", party: 'The "Party", Ltd', minPosition: "SUPPORTS" },
          citations: [
            citation(),
            citation({
              exact: '=HYPERLINK("https://evil.example")',
              speaker: null,
              document: { ...citation().document, url: "javascript:alert(1)" },
            }),
          ],
          threads: [
            {
              id: randomUUID(),
              root: {
                author: "Bea <img src=x onerror=alert(1)>",
                body: "Is this right?\n- really?",
                createdAt: "2022-02-01T10:00:00.000Z",
                edited: false,
              },
              replies: [
                {
                  author: "Cy",
                  body: "</li></ul><script>bad()</script>",
                  createdAt: "2022-02-02T10:00:00.000Z",
                  edited: true,
                },
              ],
            },
          ],
        },
      },
      { issueId: issues[0]!.id, partyId: parties[1]!.id, statement: null },
      { issueId: issues[1]!.id, partyId: parties[0]!.id, statement: null },
      { issueId: issues[1]!.id, partyId: parties[1]!.id, statement: null },
    ],
    changes: [
      {
        at: "2022-02-15T09:30:00.000Z",
        actor: "Ana <b>",
        text: "corrected The “Party”, Ltd on Issue, with comma: Open → Insists | firmly, “a misreading”",
        detail: "New *wording* <script>x()</script>",
      },
    ],
  };
}

describe("CSV", () => {
  it("quotes fields holding commas, double quotes or line breaks, doubling the quotes", () => {
    expect(csvField("plain")).toBe("plain");
    expect(csvField("a,b")).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField("two\nlines")).toBe('"two\nlines"');
    expect(csvField("cr\rhere")).toBe('"cr\rhere"');
    expect(csvField("")).toBe("");
  });

  it("defuses cells a spreadsheet would run as formulas", () => {
    expect(csvField("=1+1")).toBe("'=1+1");
    expect(csvField("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField("a = b")).toBe("a = b");
  });

  it("separates records with CRLF and ends with one", () => {
    expect(
      toCsv([
        ["a", "b"],
        ["c", "d,e"],
      ]),
    ).toBe('a,b\r\nc,"d,e"\r\n');
  });

  it("writes one record per issue × party that reads back exactly", () => {
    const model = matrix();
    const csv = formatMatrixCsv(model);
    expect(csv.startsWith("\uFEFFissue,party,")).toBe(true);
    const rows = parseCsv(csv.slice(1));
    expect(rows[0]).toEqual([...MATRIX_CSV_HEADER]);
    expect(rows).toHaveLength(1 + model.issues.length * model.parties.length);
    const [issue, party, position, label, summary, statedOn, count, citations, confidence, rationale, ...qualities] =
      rows[1]!;
    expect(qualities).toEqual([
      "true",
      "true",
      '\'=Only if, the other side "moves" first',
      "Empty issue",
      'The "Party", Ltd',
      "SUPPORTS",
    ]);
    // An empty cell leaves every quality empty.
    expect(rows.at(-1)!.slice(-6)).toEqual(["", "", "", "", "", ""]);
    expect({ confidence, rationale }).toEqual({
      confidence: "LOW",
      rationale: "A paraphrase, not the minister's words.",
    });
    expect({ issue, party, position, label, summary, statedOn, count }).toEqual({
      issue: "Issue, with comma",
      party: 'The "Party", Ltd',
      position: "DEMANDS",
      label: "Insists | firmly",
      summary: HOSTILE_SUMMARY,
      statedOn: "2022-01-10",
      count: "2",
    });
    const lines = citations!.split("\n");
    expect(lines).toHaveLength(2);
    expect(lines[0]).toContain(
      '“We will never, ever "agree" <b>to</b> that.” — Ann <Speaker> (Minister, Russia), 2022-01-10',
    );
    expect(lines[0]).toContain("Talks <i>end</i>, Wire, Inc., published 11 Jan 2022 <https://example.org/a?b=1&c=(2)>");
    expect(rows[2]!.slice(2)).toEqual(["", "", "", "", "0", "", "", "", "", "", "", "", "", ""]);
  });
});

describe("HTML briefing", () => {
  const page = formatBriefingHtml(matrix());

  it("escapes every value: a <script> in a summary or title is text, not markup", () => {
    expect(page).not.toMatch(/<script/i);
    expect(page).toContain("Talks &lt;script&gt;alert(1)&lt;/script&gt;");
    expect(page).toContain("maybe &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
    expect(page).toContain("&lt;/li&gt;&lt;/ul&gt;&lt;script&gt;bad()&lt;/script&gt;");
    expect(page).toContain("Bea &lt;img src=x onerror=alert(1)&gt;");
    expect(page).not.toMatch(/<img/i);
    expect(page).toContain("The &quot;Party&quot;, Ltd");
  });

  it("links only http(s) sources and keeps a non-colour out of style attributes", () => {
    expect(page).not.toMatch(/href="javascript:/i);
    expect(page).toContain('href="https://example.org/a?b=1&amp;c=(2)"');
    expect(page).not.toContain("evil.example/x");
    expect(page).toContain('style="border-top-color: #b91c1c"');
  });

  it("is one self-contained page that forbids scripts and fetches nothing", () => {
    expect(page.startsWith("<!doctype html>")).toBe(true);
    expect(page).toContain(
      `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`,
    );
    expect(page).not.toMatch(/<link|<script|src="http/i);
    expect(page).toContain('font: 10.5pt/1.45 Georgia, "Times New Roman", serif');
  });

  it("shows the open threads under the statement", () => {
    expect(page).toContain("Open threads");
    expect(page).toContain("Is this right?\n- really?");
    expect(page).toContain("(edited)");
  });

  it("says what changed in the activity log's own sentences, escaped", () => {
    expect(page).toContain('<h2 id="changes-heading">What changed</h2>');
    expect(page).toContain(
      "<strong>Ana &lt;b&gt;</strong> corrected The “Party”, Ltd on Issue, with comma: Open → Insists | firmly, “a misreading”",
    );
    expect(page).toContain("New *wording* &lt;script&gt;x()&lt;/script&gt;");
    expect(formatBriefingHtml({ ...matrix(), changes: [] })).toContain(
      "No changes to stances, quotes or documents were recorded by this date.",
    );
  });

  it("escapes interpolations, nests templates without escaping them twice", () => {
    const inner = html`<b>${"<i>"}</b>`;
    expect(html`<p title="${"\"x\" & 'y'"}">${inner}${["a", html`<br>`, null, false, 3]}</p>`.toString()).toBe(
      '<p title="&quot;x&quot; &amp; &#39;y&#39;"><b>&lt;i&gt;</b>a<br>3</p>',
    );
    expect(escapeHtml(`<>&"'`)).toBe("&lt;&gt;&amp;&quot;&#39;");
  });
});

describe("Markdown briefing", () => {
  const text = formatBriefingMarkdown(matrix());
  const tree = parseMarkdown(text);

  it("keeps every value from the workspace as text: no HTML, link, emphasis or heading comes from data", () => {
    expect(nodesOf(tree, "html")).toEqual([]);
    expect(text).not.toMatch(/(^|[^\\])<script/);
    // The summary reads back word for word, its Markdown and HTML inert.
    expect(paragraphTexts(tree)).toContain(HOSTILE_SUMMARY);
    expect(paragraphTexts(tree)).toContain("New *wording* <script>x()</script>");
    expect(nodesOf(tree, "heading").map(textOf)).toEqual([
      "Talks <script>alert(1)</script>",
      "Matrix",
      "What changed",
      "Positions",
      "Issue, with comma",
      'The "Party", Ltd: Insists | firmly',
    ]);
    expect(nodesOf(tree, "strong").map(textOf)).toEqual([
      "Ana <b>",
      "Quotes",
      "Open threads",
      "Bea <img src=x onerror=alert(1)>",
      "Cy",
    ]);
  });

  it("keeps table rows to their columns and links only http(s) sources", () => {
    const rows = nodesOf(tree, "tableRow").map((row) => (row as Parent).children.map(textOf));
    expect(rows).toEqual([
      ["Issue", 'The "Party", Ltd', "Other <side>"],
      ["Issue, with comma", "Insists | firmly (10 Jan 2022)", "—"],
      ["Empty issue", "—", "—"],
    ]);
    // The summary's own "[link](javascript:…)" and the javascript: source stay text.
    expect(nodesOf(tree, "link").map((link) => [(link as Link).url, textOf(link)])).toEqual([
      ["https://example.org/a?b=1&c=(2)", "Talks <i>end</i>"],
    ]);
  });

  it("lists each open thread with its replies", () => {
    const [thread] = nodesOf(tree, "list").filter((list) => textOf(list).startsWith("Bea"));
    const [root] = (thread as List).children;
    expect(textOf(root!.children[0]!)).toBe("Bea <img src=x onerror=alert(1)>, 1 Feb 2022: Is this right?\n- really?");
    expect(textOf(root!.children[1]!)).toBe("Cy, 2 Feb 2022 (edited): </li></ul><script>bad()</script>");
  });

  it("lets no text, however written, escape its place", () => {
    const hostile = fc
      .string({ unit: fc.constantFrom(..."<>[]()!*_`|#-+=~&\\\n :/aj.1"), maxLength: 40 })
      // Names and titles are never blank (their schemas say so); "****" would then be text, not bold.
      .filter((value) => value.trim() !== "");
    fc.assert(
      fc.property(hostile, (value) => {
        const model = matrix();
        const cell = model.cells[0]!.statement!;
        const parsed = parseMarkdown(
          formatBriefingMarkdown({
            ...model,
            workspace: { ...model.workspace, title: value, description: value },
            parties: model.parties.map((p) => ({ ...p, name: value })),
            issues: model.issues.map((i) => ({ ...i, title: value })),
            changes: model.changes.map((c) => ({ ...c, actor: value, text: value, detail: value })),
            cells: [
              { ...model.cells[0]!, statement: { ...cell, summary: value, confidenceRationale: value } },
              ...model.cells.slice(1),
            ],
          }),
        );
        for (const kind of ["html", "image", "code", "inlineCode", "thematicBreak", "definition", "linkReference"])
          expect(nodesOf(parsed, kind)).toEqual([]);
        expect(nodesOf(parsed, "link")).toHaveLength(1);
        expect(nodesOf(parsed, "heading")).toHaveLength(6);
        expect(nodesOf(parsed, "strong")).toHaveLength(5);
        expect(nodesOf(parsed, "tableRow").map((row) => (row as Parent).children.length)).toEqual([3, 3, 3]);
      }),
      { numRuns: 300 },
    );
  });

  it("says what changed in the activity log's own sentences", () => {
    expect(text).toContain(
      "## What changed\n\nThe latest change to the record up to 16 Feb 2022, newest first:\n\n- 15 Feb 2022: ",
    );
    const [changes] = nodesOf(tree, "list");
    expect((changes as List).children.map((entry) => entry.children.map(textOf))).toEqual([
      [
        "15 Feb 2022: Ana <b> corrected The “Party”, Ltd on Issue, with comma: Open → Insists | firmly, “a misreading”",
        "New *wording* <script>x()</script>",
      ],
    ]);
  });
});

describe("the briefings' digest of what moved", () => {
  const digest = briefingDigestOf(
    {
      from: "2022-01-26",
      to: "2022-02-16",
      events: [],
      redLines: [
        {
          issueId: "i",
          partyId: "p",
          sentence: "Russia drew a red line on <Expansion>.",
          href: "/w/talks?asOf=2022-01-27&cell=i:p",
          change: "drawn",
        },
      ],
      moved: [
        {
          issueId: "i",
          partyId: "q",
          sentence: "NATO moved from Opposes to Open.",
          href: "/w/talks?asOf=2022-02-01&cell=i:q",
          from: "OPPOSES",
          to: "OPEN",
          statedOn: "2022-02-01",
        },
      ],
      stated: [],
      retracted: [],
    },
    "https://parley.example/",
  );

  it("keeps the sections that have entries, in plain sentences with absolute links", () => {
    expect(digest.sections.map((s) => s.title)).toEqual(["Red lines drawn or dropped", "Positions that moved"]);
    expect(digest.sections[1]!.entries).toEqual([
      { sentence: "NATO moved from Opposes to Open.", href: "https://parley.example/w/talks?asOf=2022-02-01&cell=i:q" },
    ]);
  });

  it("is printed between the changes and the positions, escaped, in both briefings", () => {
    const text = formatBriefingMarkdown({ ...matrix(), whatMoved: digest });
    expect(text).toContain("## What moved\n\nWhat moved after 26 Jan 2022 up to 16 Feb 2022:");
    expect(nodesOf(parseMarkdown(text), "link").map((link) => [(link as Link).url, textOf(link)])).toContainEqual([
      "https://parley.example/w/talks?asOf=2022-02-01&cell=i:q",
      "NATO moved from Opposes to Open.",
    ]);
    expect(text.indexOf("## What changed")).toBeLessThan(text.indexOf("## What moved"));
    expect(text.indexOf("## What moved")).toBeLessThan(text.indexOf("## Positions"));
    const page = formatBriefingHtml({ ...matrix(), whatMoved: digest });
    expect(page).toContain('<h2 id="moved-heading">What moved</h2>');
    expect(page).toContain(
      '<a href="https://parley.example/w/talks?asOf=2022-01-27&amp;cell=i:p">Russia drew a red line on &lt;Expansion&gt;.</a>',
    );
    expect(formatBriefingMarkdown({ ...matrix(), whatMoved: { ...digest, sections: [] } })).toContain(
      "Nothing moved after 26 Jan 2022 up to 16 Feb 2022.",
    );
    // Without a window (no earlier change date), no section at all.
    expect(formatBriefingMarkdown(matrix())).not.toContain("## What moved");
  });
});

describe("matrix JSON", () => {
  it("carries every cell with its citations and their sources", () => {
    const parsed = JSON.parse(formatMatrixJson(matrix()));
    expect(parsed).toMatchObject({ format: "parley.matrix", version: 1, asOf: "2022-02-16" });
    expect(parsed.cells).toHaveLength(4);
    expect(parsed.cells[0].statement).toMatchObject({
      position: "DEMANDS",
      positionLabel: "Insists | firmly",
      summary: HOSTILE_SUMMARY,
    });
    expect(parsed.cells[0].statement.citations[0]).toMatchObject({
      relation: "SUPPORTS",
      kind: "DIRECT_QUOTE",
      source: { title: "Talks <i>end</i>", url: "https://example.org/a?b=1&c=(2)" },
    });
    expect(parsed.cells[1].statement).toBeNull();
  });
});

describe("W3C Web Annotations", () => {
  // Astral characters before the quote: code point offsets differ from UTF-16 ones here.
  const text = "🇺🇦 Intro 😀 — he said: «We want guarantees», then left.";
  const quote = locateQuote(text, "We want guarantees")!;
  const model: EvidenceExport = {
    workspace: { id: randomUUID(), slug: "talks", title: "Talks" },
    positionLabels: DEFAULT_POSITION_LABELS,
    evidence: [
      exportedQuote(quote, { id: randomUUID(), name: "Analyst" }, [
        { relation: "SUPPORTS", statement: linkedStatement("DEMANDS", "Wants them.") },
      ]),
    ],
  };

  it("is an AnnotationCollection of describing Annotations with both selectors", () => {
    const collection = buildEvidenceAnnotations(model);
    expect(collection["@context"]).toBe("http://www.w3.org/ns/anno.jsonld");
    expect(collection).toMatchObject({
      type: "AnnotationCollection",
      total: 1,
      first: { type: "AnnotationPage", startIndex: 0, partOf: { id: collection.id, total: 1 } },
      last: collection.first.id,
    });
    const [annotation] = collection.first.items;
    expect(annotation).toMatchObject({
      id: `urn:uuid:${model.evidence[0]!.id}`,
      type: "Annotation",
      motivation: "describing",
      created: "2022-01-12T08:00:00.000Z",
      creator: { id: `urn:uuid:${model.evidence[0]!.creator!.id}`, type: "Person", name: "Analyst" },
      target: {
        type: "SpecificResource",
        source: {
          id: `urn:uuid:${model.evidence[0]!.document.revisionId}`,
          type: "Text",
          format: "text/plain",
          language: "en",
        },
        selector: [
          { type: "TextPositionSelector", start: quote.startOffset, end: quote.endOffset },
          { type: "TextQuoteSelector", exact: "We want guarantees", prefix: quote.prefix, suffix: quote.suffix },
        ],
      },
    });
    const purposes = annotation!.body.map((b) => b.purpose);
    expect(purposes).toEqual(["describing", "tagging", "identifying", "commenting", "linking"]);
    const values = annotation!.body.map((b) => ("value" in b ? b.value : null));
    expect(annotation!.body.every((b) => b.type === "TextualBody")).toBe(true);
    expect(values[0]).toContain("Direct quote — Ann (Minister, Russia), 2022-01-10");
    expect(values[4]).toBe("Supports: Russia on “Guarantees” — Demands, stated 2022-01-10: Wants them.");
  });

  it("counts the TextPositionSelector in code points, as the model specifies", () => {
    const [annotation] = buildEvidenceAnnotations(model).first.items;
    const position = [annotation!.target].flat()[0]!.selector[0] as { start: number; end: number };
    expect(codePoints(text).slice(position.start, position.end).join("")).toBe("We want guarantees");
    expect(text.indexOf("We want guarantees")).not.toBe(position.start);
  });

  it("uses app URLs for scope, stances and the collection when the public URL is known", () => {
    const collection = buildEvidenceAnnotations(model, { baseUrl: "https://parley.example.org/" });
    const [annotation] = collection.first.items;
    expect(collection.id).toBe("https://parley.example.org/api/w/talks/export?format=w3c");
    expect(annotation!.target).toMatchObject({
      scope: `https://parley.example.org/w/talks/documents/${model.evidence[0]!.document.id}`,
    });
    const link = model.evidence[0]!.links[0]!.statement;
    expect(annotation!.body[5]).toEqual({
      type: "SpecificResource",
      purpose: "linking",
      source: {
        id: `https://parley.example.org/w/talks/cells/${link.issueId}/${link.partyId}`,
        type: "Text",
        format: "text/html",
      },
    });
  });
});

describe("workspace export files", () => {
  function sample(): WorkspaceExport {
    // 40 astral characters before the quote: its 32-code-point prefix is 64 UTF-16 units long.
    const text = `${"😀".repeat(40)} Moscow wants guarantees. Washington says no.`;
    const text2 = `Correction. ${text}`;
    const [party, issue, person, document, rev1, rev2, quote, first, second] = Array.from({ length: 9 }, () =>
      randomUUID(),
    );
    const anchor = locateQuote(text, "wants guarantees")!;
    expect(anchor.prefix.length).toBeGreaterThan(32);
    const moved = locateQuote(text2, "wants guarantees")!;
    const by = { name: "Ann", email: "ann@example.org" };
    return WorkspaceExportSchema.parse({
      format: "parley.workspace",
      version: 1,
      exportedAt: "2024-01-01T00:00:00.000Z",
      workspace: {
        slug: "a",
        title: "T",
        description: "",
        positionLabels: { OPEN: "Undecided" },
        createdAt: "2023-01-01T00:00:00.000Z",
      },
      parties: [{ id: party, name: "Russia", shortName: "RU", colour: "#b91c1c", sortOrder: 0, archivedAt: null }],
      issues: [{ id: issue, title: "Guarantees", description: "", sortOrder: 0, archivedAt: null }],
      people: [{ id: person, name: "Ann", aliases: [], role: "", partyId: party, organisation: "" }],
      documents: [
        {
          id: document,
          title: "D",
          outlet: "",
          url: "",
          language: "en",
          publishedOn: "2022",
          importedAt: "2023-01-02T00:00:00.000Z",
          importedBy: by,
          revisions: [
            {
              id: rev1,
              number: 1,
              text,
              contentHash: sha256(text),
              note: "",
              createdAt: "2023-01-02T00:00:00.000Z",
              createdBy: by,
            },
            {
              id: rev2,
              number: 2,
              text: text2,
              contentHash: sha256(text2),
              note: "fix",
              createdAt: "2023-01-03T00:00:00.000Z",
              createdBy: null,
            },
          ],
        },
      ],
      evidence: [
        {
          id: quote,
          documentId: document,
          revisionId: rev1,
          ...anchor,
          speakerId: person,
          saidOn: "2022-01-01",
          kind: "DIRECT_QUOTE",
          note: "",
          createdAt: "2023-01-02T00:00:00.000Z",
          createdBy: by,
          anchors: [
            {
              revisionId: rev2,
              status: "MOVED",
              score: 1,
              startOffset: moved.startOffset,
              endOffset: moved.endOffset,
              exact: moved.exact,
              createdAt: "2023-01-03T00:00:00.000Z",
              reviewedAt: null,
              reviewedBy: null,
            },
          ],
        },
      ],
      statements: [
        {
          id: first,
          partyId: party,
          issueId: issue,
          position: "OPEN",
          summary: "Open.",
          statedOn: "2022-01-01",
          recordedAt: "2023-01-02T00:00:00.000Z",
          recordedBy: by,
          evidence: [],
          amendment: {
            kind: "CORRECTED",
            replacementId: second,
            reason: "Misread",
            amendedAt: "2023-01-04T00:00:00.000Z",
            amendedBy: by,
          },
        },
        {
          id: second,
          partyId: party,
          issueId: issue,
          position: "DEMANDS",
          summary: "Demands.",
          statedOn: "2022-01-01",
          recordedAt: "2023-01-04T00:00:00.000Z",
          recordedBy: by,
          evidence: [{ evidenceId: quote, relation: "SUPPORTS" }],
          amendment: null,
        },
      ],
      cells: [{ issueId: issue, partyId: party, version: 2, updatedAt: "2023-01-04T00:00:00.000Z" }],
      comments: [],
    });
  }

  /** The same content under fresh ids, with every array in reverse order. */
  function renumbered(file: WorkspaceExport): WorkspaceExport {
    const ids = new Map<string, string>();
    const json = JSON.stringify(file).replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, (id) => {
      if (!ids.has(id)) ids.set(id, randomUUID());
      return ids.get(id)!;
    });
    const copy = JSON.parse(json) as WorkspaceExport;
    return {
      ...copy,
      workspace: { ...copy.workspace, slug: "b", createdAt: "2025-01-01T00:00:00.000Z" },
      exportedAt: "2025-01-01T00:00:00.000Z",
      statements: [...copy.statements].reverse(),
      documents: copy.documents.map((d) => ({ ...d, revisions: [...d.revisions].reverse() })),
    } as WorkspaceExport;
  }

  it("canonicalises two copies of one workspace to the same value, whatever their ids and order", () => {
    const file = sample();
    expect(findExportProblems(file)).toEqual([]);
    expect(canonicalizeWorkspaceExport(renumbered(file))).toEqual(canonicalizeWorkspaceExport(file));
    const changed = {
      ...file,
      statements: file.statements.map((s, i) => (i === 1 ? { ...s, summary: "Something else." } : s)),
    };
    expect(canonicalizeWorkspaceExport(changed)).not.toEqual(canonicalizeWorkspaceExport(file));
  });

  it("finds quotes that are not the words at their offsets, dangling references and bad hashes", () => {
    const file = sample();
    const broken: WorkspaceExport = {
      ...file,
      evidence: file.evidence.map((e) => ({ ...e, startOffset: e.startOffset + 1, endOffset: e.endOffset + 1 })),
      statements: file.statements.map((s) => ({
        ...s,
        evidence: [{ evidenceId: randomUUID(), relation: "SUPPORTS" as const }],
      })),
      documents: file.documents.map((d) => ({
        ...d,
        revisions: d.revisions.map((r) => ({ ...r, text: `${r.text}!` })),
      })),
    };
    const problems = findExportProblems(broken);
    expect(problems.some((p) => p.includes("is not the text at its offsets"))).toBe(true);
    expect(problems.some((p) => p.includes("a linked quote is not in the file"))).toBe(true);
    expect(problems.some((p) => p.includes("does not match its content hash"))).toBe(true);
    const anchor = anchorAt(file.documents[0]!.revisions[0]!.text, 0, 6);
    expect(findExportProblems({ ...file, evidence: file.evidence.map((e) => ({ ...e, ...anchor })) })).toEqual([]);
  });

  it("refuses files of another format or version with a message", () => {
    const result = WorkspaceExportSchema.safeParse({ ...sample(), version: 2 });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe("This Parley reads workspace exports of version 1.");
  });
});

describe("export and import requests", () => {
  it("accepts the six formats and a calendar date, and says what is wrong otherwise", () => {
    for (const format of ["csv", "json", "md", "html", "w3c", "workspace"])
      expect(ExportQuerySchema.safeParse({ format }).success).toBe(true);
    expect(ExportQuerySchema.parse({ format: "csv", asOf: "2022-02-16" })).toEqual({
      format: "csv",
      asOf: "2022-02-16",
    });
    expect(ExportQuerySchema.safeParse({ format: "pdf" }).error?.issues[0]?.message).toBe(
      "Choose a format: csv, json, md, html, w3c, workspace.",
    );
    expect(ExportQuerySchema.safeParse({}).success).toBe(false);
    expect(ExportQuerySchema.safeParse({ format: "csv", asOf: "2022-02-30" }).error?.issues[0]?.message).toBe(
      "Use a date written as YYYY-MM-DD, for example 2022-01-27.",
    );
  });

  it("takes only slugs the database accepts", () => {
    const slug = (value: string) => ImportWorkspaceSchema.safeParse({ slug: value, file: "{}" }).success;
    expect(slug("talks-2024")).toBe(true);
    expect(slug("a".repeat(64))).toBe(true);
    for (const bad of ["", "Talks", "talks--2024", "-talks", "talks-", "tälks", "a".repeat(65), "a b"])
      expect(slug(bad)).toBe(false);
  });
});
