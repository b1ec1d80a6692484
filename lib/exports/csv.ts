import type { CellStatement, MatrixExport } from "@/lib/exports/model";
import { citationText, matrixCellsByIssue } from "@/lib/exports/text";

// RFC 4180: fields separated by commas, records by CRLF; a field holding a comma, a double
// quote, CR or LF is enclosed in double quotes, with each double quote inside doubled.

const NEEDS_QUOTES = /[",\r\n]/;
// A spreadsheet runs a cell starting with one of these as a formula (OWASP "CSV injection"); a
// leading apostrophe makes it text and shows nowhere.
const FORMULA_START = /^[=+\-@\t\r]/;

// Excel reads a CSV file without a byte-order mark in the system's legacy code page, which turns
// curly quotes and dashes into mojibake.
export const UTF8_BOM = "\uFEFF";

export function csvField(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export function toCsv(rows: readonly (readonly string[])[]): string {
  return rows.map((row) => row.map(csvField).join(",")).join("\r\n") + "\r\n";
}

export const MATRIX_CSV_HEADER = [
  "issue",
  "party",
  "position",
  "position_label",
  "summary",
  "stated_on",
  "citation_count",
  "citations",
  "confidence",
  "confidence_rationale",
  "red_line",
  "conditional",
  "condition_text",
  "condition_issue",
  "condition_party",
  "condition_min_position",
] as const;

/** red_line … condition_min_position: booleans as true/false, all empty for an empty cell. */
function qualityFields(statement: CellStatement | null): string[] {
  if (!statement) return ["", "", "", "", "", ""];
  const conditional = Boolean(statement.conditionText || statement.conditionCell);
  return [
    String(statement.redLine),
    String(conditional),
    statement.conditionText ?? "",
    statement.conditionCell?.issue ?? "",
    statement.conditionCell?.party ?? "",
    statement.conditionCell?.minPosition ?? "",
  ];
}

/** One record per issue × party; an empty cell has empty position, summary and citations. */
export function formatMatrixCsv(matrix: MatrixExport): string {
  const rows = matrixCellsByIssue(matrix).flatMap(({ issue, cells }) =>
    cells.map(({ party, statement }) => [
      issue.title,
      party.name,
      statement?.position ?? "",
      statement ? matrix.positionLabels[statement.position] : "",
      statement?.summary ?? "",
      statement?.statedOn ?? "",
      String(statement?.citations.length ?? 0),
      // Several citations share the field, one per line.
      (statement?.citations ?? []).map(citationText).join("\n"),
      statement?.confidence ?? "",
      statement?.confidenceRationale ?? "",
      ...qualityFields(statement),
    ]),
  );
  return UTF8_BOM + toCsv([MATRIX_CSV_HEADER, ...rows]);
}
