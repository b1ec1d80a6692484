"use client";

import { inputClass, primaryButtonClass, secondaryButtonClass } from "@/components/structure/field";
import { POSITIONS, type Position, type PositionLabels } from "@/lib/matrix/positions";
import { FIELD_LABELS, IMPORT_FIELDS, REQUIRED_FIELDS } from "@/lib/stance-import/fields";
import type { ImportPreview } from "@/lib/stance-import/mutations";
import type { StanceImport } from "./use-stance-import";

type Props = { sheet: StanceImport; preview: ImportPreview; labels: PositionLabels };

/** The mapping of a chosen sheet, what importing it would do, and the buttons to import or cancel. */
export function SheetPreview({ sheet, preview, file, labels }: Props & { file: File }) {
  return (
    <>
      <ColumnsFieldset sheet={sheet} preview={preview} />
      {preview.words.length > 0 ? <PositionWordsFieldset sheet={sheet} preview={preview} labels={labels} /> : null}
      <div className="flex flex-wrap items-center gap-3">
        <p role="status" className="text-sm">
          From “{preview.fileName}”: <strong>{preview.createCount}</strong>{" "}
          {preview.createCount === 1 ? "stance" : "stances"} will be created, <strong>{preview.refusedCount}</strong>{" "}
          {preview.refusedCount === 1 ? "row" : "rows"} refused.
          {preview.newIssues.length + preview.newParties.length > 0
            ? ` New: ${[...preview.newIssues, ...preview.newParties].join(", ")}.`
            : ""}
        </p>
        <button
          type="button"
          disabled={sheet.busy || preview.createCount === 0}
          onClick={() => sheet.confirm(file)}
          className={primaryButtonClass}
        >
          {sheet.pending === "confirm"
            ? "Importing…"
            : `Import ${preview.createCount} ${preview.createCount === 1 ? "stance" : "stances"}`}
        </button>
        <button
          type="button"
          disabled={sheet.busy}
          onClick={() => sheet.chooseFile(undefined)}
          className={secondaryButtonClass}
        >
          Cancel
        </button>
      </div>
      <PreviewTable preview={preview} labels={labels} />
    </>
  );
}

/** Which column of the sheet holds each field. */
function ColumnsFieldset({ sheet, preview }: Omit<Props, "labels">) {
  const { options, change } = sheet;
  return (
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
              disabled={sheet.busy}
              onChange={(e) => change({ ...options, columns: { ...preview.columns, [field]: Number(e.target.value) } })}
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
  );
}

/** Where each position word found in the sheet lands on the workspace's scale. */
function PositionWordsFieldset({ sheet, preview, labels }: Props) {
  const { options, change } = sheet;
  return (
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
              disabled={sheet.busy}
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
  );
}

function PreviewTable({ preview, labels }: Omit<Props, "sheet">) {
  return (
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
  );
}
