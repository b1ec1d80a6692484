import { html, type SafeHtml } from "@/lib/exports/html";
import type { Citation, CommentThread, MatrixExport, RecordedChange, ThreadComment } from "@/lib/exports/model";
import { citationQuotes, describeCitationKind, describeSpeaker, httpUrl, matrixCellsByIssue } from "@/lib/exports/text";
import type { Position } from "@/lib/generated/prisma/enums";
import { formatCalendarDate } from "@/lib/matrix/dates";
import { POSITIONS } from "@/lib/matrix/positions";
import { CONFIDENCE_LABELS } from "@/lib/matrix/schema";

// A self-contained, printable briefing: one file, no scripts, no external resources. All markup
// comes from `html` templates, which escape every value from the workspace; the page's own
// Content-Security-Policy would keep a script from running even if one slipped through.

// Fixed per position, as in the app (lib/matrix/positions.ts POSITION_STYLES).
const POSITION_COLOURS: Record<Position, { ink: string; fill: string }> = {
  DEMANDS: { ink: "#6d28d9", fill: "#f5f3ff" },
  SUPPORTS: { ink: "#047857", fill: "#ecfdf5" },
  OPEN: { ink: "#0369a1", fill: "#f0f9ff" },
  CONDITIONAL: { ink: "#b45309", fill: "#fffbeb" },
  OPPOSES: { ink: "#c2410c", fill: "#fff7ed" },
  REJECTS: { ink: "#b91c1c", fill: "#fef2f2" },
  NO_POSITION: { ink: "#475569", fill: "#f8fafc" },
};

// A template, not a string: its text is markup written here, so quotes in it stay quotes.
const STYLE = html`
  @page { size: A4; margin: 16mm 14mm; }
  * { box-sizing: border-box; }
  body { font: 10.5pt/1.45 Georgia, "Times New Roman", serif; color: #0f172a; margin: 0 auto; max-width: 1100px; padding: 24px; }
  h1, h2, h3, h4, .kicker, table, .meta, figcaption, .threads, .legend, footer { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
  h1 { font-size: 20pt; margin: 0 0 6px; }
  h2 { font-size: 14pt; border-bottom: 1px solid #cbd5e1; padding-bottom: 4px; margin-top: 28px; }
  h3 { font-size: 12.5pt; margin: 22px 0 4px; }
  h4 { font-size: 11pt; margin: 14px 0 4px; display: flex; gap: 8px; align-items: center; flex-wrap: wrap; }
  .kicker { text-transform: uppercase; letter-spacing: .06em; font-size: 8.5pt; color: #475569; margin: 0; }
  .description, .issue-description { color: #334155; white-space: pre-line; }
  table.matrix { border-collapse: collapse; width: 100%; font-size: 9pt; }
  table.matrix th, table.matrix td { border: 1px solid #cbd5e1; padding: 5px 6px; vertical-align: top; text-align: left; }
  table.matrix thead th { background: #f1f5f9; border-top: 4px solid #94a3b8; }
  table.matrix tbody th { font-weight: 600; width: 28%; }
  table.matrix td .date { display: block; color: #475569; font-size: 8pt; }
  td.empty { color: #94a3b8; text-align: center; }
  .badge { display: inline-block; border: 1px solid; border-radius: 999px; padding: 0 8px; font-size: 8.5pt; font-weight: 600; }
  .party { border-left: 4px solid #94a3b8; padding-left: 6px; }
  .legend { list-style: none; display: flex; flex-wrap: wrap; gap: 6px; padding: 0; font-size: 8.5pt; }
  .meta { color: #475569; font-size: 9pt; margin: 0 0 4px; }
  .summary { white-space: pre-line; margin: 4px 0 8px; }
  ol.quotes { margin: 6px 0 10px; padding-left: 20px; }
  ol.quotes li { margin-bottom: 8px; }
  figure { margin: 0; }
  blockquote { margin: 0; padding: 4px 10px; border-left: 3px solid #cbd5e1; white-space: pre-line; font-style: italic; }
  figcaption { font-size: 8.5pt; color: #475569; margin-top: 2px; }
  .threads { font-size: 9pt; border: 1px solid #fde68a; background: #fffbeb; border-radius: 6px; padding: 6px 10px; margin: 6px 0; }
  .threads p.title { font-weight: 600; margin: 0 0 4px; }
  .threads ul { margin: 0; padding-left: 16px; }
  .threads .body { white-space: pre-line; }
  .threads .author { font-weight: 600; }
  article.issue, section.cell { break-inside: avoid-page; }
  section.cell { border-top: 1px dashed #e2e8f0; }
  a { color: #3730a3; }
  ol.changes { margin: 6px 0 10px; padding-left: 20px; font-size: 9.5pt; }
  ol.changes li { margin-bottom: 4px; }
  ol.changes .detail { display: block; color: #334155; white-space: pre-line; }
  footer { margin-top: 32px; font-size: 8pt; color: #64748b; }
  @media print { body { padding: 0; max-width: none; } a { color: inherit; } }
  ${POSITIONS.map((p) => `.pos-${p} { color: ${POSITION_COLOURS[p].ink}; background: ${POSITION_COLOURS[p].fill}; border-color: ${POSITION_COLOURS[p].ink}; }`).join("\n  ")}
`;

/** A party colour for a style attribute, only when it is exactly #rrggbb. */
function colourStyle(property: string, colour: string): string | null {
  return /^#[0-9a-fA-F]{6}$/.test(colour) ? `${property}: ${colour}` : null;
}

function link(text: string, url: string): SafeHtml {
  const href = httpUrl(url);
  return href ? html`<a href="${href}" rel="noopener noreferrer">${text}</a>` : html`${text}`;
}

const day = (timestamp: string) => formatCalendarDate(timestamp.slice(0, 10));

function comment(entry: ThreadComment): SafeHtml {
  return html`<span class="author">${entry.author}</span>, ${day(entry.createdAt)}${entry.edited ? " (edited)" : ""}: <span class="body">${entry.body}</span>`;
}

function threads(list: CommentThread[], title: string): SafeHtml | null {
  if (list.length === 0) return null;
  return html`<div class="threads"><p class="title">${title}</p><ul>${list.map(
    (thread) =>
      html`<li>${thread.root ? comment(thread.root) : html`<em>First comment deleted.</em>`}${
        thread.replies.length > 0
          ? html`<ul>${thread.replies.map((reply) => html`<li>${comment(reply)}</li>`)}</ul>`
          : null
      }</li>`,
  )}</ul></div>`;
}

function change(entry: RecordedChange): SafeHtml {
  return html`<li><span class="meta">${day(entry.at)}</span> <strong>${entry.actor}</strong> ${entry.text}${entry.detail ? html`<span class="detail">${entry.detail}</span>` : null}</li>`;
}

function citation(entry: Citation): SafeHtml {
  const source = [
    entry.document.outlet,
    entry.document.publishedOn ? `published ${formatCalendarDate(entry.document.publishedOn)}` : "",
  ]
    .filter(Boolean)
    .join(", ");
  const quotes = citationQuotes(entry).map((q) =>
    q.label
      ? html`<blockquote lang="${q.language ?? ""}">“${q.exact}”</blockquote><p class="side">${q.label}</p>`
      : html`<blockquote>“${q.exact}”</blockquote>`,
  );
  return html`<li><figure>${quotes}<figcaption>— ${describeSpeaker(entry.speaker)}, ${formatCalendarDate(entry.saidOn)} · ${describeCitationKind(entry)}<br>Source: ${link(entry.document.title, entry.document.url)}${source ? `, ${source}` : ""}</figcaption></figure>${threads(entry.threads, "Open threads on this quote")}</li>`;
}

function whatMovedSection(digest: MatrixExport["whatMoved"]): SafeHtml | null {
  if (!digest) return null;
  const window = `after ${formatCalendarDate(digest.from)} up to ${formatCalendarDate(digest.to)}`;
  return html`<section aria-labelledby="moved-heading">
<h2 id="moved-heading">What moved</h2>
${
  digest.sections.length === 0
    ? html`<p>Nothing moved ${window}.</p>`
    : html`<p class="meta">What moved ${window}:</p>${digest.sections.map(
        (section) =>
          html`<h3>${section.title}</h3><ul class="changes">${section.entries.map(
            (entry) => html`<li><a href="${entry.href}">${entry.sentence}</a></li>`,
          )}</ul>`,
      )}`
}
</section>`;
}

type Grouped = ReturnType<typeof matrixCellsByIssue>;

/** The matrix at a glance: a row per issue, a column per party, and the scale's legend. */
function matrixTable(matrix: MatrixExport, grouped: Grouped, label: (position: Position) => string) {
  return matrix.issues.length > 0 && matrix.parties.length > 0
    ? html`<table class="matrix">
<thead><tr><th scope="col">Issue</th>${matrix.parties.map((p) => html`<th scope="col" style="${colourStyle("border-top-color", p.colour)}">${p.name}</th>`)}</tr></thead>
<tbody>
${grouped.map(
  ({ issue, cells }, i) =>
    html`<tr><th scope="row"><a href="#issue-${i + 1}">${issue.title}</a></th>${cells.map(({ statement }) =>
      statement
        ? html`<td class="pos-${statement.position}">${label(statement.position)}<span class="date">${formatCalendarDate(statement.statedOn)}</span></td>`
        : html`<td class="empty" aria-label="No statement">—</td>`,
    )}</tr>\n`,
)}</tbody>
</table>
<ul class="legend" aria-label="Position scale">${POSITIONS.map((p) => html`<li class="badge pos-${p}">${label(p)}</li>`)}</ul>`
    : html`<p>The matrix has no issues or no parties yet.</p>`;
}

/** Each issue with a statement: every party's statement, its quotes and its open threads. */
function positionDetails(grouped: Grouped, label: (position: Position) => string) {
  return grouped.map(({ issue, cells }, i) =>
    cells.some((c) => c.statement)
      ? html`<article class="issue" id="issue-${i + 1}">
<h3>${issue.title}</h3>
${issue.description ? html`<p class="issue-description">${issue.description}</p>` : null}
${cells.map(({ party, statement }) =>
  statement
    ? html`<section class="cell">
<h4><span class="party" style="${colourStyle("border-left-color", party.colour)}">${party.name}</span><span class="badge pos-${statement.position}">${label(statement.position)}</span></h4>
<p class="meta">Stated on ${formatCalendarDate(statement.statedOn)} · ${CONFIDENCE_LABELS[statement.confidence]} confidence${statement.confidenceRationale ? html`: ${statement.confidenceRationale}` : null}</p>
<p class="summary">${statement.summary}</p>
${statement.citations.length > 0 ? html`<ol class="quotes">${statement.citations.map(citation)}</ol>` : html`<p class="meta">No quotes cited.</p>`}
${threads(statement.threads, "Open threads")}
</section>
`
    : null,
)}</article>
`
      : null,
  );
}

export function formatBriefingHtml(matrix: MatrixExport): string {
  const grouped = matrixCellsByIssue(matrix);
  const asOf = formatCalendarDate(matrix.asOf);
  const label = (position: Position) => matrix.positionLabels[position];

  const table = matrixTable(matrix, grouped, label);
  const details = positionDetails(grouped, label);

  const page = html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${matrix.workspace.title} — briefing as of ${asOf}</title>
<style>${STYLE}</style>
</head>
<body>
<header>
<p class="kicker">Briefing · stance matrix as of ${asOf}</p>
<h1>${matrix.workspace.title}</h1>
${matrix.workspace.description ? html`<p class="description">${matrix.workspace.description}</p>` : null}
</header>
<section aria-labelledby="matrix-heading">
<h2 id="matrix-heading">Matrix</h2>
${table}
</section>
<section aria-labelledby="changes-heading">
<h2 id="changes-heading">What changed</h2>
${
  matrix.changes.length > 0
    ? html`<p class="meta">The latest ${matrix.changes.length === 1 ? "change" : `${matrix.changes.length} changes`} to the record up to ${asOf}, newest first:</p>
<ol class="changes">${matrix.changes.map(change)}</ol>`
    : html`<p>No changes to stances, quotes or documents were recorded by this date.</p>`
}
</section>
${whatMovedSection(matrix.whatMoved)}
<section aria-labelledby="positions-heading">
<h2 id="positions-heading">Positions</h2>
${grouped.some(({ cells }) => cells.some((c) => c.statement)) ? details : html`<p>No positions were stated by this date.</p>`}
</section>
<footer>Exported from Parley: the latest statement of each party on each issue stated on or before ${matrix.asOf}, with the quotes it cites and the comment threads still open.</footer>
</body>
</html>
`;
  return page.toString();
}
