import "server-only";
import { z } from "zod";
import { fail, type Result } from "@/lib/platform/errors";
import type { ImportUpload } from "@/lib/stance-import/mutations";
import { MAX_SHEET_BYTES, readSheet } from "@/lib/stance-import/parse";
import type { ImportOptions } from "@/lib/stance-import/plan";
import { ImportOptionsSchema, type ImportStep, ImportStepSchema } from "@/lib/stance-import/schema";

// The multipart form, the spreadsheet, the options and the step; read again on every request,
// so the server keeps nothing between the preview and the confirmation.
const MULTIPART_OVERHEAD_BYTES = 64 * 1024;

export type ImportRequest = Result<
  { upload: ImportUpload; options: ImportOptions; step: ImportStep },
  "too_large" | "bad_file" | "invalid_request"
>;

const invalid = (message: string) => fail("invalid_request", message);
const tooLarge = fail("too_large", `The file is larger than ${MAX_SHEET_BYTES / 1024 / 1024} MB.`);

export async function readImportRequest(request: Request): Promise<ImportRequest> {
  if (Number(request.headers.get("content-length") ?? 0) > MAX_SHEET_BYTES + MULTIPART_OVERHEAD_BYTES) return tooLarge;
  const form = await request.formData().catch(() => null);
  if (!form) return invalid("The body is not valid multipart/form-data.");
  const file = form.get("file");
  if (!(file instanceof File)) return invalid("Attach the spreadsheet as the `file` field.");
  if (file.size > MAX_SHEET_BYTES) return tooLarge;
  const field = (name: string) => {
    const value = form.get(name);
    return typeof value === "string" ? value : undefined;
  };
  let options: unknown = {};
  try {
    options = JSON.parse(field("options") || "{}");
  } catch {
    return invalid("The `options` field is not JSON.");
  }
  const parsedOptions = ImportOptionsSchema.safeParse(options);
  if (!parsedOptions.success) return invalid(`options: ${z.prettifyError(parsedOptions.error)}`);
  const step = ImportStepSchema.safeParse({ step: field("step") ?? "preview", digest: field("digest") });
  if (!step.success) return invalid(z.prettifyError(step.error));
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the characters to replace
  const fileName = file.name.replace(/[\\/\u0000-\u001f\u007f-\u009f]/g, "_").slice(-255) || "spreadsheet";
  const sheet = await readSheet(fileName, new Uint8Array(await file.arrayBuffer()));
  if (!sheet.ok) return sheet;
  return { ok: true, upload: { fileName, sheet: sheet.sheet }, options: parsedOptions.data, step: step.data };
}
