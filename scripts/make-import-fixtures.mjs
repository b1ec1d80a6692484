// Writes the files the import tests read (tests/fixtures/imports/). The outputs are committed;
// run again only to change them: `node scripts/make-import-fixtures.mjs`.
// `--pages N --out FILE` writes an N-page PDF instead (for timing the import of a long PDF).
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { crc32, deflateRawSync, deflateSync } from "node:zlib";
import { Document as DocxDocument, HeadingLevel, Packer, Paragraph, TextRun } from "docx";
import PDFDocument from "pdfkit";

const DIR = join(import.meta.dirname, "..", "tests", "fixtures", "imports");
// pdfkit stamps the date into the file; a fixed one keeps the output the same on every run.
const CREATED = new Date("2026-03-02T09:00:00Z");

function pdfBuffer(options, draw) {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: "A4", margin: 72, info: { CreationDate: CREATED }, ...options });
    const chunks = [];
    doc.on("data", (c) => chunks.push(c));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
    draw(doc);
    doc.end();
  });
}

const HEADER = "WT/MIN(26)/W/3 — Draft text on fisheries subsidies — RESTRICTED";

// Every line is placed by hand so that line breaks (and the hyphenated one) are where the test expects.
function page(doc, number, total, paragraphs) {
  if (number > 1) doc.addPage();
  doc.font("Helvetica").fontSize(8).text(HEADER, 72, 40, { lineBreak: false });
  let y = 100;
  for (const lines of paragraphs) {
    for (const line of lines) {
      doc.font("Times-Roman").fontSize(12).text(line, 72, y, { lineBreak: false });
      y += 16;
    }
    y += 12;
  }
  doc.font("Helvetica").fontSize(8).text(`Page ${number} of ${total}`, 270, 800, { lineBreak: false });
}

const PAGE_ONE = [
  ["Article 1"],
  [
    "1.1 No Member shall grant or maintain any subsidy to a vessel or operator engaged in illegal,",
    "unreported and unregulated fishing or fishing related activities in support of such fish-",
    "ing, as determined by the coastal Member or a relevant regional fisheries management",
    "organization.",
  ],
  [
    "1.2 Nothing in this Article shall prevent a developing country Member from granting support",
    "to low income, resource-poor and livelihood fishing within its territorial sea.",
  ],
];

const PAGE_TWO = [
  ["Article 2"],
  [
    "2.1 Each Member shall notify the Committee of any subsidy granted to vessels fishing on the",
    "high seas, together with the catch data of the fleet concerned.",
  ],
  ["2.2 The Committee shall review these notifications every two years."],
];

function tinyPng(width, height) {
  const rows = [];
  for (let y = 0; y < height; y++) {
    const row = Buffer.alloc(width + 1);
    for (let x = 0; x < width; x++) row[x + 1] = (x * 7 + y * 3) % 256;
    rows.push(row);
  }
  const chunk = (type, data) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(Buffer.concat([Buffer.from(type), data])));
    return Buffer.concat([length, Buffer.from(type), data, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 0; // greyscale
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(Buffer.concat(rows))),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

/** A zip with stored sizes that tell the truth, so only the ratio gives it away. */
function zip(entries) {
  const locals = [];
  const centrals = [];
  let offset = 0;
  for (const { name, data } of entries) {
    const compressed = deflateRawSync(data, { level: 9 });
    const nameBytes = Buffer.from(name);
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(8, 8);
    header.writeUInt32LE(crc32(data), 14);
    header.writeUInt32LE(compressed.length, 18);
    header.writeUInt32LE(data.length, 22);
    header.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc32(data), 16);
    central.writeUInt32LE(compressed.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(header, nameBytes, compressed);
    centrals.push(central, nameBytes);
    offset += header.length + nameBytes.length + compressed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

async function longPdf(pages) {
  return pdfBuffer({}, (doc) => {
    for (let n = 1; n <= pages; n++) {
      const paragraphs = [];
      for (let p = 0; p < 6; p++) {
        paragraphs.push([
          `${n}.${p + 1} On page ${n}, the Members recall that subsidies contributing to overcapacity and over-`,
          "fishing shall be prohibited, with special and differential treatment for developing country",
          "Members, and that the Committee on Fisheries Subsidies shall review the operation of these",
          "disciplines and report to the General Council with its recommendations.",
        ]);
      }
      page(doc, n, pages, paragraphs);
    }
  });
}

const args = process.argv.slice(2);
if (args[0] === "--pages") {
  writeFileSync(args[3], await longPdf(Number(args[1])));
  process.exit(0);
}

mkdirSync(DIR, { recursive: true });
const write = (name, data) => writeFileSync(join(DIR, name), data);

write(
  "draft-text.pdf",
  await pdfBuffer({ info: { Title: "Draft text on fisheries subsidies", CreationDate: CREATED } }, (doc) => {
    page(doc, 1, 2, PAGE_ONE);
    page(doc, 2, 2, PAGE_TWO);
  }),
);
write(
  "encrypted.pdf",
  await pdfBuffer({ userPassword: "negotiators-only", ownerPassword: "owner" }, (doc) => page(doc, 1, 1, PAGE_ONE)),
);
write(
  "scanned.pdf",
  await pdfBuffer({}, (doc) => {
    doc.image(tinyPng(120, 160), 72, 72, { width: 450 });
  }),
);

const statement = new DocxDocument({
  creator: "Delegation of Norway",
  description: "Statement",
  sections: [
    {
      children: [
        new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun("Statement by the Delegation")] }),
        new Paragraph({
          children: [
            new TextRun("We welcome the draft text and "),
            new TextRun({ text: "support a cap on harmful subsidies", bold: true }),
            new TextRun(" to vessels fishing on the high seas."),
          ],
        }),
        new Paragraph({ children: [new TextRun("We cannot accept any carve-out for distant-water fleets.")] }),
      ],
    },
  ],
});
write("statement.docx", await Packer.toBuffer(statement));

write("not-a-docx.docx", "Minutes of the meeting, typed as plain text and renamed.\n");
const contentTypes = Buffer.from(
  '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"></Types>',
);
write(
  "zip-bomb.docx",
  zip([
    { name: "[Content_Types].xml", data: contentTypes },
    { name: "word/document.xml", data: Buffer.alloc(100 * 1024 * 1024, 0x20) },
  ]),
);
