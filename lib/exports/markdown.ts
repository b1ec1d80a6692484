import type { Citation, CommentThread, MatrixExport, RecordedChange, ThreadComment } from "@/lib/exports/model";
import { citationQuotes, describeCitationKind, describeSpeaker, httpUrl, matrixCellsByIssue } from "@/lib/exports/text";
import { formatCalendarDate } from "@/lib/matrix/dates";
import { CONFIDENCE_LABELS } from "@/lib/matrix/schema";

// Every value from the workspace passes through mdInline or mdLines before it is written, so a
// summary cannot open a link, an HTML tag, emphasis or a table column. Only what this file
// writes itself is Markdown.

const INLINE_SPECIAL = /[\\`*_{}[\]<>|~&!]/g;

/** Text for inside a line: Markdown punctuation escaped, line breaks folded into spaces. */
export function mdInline(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, " ").replace(INLINE_SPECIAL, (char) => `\\${char}`);
}

/** Text kept line by line; a line that would start a heading, list or code block is defused. */
export function mdLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/).map((line) =>
    line
      .trimStart()
      .replace(INLINE_SPECIAL, (char) => `\\${char}`)
      .replace(/^([#+\-=])/, "\\$1")
      .replace(/^(\d+)([.)])/, "$1\\$2"),
  );
}

function mdLink(text: string, url: string): string {
  const href = httpUrl(url);
  if (!href) return mdInline(text);
  return `[${mdInline(text)}](${href.replaceAll("(", "%28").replaceAll(")", "%29").replaceAll(" ", "%20")})`;
}

const day = (timestamp: string) => formatCalendarDate(timestamp.slice(0, 10));

function comment(entry: ThreadComment, indent: string): string[] {
  const [first = "", ...rest] = mdLines(entry.body);
  const head = `${indent}- **${mdInline(entry.author)}**, ${day(entry.createdAt)}${entry.edited ? " (edited)" : ""}: ${first}`;
  return [head, ...rest.map((line) => (line ? `${indent}  ${line}` : ""))];
}

function threads(list: CommentThread[]): string[] {
  return list.flatMap((thread) => [
    ...(thread.root ? comment(thread.root, "") : ["- *First comment deleted.*"]),
    ...thread.replies.flatMap((reply) => comment(reply, "  ")),
  ]);
}

function quoteLines(exact: string): string[] {
  const lines = mdLines(exact);
  lines[0] = `“${lines[0]}`;
  lines[lines.length - 1] = `${lines[lines.length - 1]}”`;
  return lines;
}

function citation(entry: Citation): string[] {
  // A pair shows each side under its label; a lone quote as it always was.
  const lines = citationQuotes(entry).flatMap((q, i) => [
    ...(i > 0 ? [""] : []),
    ...quoteLines(q.exact),
    ...(q.label ? [`*${q.label}*`] : []),
  ]);
  const source = [
    mdLink(entry.document.title, entry.document.url),
    entry.document.outlet ? mdInline(entry.document.outlet) : null,
    entry.document.publishedOn ? `published ${formatCalendarDate(entry.document.publishedOn)}` : null,
  ]
    .filter(Boolean)
    .join(", ");
  return [
    ...lines.map((line) => (line ? `> ${line}` : ">")),
    ">",
    `> — ${mdInline(describeSpeaker(entry.speaker))}, ${formatCalendarDate(entry.saidOn)} · ${describeCitationKind(entry)}  `,
    `> Source: ${source}`,
    "",
    ...(entry.threads.length > 0 ? ["Open threads on this quote:", "", ...threads(entry.threads), ""] : []),
  ];
}

function change(entry: RecordedChange): string[] {
  const head = `- ${day(entry.at)}: **${mdInline(entry.actor)}** ${mdInline(entry.text)}`;
  return entry.detail ? [head, `  ${mdInline(entry.detail)}`] : [head];
}

function whatMovedLines(digest: MatrixExport["whatMoved"]): string[] {
  if (!digest) return [];
  const window = `after ${formatCalendarDate(digest.from)} up to ${formatCalendarDate(digest.to)}`;
  if (digest.sections.length === 0) return ["## What moved", "", `Nothing moved ${window}.`, ""];
  return [
    "## What moved",
    "",
    `What moved ${window}:`,
    "",
    ...digest.sections.flatMap((section) => [
      `### ${mdInline(section.title)}`,
      "",
      ...section.entries.map((entry) => `- [${mdInline(entry.sentence)}](${entry.href.replaceAll(" ", "%20")})`),
      "",
    ]),
  ];
}

export function formatBriefingMarkdown(matrix: MatrixExport): string {
  const grouped = matrixCellsByIssue(matrix);
  const out: string[] = [
    `# ${mdInline(matrix.workspace.title)}`,
    "",
    `Briefing on the stance matrix as of ${formatCalendarDate(matrix.asOf)} (${matrix.asOf}).`,
    "",
  ];
  if (matrix.workspace.description) out.push(...mdLines(matrix.workspace.description), "");

  out.push("## Matrix", "");
  if (matrix.issues.length === 0 || matrix.parties.length === 0) {
    out.push("The matrix has no issues or no parties yet.", "");
  } else {
    out.push(
      `| Issue | ${matrix.parties.map((p) => mdInline(p.name)).join(" | ")} |`,
      `| --- |${" --- |".repeat(matrix.parties.length)}`,
    );
    for (const { issue, cells } of grouped) {
      const columns = cells.map(({ statement }) =>
        statement
          ? `${mdInline(matrix.positionLabels[statement.position])} (${formatCalendarDate(statement.statedOn)})`
          : "—",
      );
      out.push(`| ${mdInline(issue.title)} | ${columns.join(" | ")} |`);
    }
    out.push("");
  }

  out.push("## What changed", "");
  if (matrix.changes.length === 0)
    out.push("No changes to stances, quotes or documents were recorded by this date.", "");
  else
    out.push(
      `The latest ${matrix.changes.length === 1 ? "change" : `${matrix.changes.length} changes`} to the record up to ${formatCalendarDate(matrix.asOf)}, newest first:`,
      "",
      ...matrix.changes.flatMap(change),
      "",
    );

  out.push(...whatMovedLines(matrix.whatMoved));

  out.push("## Positions", "");
  const stated = grouped.filter(({ cells }) => cells.some((c) => c.statement));
  if (stated.length === 0) out.push("No positions were stated by this date.", "");
  for (const { issue, cells } of stated) {
    out.push(`### ${mdInline(issue.title)}`, "");
    for (const { party, statement } of cells) {
      if (!statement) continue;
      out.push(
        `#### ${mdInline(party.name)}: ${mdInline(matrix.positionLabels[statement.position])}`,
        "",
        `Stated on ${formatCalendarDate(statement.statedOn)}. ${CONFIDENCE_LABELS[statement.confidence]} confidence.`,
        "",
        ...(statement.confidenceRationale ? [...mdLines(`Confidence: ${statement.confidenceRationale}`), ""] : []),
        ...mdLines(statement.summary),
        "",
      );
      if (statement.citations.length > 0) out.push("**Quotes**", "", ...statement.citations.flatMap(citation));
      else out.push("*No quotes cited.*", "");
      if (statement.threads.length > 0) out.push("**Open threads**", "", ...threads(statement.threads), "");
    }
  }
  return `${out
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trimEnd()}\n`;
}
