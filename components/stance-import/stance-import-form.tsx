"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { inputClass, primaryButtonClass, secondaryButtonClass } from "@/components/structure/field";
import { FormAlert } from "@/components/ui/form-feedback";
import { POSITIONS, type Position, type PositionLabels } from "@/lib/matrix/positions";
import { FIELD_LABELS, IMPORT_FIELDS, type ImportField, REQUIRED_FIELDS } from "@/lib/stance-import/fields";
import type { ImportOutcome, ImportPreview } from "@/lib/stance-import/mutations";

// The same limit as lib/stance-import/parse.ts MAX_SHEET_BYTES (that module reads files with Node).
const MAX_SHEET_BYTES = 5 * 1024 * 1024;
const SHEET_TYPES = /\.(csv|tsv|txt|xlsx)$/i;

type Options = {
  columns?: Partial<Record<ImportField, number | null>>;
  positions: Record<string, Position | "">;
  createMissing: boolean;
};

type Done = Extract<ImportOutcome, { ok: true }>;

/**
 * Every change of the mapping asks the server for a new preview; the file is sent each time, so
 * the server keeps nothing between requests and the confirmation is checked against the file itself.
 */
export function StanceImportForm({
  slug,
  labels,
  canCreate,
  createMissing = false,
}: {
  slug: string;
  labels: PositionLabels;
  canCreate: boolean;
  createMissing?: boolean;
}) {
  const router = useRouter();
  const [file, setFile] = useState<File | null>(null);
  const [options, setOptions] = useState<Options>({ positions: {}, createMissing: canCreate && createMissing });
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [pending, setPending] = useState<"preview" | "confirm" | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<Done | null>(null);

  async function send(chosen: File, next: Options, step: "preview" | "confirm") {
    setPending(step);
    setError(null);
    const form = new FormData();
    form.set("file", chosen, chosen.name);
    form.set("options", JSON.stringify(next));
    form.set("step", step);
    if (step === "confirm" && preview) form.set("digest", preview.digest);
    try {
      const response = await fetch(`/api/w/${encodeURIComponent(slug)}/stance-imports`, { method: "POST", body: form });
      const body = (await response.json().catch(() => ({}))) as {
        preview?: ImportPreview;
        message?: string;
        details?: { preview?: ImportPreview };
      } & Partial<Done>;
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

  function change(next: Options) {
    setOptions(next);
    if (file) void send(file, next, "preview");
  }

  const busy = pending !== null;
  return (
    <div className="space-y-6">
      <div>
        <label htmlFor="sheet-file" className="block text-sm font-medium">
          Spreadsheet (CSV or Excel .xlsx, up to 5 MB and 5,000 rows)
        </label>
        <input
          id="sheet-file"
          type="file"
          accept=".csv,.tsv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          onChange={(e) => chooseFile(e.target.files?.[0])}
          className="mt-1 block text-sm"
        />
        {canCreate ? (
          <label className="mt-3 flex items-center gap-2 text-sm">
            <input
              type="checkbox"
              checked={options.createMissing}
              disabled={busy}
              onChange={(e) => change({ ...options, createMissing: e.target.checked })}
            />
            Create missing issues and parties
          </label>
        ) : null}
      </div>

      {error ? <FormAlert>{error}</FormAlert> : null}
      {done ? (
        <FormAlert tone="success">
          Imported {done.created} {done.created === 1 ? "stance" : "stances"}
          {done.issuesCreated || done.partiesCreated
            ? ` (with ${done.issuesCreated} new issues and ${done.partiesCreated} new parties)`
            : ""}
          ; {done.refused} {done.refused === 1 ? "row was" : "rows were"} left out.{" "}
          <Link href={`/w/${slug}`} className="font-medium underline">
            Open the matrix
          </Link>
        </FormAlert>
      ) : null}
      {pending === "preview" ? (
        <p role="status" className="text-sm text-slate-600">
          Reading the sheet…
        </p>
      ) : null}

      {preview && file ? (
        <>
          <fieldset>
            <legend className="text-sm font-medium">Columns</legend>
            <div className="mt-2 grid gap-3 sm:grid-cols-4">
              {IMPORT_FIELDS.map((field) => (
                <div key={field}>
                  <label htmlFor={`sheet-column-${field}`} className="block text-xs text-slate-600">
                    {FIELD_LABELS[field]}
                    {(REQUIRED_FIELDS as readonly string[]).includes(field) ? "" : " (optional)"}
                  </label>
                  <select
                    id={`sheet-column-${field}`}
                    value={preview.columns[field] ?? -1}
                    disabled={busy}
                    onChange={(e) =>
                      change({ ...options, columns: { ...preview.columns, [field]: Number(e.target.value) } })
                    }
                    className={inputClass}
                  >
                    <option value={-1}>(none)</option>
                    {preview.headers.map((header, index) => (
                      // biome-ignore lint/suspicious/noArrayIndexKey: headers may repeat; the column is its index
                      <option key={index} value={index}>
                        {header || `Column ${index + 1}`}
                      </option>
                    ))}
                  </select>
                </div>
              ))}
            </div>
          </fieldset>

          {preview.words.length > 0 ? (
            <fieldset>
              <legend className="text-sm font-medium">Position words</legend>
              <div className="mt-2 grid gap-3 sm:grid-cols-3">
                {preview.words.map((word) => (
                  <div key={word.key}>
                    <label htmlFor={`sheet-word-${word.key}`} className="block text-xs text-slate-600">
                      “{word.word}” ({word.rows} {word.rows === 1 ? "row" : "rows"})
                    </label>
                    <select
                      id={`sheet-word-${word.key}`}
                      value={word.position ?? ""}
                      disabled={busy}
                      aria-invalid={word.position === null}
                      onChange={(e) =>
                        change({
                          ...options,
                          positions: { ...options.positions, [word.key]: e.target.value as Position | "" },
                        })
                      }
                      className={inputClass}
                    >
                      <option value="">Not on the scale: refuse these rows</option>
                      {POSITIONS.map((position) => (
                        <option key={position} value={position}>
                          {labels[position]}
                        </option>
                      ))}
                    </select>
                  </div>
                ))}
              </div>
            </fieldset>
          ) : null}

          <div className="flex flex-wrap items-center gap-3">
            <p role="status" className="text-sm">
              From “{preview.fileName}”: <strong>{preview.createCount}</strong>{" "}
              {preview.createCount === 1 ? "stance" : "stances"} will be created,{" "}
              <strong>{preview.refusedCount}</strong> {preview.refusedCount === 1 ? "row" : "rows"} refused.
              {preview.newIssues.length + preview.newParties.length > 0
                ? ` New: ${[...preview.newIssues, ...preview.newParties].join(", ")}.`
                : ""}
            </p>
            <button
              type="button"
              disabled={busy || preview.createCount === 0}
              onClick={() => void send(file, options, "confirm")}
              className={primaryButtonClass}
            >
              {pending === "confirm"
                ? "Importing…"
                : `Import ${preview.createCount} ${preview.createCount === 1 ? "stance" : "stances"}`}
            </button>
            <button
              type="button"
              disabled={busy}
              onClick={() => chooseFile(undefined)}
              className={secondaryButtonClass}
            >
              Cancel
            </button>
          </div>

          <div className="overflow-x-auto">
            <table className="w-full border-collapse text-left text-sm">
              <caption className="sr-only">Every row of the sheet and what the import does with it</caption>
              <thead>
                <tr className="border-b border-slate-300 text-xs text-slate-600">
                  <th className="py-1 pr-2">Row</th>
                  <th className="py-1 pr-2">Issue</th>
                  <th className="py-1 pr-2">Party</th>
                  <th className="py-1 pr-2">Position</th>
                  <th className="py-1 pr-2">Date</th>
                  <th className="py-1 pr-2">Summary</th>
                  <th className="py-1">Result</th>
                </tr>
              </thead>
              <tbody>
                {preview.rows.map((row) => (
                  <tr key={row.row} className="border-b border-slate-100 align-top">
                    <td className="py-1 pr-2 tabular-nums">{row.row}</td>
                    <td className="py-1 pr-2">
                      {row.issue}
                      {row.newIssue ? <span className="text-xs text-slate-500"> (new)</span> : null}
                    </td>
                    <td className="py-1 pr-2">
                      {row.party}
                      {row.newParty ? <span className="text-xs text-slate-500"> (new)</span> : null}
                    </td>
                    <td className="py-1 pr-2">{row.position ? labels[row.position] : row.positionWord}</td>
                    <td className="py-1 pr-2 whitespace-nowrap">{row.statedOn ?? row.date}</td>
                    <td className="py-1 pr-2">{row.summary}</td>
                    <td className="py-1">
                      {row.problems.length === 0 ? (
                        <span className="text-emerald-800">Will be created</span>
                      ) : (
                        <span className="text-red-800">Refused: {row.problems.join(" ")}</span>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : null}
    </div>
  );
}
