"use client";

import { inputClass, primaryButtonClass } from "@/components/structure/field";
import { FieldError, FormAlert } from "@/components/ui/form-feedback";
import { ImportProgress } from "./import-progress";
import { useImportWorkspace } from "./use-import-workspace";

export function ImportWorkspaceForm() {
  const { action, queued, refusal, slugErrors, fileErrors, problems, chooseFile, onSubmit } = useImportWorkspace();
  return (
    <form className="max-w-xl space-y-4" noValidate onSubmit={onSubmit}>
      {action.result.serverError ? <FormAlert>{action.result.serverError.message}</FormAlert> : null}
      {refusal && !refusal.fields ? <FormAlert>{refusal.message}</FormAlert> : null}
      <ImportFileField fileErrors={fileErrors} problems={problems} chooseFile={chooseFile} />
      <ImportSlugField slugErrors={slugErrors} />
      <button type="submit" disabled={action.isPending} className={primaryButtonClass}>
        {action.isPending ? "Uploading…" : "Import as a new workspace"}
      </button>
      {queued ? <ImportProgress key={queued} jobId={queued} /> : null}
    </form>
  );
}

function ImportFileField({
  fileErrors,
  problems,
  chooseFile,
}: {
  fileErrors: string[];
  problems: string[];
  chooseFile: (chosen: File | undefined) => void;
}) {
  return (
    <div>
      <label htmlFor="import-file" className="block text-sm font-medium">
        Workspace export file
      </label>
      <input
        id="import-file"
        type="file"
        accept=".json,application/json"
        onChange={(event) => chooseFile(event.target.files?.[0])}
        aria-invalid={fileErrors.length > 0}
        aria-describedby={fileErrors.length > 0 ? "import-file-error" : "import-file-hint"}
        className="mt-1 block text-sm"
      />
      <p id="import-file-hint" className="mt-1 text-xs text-slate-500">
        A “Whole workspace (JSON)” download from this or another Parley, up to 4.8 MB.
      </p>
      <FieldError id="import-file-error" messages={fileErrors} />
      {problems.length > 0 ? (
        <ul aria-label="Problems found in the file" className="mt-1 list-disc pl-5 text-sm text-red-700">
          {problems.map((problem) => (
            <li key={problem}>{problem}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

function ImportSlugField({ slugErrors }: { slugErrors: string[] }) {
  return (
    <div>
      <label htmlFor="import-slug" className="block text-sm font-medium">
        Address of the new workspace
      </label>
      <div className="mt-1 flex items-center gap-1 text-sm">
        <span className="text-slate-500">/w/</span>
        <input
          id="import-slug"
          name="slug"
          required
          maxLength={64}
          pattern="[a-z0-9]+(-[a-z0-9]+)*"
          placeholder="talks-2024-copy"
          aria-invalid={slugErrors.length > 0}
          aria-describedby={slugErrors.length > 0 ? "import-slug-error" : "import-slug-hint"}
          className={`${inputClass} mt-0`}
        />
      </div>
      <p id="import-slug-hint" className="mt-1 text-xs text-slate-500">
        Lowercase letters, digits and hyphens. You become the new workspace&apos;s owner.
      </p>
      <FieldError id="import-slug-error" messages={slugErrors} />
    </div>
  );
}
