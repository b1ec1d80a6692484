import { parse as parseCsv } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { checkZip } from "@/lib/documents/extract-docx";
import { toCalendarDate } from "@/lib/matrix/dates";
import { fail, type Result } from "@/lib/platform/errors";

// A spreadsheet of stances as a table of text: the first non-empty row names the columns, every
// later non-empty row is one stance. Workbook date cells stay dates (never a locale's text), so
// the plan can tell a real date from a string someone typed.

export const MAX_SHEET_BYTES = 5 * 1024 * 1024;
export const MAX_SHEET_ROWS = 5000;
const MAX_COLUMNS = 50;

/** A cell: its text, or for a workbook's date cell the calendar day. */
export type SheetCell = string | { date: string };

/** `rows[i]` is the sheet's row `rowNumbers[i]`, as a spreadsheet numbers it (the header is usually 1). */
export type Sheet = { kind: "csv" | "xlsx"; headers: string[]; rows: SheetCell[][]; rowNumbers: number[] };

export type SheetResult = Result<{ sheet: Sheet }, "bad_file" | "too_large">;

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const badFile = (message: string) => fail("bad_file", message);

export const cellText = (cell: SheetCell | undefined): string =>
  cell === undefined ? "" : typeof cell === "string" ? cell : cell.date;

function isZip(bytes: Uint8Array) {
  return ZIP_MAGIC.every((b, i) => bytes[i] === b);
}

/** Reads a CSV (comma, semicolon or tab separated, UTF-8) or the first worksheet of an .xlsx workbook. */
export async function readSheet(fileName: string, bytes: Uint8Array): Promise<SheetResult> {
  if (bytes.byteLength > MAX_SHEET_BYTES)
    return fail("too_large", `The file is larger than ${MAX_SHEET_BYTES / 1024 / 1024} MB.`);
  if (bytes.byteLength === 0) return badFile(`“${fileName}” is empty.`);
  const extension = /\.([A-Za-z0-9]+)$/.exec(fileName)?.[1]?.toLowerCase() ?? "";
  if (extension === "xls")
    return badFile(`“${fileName}” is an old Excel (.xls) file: save it as .xlsx or CSV and upload that.`);
  if (extension === "xlsx" || isZip(bytes)) {
    if (!isZip(bytes)) return badFile(`“${fileName}” is not an Excel workbook (.xlsx), although its name says so.`);
    return readWorkbook(fileName, bytes);
  }
  if (!["csv", "tsv", "txt", ""].includes(extension))
    return badFile(`“${fileName}” is not a spreadsheet: upload a CSV file or an Excel workbook (.xlsx).`);
  return readCsv(fileName, bytes);
}

function readCsv(fileName: string, bytes: Uint8Array): SheetResult {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return badFile(`“${fileName}” is not UTF-8 text: export the sheet as “CSV UTF-8” and upload that.`);
  }
  if (text.includes("\u0000")) return badFile(`“${fileName}” is not a CSV file (it holds binary data).`);
  let records: string[][];
  try {
    records = parseCsv(text, {
      bom: true,
      delimiter: [",", ";", "\t"],
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
      // One more than allowed, to tell "too many" apart from "exactly the limit".
      to: MAX_SHEET_ROWS + 2,
      info: false,
    }) as string[][];
  } catch (error) {
    const detail = error instanceof Error ? error.message.replace(/^Invalid Record Length: /, "") : "";
    return badFile(`“${fileName}” could not be read as CSV: ${detail}`);
  }
  // csv-parse numbers lines, not records; a quoted cell may span lines, so records are counted.
  return toSheet(
    "csv",
    fileName,
    records,
    records.map((_, i) => i + 1),
  );
}

async function readWorkbook(fileName: string, bytes: Uint8Array): Promise<SheetResult> {
  // exceljs unpacks the whole workbook into memory: a zip bomb is refused before it sees one.
  const checked = checkZip(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), {
    mainPart: "xl/workbook.xml",
    kind: "workbook",
    notOne: `“${fileName}” is not a readable Excel workbook (.xlsx).`,
  });
  if (!checked.ok) return badFile(checked.message);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  } catch {
    return badFile(`“${fileName}” is not a readable Excel workbook (.xlsx).`);
  }
  const worksheet = workbook.worksheets.find((w) => w.actualRowCount > 0);
  if (!worksheet) return badFile(`“${fileName}” has no rows.`);
  if (worksheet.actualRowCount > MAX_SHEET_ROWS + 1) return tooManyRows();
  const rows: SheetCell[][] = [];
  const numbers: number[] = [];
  worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: SheetCell[] = [];
    const count = Math.min(row.cellCount, MAX_COLUMNS);
    for (let column = 1; column <= count; column++) cells.push(workbookCell(row.getCell(column).value));
    if (cells.some((c) => cellText(c) !== "")) {
      rows.push(cells);
      numbers.push(rowNumber);
    }
  });
  return toSheet("xlsx", fileName, rows, numbers);
}

function workbookCell(value: ExcelJS.CellValue): SheetCell {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? "" : { date: toCalendarDate(value) };
  if (typeof value === "object") {
    if ("result" in value) return workbookCell(value.result as ExcelJS.CellValue);
    if ("richText" in value)
      return value.richText
        .map((r) => r.text)
        .join("")
        .trim();
    if ("hyperlink" in value) return String(value.text ?? value.hyperlink).trim();
    if ("error" in value) return "";
    return "";
  }
  return String(value).trim();
}

const tooManyRows = () =>
  badFile(`The sheet has more than ${MAX_SHEET_ROWS.toLocaleString("en")} rows; split it into several files.`);

function toSheet(kind: Sheet["kind"], fileName: string, records: SheetCell[][], numbers: number[]): SheetResult {
  if (records.length === 0) return badFile(`“${fileName}” has no rows.`);
  if (records.length > MAX_SHEET_ROWS + 1) return tooManyRows();
  const headers = records[0]!.slice(0, MAX_COLUMNS).map((h) => cellText(h).trim());
  if (records.length === 1) return badFile(`“${fileName}” has a header row but no stances under it.`);
  return {
    ok: true,
    sheet: {
      kind,
      headers,
      rows: records.slice(1).map((r) => r.slice(0, MAX_COLUMNS)),
      rowNumbers: numbers.slice(1),
    },
  };
}
