// Writes the spreadsheets the stance-import tests read (tests/fixtures/stance-sheets/): the same
// rows as CSV and as an Excel workbook whose dates are real date cells. The outputs are
// committed; run again only to change them: `node scripts/make-stance-sheets.mjs`.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";

const DIR = join(import.meta.dirname, "..", "tests", "fixtures", "stance-sheets");
const INF = "Moratorium on INF-range missiles in Europe";

// [issue, party, position, summary, date (a Date becomes a date cell), source, quote]
const ROWS = [
  [
    INF,
    "Russia",
    "Supports",
    "Proposes a mutual moratorium on deploying INF-range missiles.",
    new Date(Date.UTC(2021, 11, 17)),
    "https://example.org/draft-treaty",
    "Shall not deploy ground-launched intermediate-range missiles",
  ],
  [
    INF,
    "US",
    "open to negotiate",
    "Willing to discuss reciprocal limits on missiles in Europe.",
    new Date(Date.UTC(2022, 0, 26)),
    "",
    "",
  ],
  [
    "NATO non-expansion vs. the open-door policy",
    "NATO",
    "Red line",
    "The open door is not up for negotiation.",
    new Date(Date.UTC(2022, 0, 7)),
    "",
    "",
  ],
  [
    "Military contacts and a civilian hotline",
    "United States",
    "Lukewarm",
    "Noncommittal about a new hotline.",
    new Date(Date.UTC(2022, 0, 10)),
    "",
    "",
  ],
  [
    "Arms control, transparency and confidence-building",
    "Russia",
    "Supports",
    "Wants talks on confidence-building.",
    "2022-02-30",
    "",
    "",
  ],
  [INF, "Russia", "Demands", "Repeats the moratorium demand.", new Date(Date.UTC(2021, 11, 17)), "", ""],
  [
    "Cyber norms",
    "Russia",
    "Opposes",
    "Rejects new cyber norms in this format.",
    new Date(Date.UTC(2022, 0, 12)),
    "",
    "",
  ],
  [
    "Military exercises and a low-activity corridor",
    "NATO",
    "Conditional",
    "Open to limits if reciprocal.",
    "03/04/2022",
    "",
    "",
  ],
];

const HEADERS = ["Issue", "Party", "Position", "Summary", "Date", "Source", "Quote"];
const csvCell = (v) => {
  const text = v instanceof Date ? v.toISOString().slice(0, 10) : String(v);
  return /[",\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
};

mkdirSync(DIR, { recursive: true });
writeFileSync(join(DIR, "stances.csv"), `${[HEADERS, ...ROWS].map((r) => r.map(csvCell).join(",")).join("\n")}\n`);

const workbook = new ExcelJS.Workbook();
workbook.created = workbook.modified = new Date("2026-03-02T09:00:00Z");
const sheet = workbook.addWorksheet("Stances");
sheet.addRow(HEADERS);
for (const row of ROWS) sheet.addRow(row);
sheet.getColumn(5).numFmt = "dd/mm/yyyy";
writeFileSync(join(DIR, "stances.xlsx"), Buffer.from(await workbook.xlsx.writeBuffer()));
// A text file named like a workbook: must be refused as "not an Excel workbook".
writeFileSync(join(DIR, "not-a-workbook.xlsx"), "Issue,Party\nthis is not a zip\n");
