"use client";

import Link from "next/link";
import { FormAlert } from "@/components/ui/form-feedback";
import type { PositionLabels } from "@/lib/matrix/positions";
import { SheetPreview } from "./sheet-preview";
import { useStanceImport } from "./use-stance-import";

/** Choose a sheet, map its columns and position words on the server's previews, then import it. */
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
  const sheet = useStanceImport(slug, canCreate && createMissing);
  const { options, preview, file, done } = sheet;
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
          onChange={(e) => sheet.chooseFile(e.target.files?.[0])}
          className="mt-1 block text-sm"
        />
        {canCreate ? (
          <label className="mt-3 flex items-center gap-2 text-sm">
            <input
              type="checkbox"
              checked={options.createMissing}
              disabled={sheet.busy}
              onChange={(e) => sheet.change({ ...options, createMissing: e.target.checked })}
            />
            Create missing issues and parties
          </label>
        ) : null}
      </div>

      {sheet.error ? <FormAlert>{sheet.error}</FormAlert> : null}
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
      {sheet.pending === "preview" ? (
        <p role="status" className="text-sm text-slate-600">
          Reading the sheet…
        </p>
      ) : null}

      {preview && file ? <SheetPreview sheet={sheet} preview={preview} file={file} labels={labels} /> : null}
    </div>
  );
}
