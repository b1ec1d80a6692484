import type { BlockContent, Heading, List, ListItem, Paragraph, PhrasingContent, Root, TableRow } from "mdast";
import { gfmTableToMarkdown } from "mdast-util-gfm-table";
import { toMarkdown } from "mdast-util-to-markdown";
import type { Citation, CommentThread, MatrixExport, RecordedChange, ThreadComment } from "@/lib/exports/model";
import { citationQuotes, describeCitationKind, describeSpeaker, httpUrl, matrixCellsByIssue } from "@/lib/exports/text";
import { formatCalendarDate } from "@/lib/matrix/dates";
import { CONFIDENCE_LABELS } from "@/lib/matrix/schema";

// The briefing is built as a Markdown syntax tree (mdast) and serialized by mdast-util-to-markdown,
// which escapes every text node for the place it stands in: a summary, a name or a quote can
// never become a link, an HTML tag, emphasis, a heading or a new table column. Only the nodes
// built here are Markdown.

const text = (value: string): PhrasingContent => ({ type: "text", value });
const strong = (value: string): PhrasingContent => ({ type: "strong", children: [text(value)] });
const emphasis = (value: string): PhrasingContent => ({ type: "emphasis", children: [text(value)] });
const paragraph = (...children: PhrasingContent[]): Paragraph => ({ type: "paragraph", children });
const heading = (depth: Heading["depth"], ...children: PhrasingContent[]): Heading => ({
  type: "heading",
  depth,
  children,
});
const list = (items: ListItem[]): List => ({ type: "list", ordered: false, spread: false, children: items });
const item = (...children: BlockContent[]): ListItem => ({ type: "listItem", spread: false, children });

/** Text that must stay on one line (a table cell, a heading): its line breaks become spaces. */
function oneLine(value: string): string {
  return value.replace(/\s*[\r\n]+\s*/g, " ");
}

/** A link only to an http(s) address; anything else is shown as plain text. */
function sourceLink(title: string, url: string): PhrasingContent {
  const href = httpUrl(url);
  return href ? { type: "link", url: href, children: [text(oneLine(title))] } : text(oneLine(title));
}

const day = (timestamp: string) => formatCalendarDate(timestamp.slice(0, 10));

function comment(entry: ThreadComment): Paragraph {
  return paragraph(
    strong(oneLine(entry.author)),
    text(`, ${day(entry.createdAt)}${entry.edited ? " (edited)" : ""}: ${entry.body}`),
  );
}

function threads(entries: CommentThread[]): List {
  return list(
    entries.map((thread) => {
      const root = thread.root ? comment(thread.root) : paragraph(emphasis("First comment deleted."));
      return thread.replies.length > 0
        ? item(root, list(thread.replies.map((reply) => item(comment(reply)))))
        : item(root);
    }),
  );
}

function citation(entry: Citation): BlockContent[] {
  // A pair shows each side under its label; a lone quote as it always was.
  const quotes = citationQuotes(entry).flatMap((q) => [
    paragraph(text(`“${q.exact}”`)),
    ...(q.label ? [paragraph(emphasis(q.label))] : []),
  ]);
  const source: PhrasingContent[] = [text("Source: "), sourceLink(entry.document.title, entry.document.url)];
  if (entry.document.outlet) source.push(text(`, ${oneLine(entry.document.outlet)}`));
  if (entry.document.publishedOn) source.push(text(`, published ${formatCalendarDate(entry.document.publishedOn)}`));
  const caption = paragraph(
    text(
      `— ${oneLine(describeSpeaker(entry.speaker))}, ${formatCalendarDate(entry.saidOn)} · ${describeCitationKind(entry)}`,
    ),
    { type: "break" },
    ...source,
  );
  return [
    { type: "blockquote", children: [...quotes, caption] },
    ...(entry.threads.length > 0 ? [paragraph(text("Open threads on this quote:")), threads(entry.threads)] : []),
  ];
}

function change(entry: RecordedChange): ListItem {
  const line = paragraph(text(`${day(entry.at)}: `), strong(oneLine(entry.actor)), text(` ${oneLine(entry.text)}`));
  return entry.detail ? item(line, paragraph(text(oneLine(entry.detail)))) : item(line);
}

function whatMoved(digest: MatrixExport["whatMoved"]): BlockContent[] {
  if (!digest) return [];
  const window = `after ${formatCalendarDate(digest.from)} up to ${formatCalendarDate(digest.to)}`;
  if (digest.sections.length === 0)
    return [heading(2, text("What moved")), paragraph(text(`Nothing moved ${window}.`))];
  return [
    heading(2, text("What moved")),
    paragraph(text(`What moved ${window}:`)),
    ...digest.sections.flatMap((section) => [
      heading(3, text(oneLine(section.title))),
      list(
        section.entries.map((entry) =>
          item(
            paragraph({
              type: "link",
              url: entry.href.replaceAll(" ", "%20"),
              children: [text(oneLine(entry.sentence))],
            }),
          ),
        ),
      ),
    ]),
  ];
}

function matrixTable(matrix: MatrixExport, grouped: ReturnType<typeof matrixCellsByIssue>): BlockContent {
  if (matrix.issues.length === 0 || matrix.parties.length === 0)
    return paragraph(text("The matrix has no issues or no parties yet."));
  const row = (cells: string[]): TableRow => ({
    type: "tableRow",
    children: cells.map((cell) => ({ type: "tableCell", children: [text(oneLine(cell))] })),
  });
  return {
    type: "table",
    children: [
      row(["Issue", ...matrix.parties.map((p) => p.name)]),
      ...grouped.map(({ issue, cells }) =>
        row([
          issue.title,
          ...cells.map(({ statement }) =>
            statement
              ? `${matrix.positionLabels[statement.position]} (${formatCalendarDate(statement.statedOn)})`
              : "—",
          ),
        ]),
      ),
    ],
  };
}

function changes(matrix: MatrixExport): BlockContent[] {
  if (matrix.changes.length === 0)
    return [paragraph(text("No changes to stances, quotes or documents were recorded by this date."))];
  const count = matrix.changes.length === 1 ? "change" : `${matrix.changes.length} changes`;
  return [
    paragraph(text(`The latest ${count} to the record up to ${formatCalendarDate(matrix.asOf)}, newest first:`)),
    list(matrix.changes.map(change)),
  ];
}

function positions(matrix: MatrixExport, grouped: ReturnType<typeof matrixCellsByIssue>): BlockContent[] {
  const stated = grouped.filter(({ cells }) => cells.some((c) => c.statement));
  if (stated.length === 0) return [paragraph(text("No positions were stated by this date."))];
  return stated.flatMap(({ issue, cells }) => [
    heading(3, text(oneLine(issue.title))),
    ...cells.flatMap(({ party, statement }): BlockContent[] =>
      statement
        ? [
            heading(4, text(oneLine(`${party.name}: ${matrix.positionLabels[statement.position]}`))),
            paragraph(
              text(
                `Stated on ${formatCalendarDate(statement.statedOn)}. ${CONFIDENCE_LABELS[statement.confidence]} confidence.`,
              ),
            ),
            ...(statement.confidenceRationale ? [paragraph(text(`Confidence: ${statement.confidenceRationale}`))] : []),
            paragraph(text(statement.summary)),
            ...(statement.citations.length > 0
              ? [paragraph(strong("Quotes")), ...statement.citations.flatMap(citation)]
              : [paragraph(emphasis("No quotes cited."))]),
            ...(statement.threads.length > 0 ? [paragraph(strong("Open threads")), threads(statement.threads)] : []),
          ]
        : [],
    ),
  ]);
}

export function formatBriefingMarkdown(matrix: MatrixExport): string {
  const grouped = matrixCellsByIssue(matrix);
  const tree: Root = {
    type: "root",
    children: [
      heading(1, text(oneLine(matrix.workspace.title))),
      paragraph(text(`Briefing on the stance matrix as of ${formatCalendarDate(matrix.asOf)} (${matrix.asOf}).`)),
      ...(matrix.workspace.description ? [paragraph(text(matrix.workspace.description))] : []),
      heading(2, text("Matrix")),
      matrixTable(matrix, grouped),
      heading(2, text("What changed")),
      ...changes(matrix),
      ...whatMoved(matrix.whatMoved),
      heading(2, text("Positions")),
      ...positions(matrix, grouped),
    ],
  };
  return toMarkdown(tree, { bullet: "-", emphasis: "*", strong: "*", extensions: [gfmTableToMarkdown()] });
}
