import { useRouter } from "next/navigation";
import { useState } from "react";
import type { Position } from "@/lib/matrix/positions";
import type { ImportField } from "@/lib/stance-import/fields";
import type { ImportOutcome, ImportPreview } from "@/lib/stance-import/mutations";

// The same limit as lib/stance-import/parse.ts MAX_SHEET_BYTES (that module reads files with Node).
const MAX_SHEET_BYTES = 5 * 1024 * 1024;
const SHEET_TYPES = /\.(csv|tsv|txt|xlsx)$/i;

export type ImportOptions = {
  columns?: Partial<Record<ImportField, number | null>>;
  positions: Record<string, Position | "">;
  createMissing: boolean;
};

type Done = Extract<ImportOutcome, { ok: true }>;
type Step = "preview" | "confirm";
type ImportResponse = {
  preview?: ImportPreview;
  message?: string;
  details?: { preview?: ImportPreview };
} & Partial<Done>;

/** One request to the import route: the whole file with the mapping, for a preview or the import itself. */
async function postSheet(slug: string, chosen: File, options: ImportOptions, step: Step, digest: string | null) {
  const form = new FormData();
  form.set("file", chosen, chosen.name);
  form.set("options", JSON.stringify(options));
  form.set("step", step);
  if (digest !== null) form.set("digest", digest);
  const response = await fetch(`/api/w/${encodeURIComponent(slug)}/stance-imports`, { method: "POST", body: form });
  const body = (await response.json().catch(() => ({}))) as ImportResponse;
  return { response, body };
}

/**
 * Every change of the mapping asks the server for a new preview; the file is sent each time, so
 * the server keeps nothing between requests and the confirmation is checked against the file itself.
 */
export function useStanceImport(slug: string, createMissing: boolean) {
  const router = useRouter();
  const [file, setFile] = useState<File | null>(null);
  const [options, setOptions] = useState<ImportOptions>({ positions: {}, createMissing });
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [pending, setPending] = useState<Step | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<Done | null>(null);

  async function send(chosen: File, next: ImportOptions, step: Step) {
    setPending(step);
    setError(null);
    try {
      const digest = step === "confirm" && preview ? preview.digest : null;
      const { response, body } = await postSheet(slug, chosen, next, step, digest);
      if (response.ok && body.preview) setPreview(body.preview);
      else if (response.status === 201) {
        setDone(body as Done);
        setPreview(null);
        router.refresh();
      } else {
        setError(body.message ?? `The import failed (HTTP ${response.status}).`);
        if (body.details?.preview) setPreview(body.details.preview);
        else if (step === "preview") setPreview(null);
      }
    } catch {
      setError("The file did not reach the server; check the connection.");
    } finally {
      setPending(null);
    }
  }

  function chooseFile(chosen: File | undefined) {
    setDone(null);
    setPreview(null);
    setError(null);
    setFile(null);
    if (!chosen) return;
    if (!SHEET_TYPES.test(chosen.name))
      return setError(`“${chosen.name}” is not a spreadsheet: choose a CSV file or an Excel workbook (.xlsx).`);
    if (chosen.size > MAX_SHEET_BYTES) return setError(`“${chosen.name}” is larger than 5 MB.`);
    setFile(chosen);
    const fresh = { positions: {}, createMissing: options.createMissing };
    setOptions(fresh);
    void send(chosen, fresh, "preview");
  }

  function change(next: ImportOptions) {
    setOptions(next);
    if (file) void send(file, next, "preview");
  }

  return {
    file,
    options,
    preview,
    pending,
    busy: pending !== null,
    error,
    done,
    chooseFile,
    change,
    confirm: (chosen: File) => void send(chosen, options, "confirm"),
  };
}

export type StanceImport = ReturnType<typeof useStanceImport>;
