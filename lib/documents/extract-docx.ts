import { inflateRawSync } from "node:zlib";
import mammoth from "mammoth";

export type DocxExtraction = { ok: true; text: string } | { ok: false; message: string };

/** What a Word file may unpack to: far above any real document's text and styles. */
export const MAX_DOCX_UNPACKED_BYTES = 64 * 1024 * 1024;
const MAX_ZIP_ENTRIES = 5000;

const NOT_A_DOCX = "The file is not a Word document (.docx); if it is an old .doc, save it as .docx first.";

/** An Office file format: the part every such file has, and what to say when it is not one. */
export type OfficeZip = { mainPart: string; kind: string; notOne: string };

const DOCX: OfficeZip = { mainPart: "word/document.xml", kind: "Word file", notOne: NOT_A_DOCX };

/** The paragraphs of a Word document as plain text, one blank line between them. */
export async function extractDocx(bytes: Uint8Array): Promise<DocxExtraction> {
  const checked = checkZip(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  if (!checked.ok) return checked;
  try {
    const result = await mammoth.extractRawText({ buffer: Buffer.from(bytes) });
    return {
      ok: true,
      text: result.value
        .replace(/\r\n?/g, "\n")
        .replace(/\n{3,}/g, "\n\n")
        .trim(),
    };
  } catch {
    return { ok: false, message: NOT_A_DOCX };
  }
}

type ZipCheck = { ok: true } | { ok: false; message: string };

/**
 * Reads the zip's directory and inflates every entry with a ceiling on the output, before mammoth
 * (which unpacks everything into memory) sees the file: a few kilobytes that unpack to gigabytes
 * are refused here, whatever sizes the directory claims.
 */
export function checkZip(zip: Buffer, format: OfficeZip = DOCX): ZipCheck {
  const notOne = { ok: false as const, message: format.notOne };
  if (zip.length < 22 || zip.readUInt32LE(0) !== 0x04034b50) return notOne;
  let end = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 0xffff); i--) {
    if (zip.readUInt32LE(i) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) return notOne;
  const count = zip.readUInt16LE(end + 10);
  let offset = zip.readUInt32LE(end + 16);
  if (count > MAX_ZIP_ENTRIES) return { ok: false, message: `The ${format.kind} holds too many parts to be read.` };
  const tooBig = {
    ok: false as const,
    message: `The ${format.kind} unpacks to more than ${MAX_DOCX_UNPACKED_BYTES / 1024 / 1024} MB; it is not one Parley can import.`,
  };
  let budget = MAX_DOCX_UNPACKED_BYTES;
  let hasDocument = false;
  try {
    for (let i = 0; i < count; i++) {
      if (zip.readUInt32LE(offset) !== 0x02014b50) return notOne;
      const method = zip.readUInt16LE(offset + 10);
      const compressedSize = zip.readUInt32LE(offset + 20);
      const size = zip.readUInt32LE(offset + 24);
      const nameLength = zip.readUInt16LE(offset + 28);
      const extraLength = zip.readUInt16LE(offset + 30);
      const commentLength = zip.readUInt16LE(offset + 32);
      const local = zip.readUInt32LE(offset + 42);
      const name = zip.toString("utf8", offset + 46, offset + 46 + nameLength);
      offset += 46 + nameLength + extraLength + commentLength;
      if (name === format.mainPart) hasDocument = true;
      if (size === 0xffffffff || compressedSize === 0xffffffff) return tooBig;
      if (size > budget) return tooBig;
      if (zip.readUInt32LE(local) !== 0x04034b50) return notOne;
      const dataStart = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
      const data = zip.subarray(dataStart, dataStart + compressedSize);
      if (method === 0) budget -= data.length;
      else if (method === 8) budget -= inflateRawSync(data, { maxOutputLength: Math.max(1, budget) }).length;
      else return notOne;
    }
  } catch (error) {
    if ((error as { code?: string }).code === "ERR_BUFFER_TOO_LARGE") return tooBig;
    return notOne;
  }
  return hasDocument ? { ok: true } : notOne;
}
