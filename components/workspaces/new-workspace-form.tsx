"use client";

import { inputClass, primaryButtonClass } from "@/components/structure/field";
import { FieldError, FormAlert } from "@/components/ui/form-feedback";
import { POSITIONS } from "@/lib/matrix/positions";
import type { WorkspaceTemplate } from "@/lib/workspaces/templates";
import {
  errorProps,
  type FieldErrors,
  type NewWorkspaceFormState,
  useNewWorkspaceForm,
  type WorkspaceStructure,
} from "./use-new-workspace-form";

type Props = {
  templates: WorkspaceTemplate[];
  copySources: { slug: string; title: string }[];
};

const choiceClass =
  "flex cursor-pointer gap-2 rounded-md border border-slate-200 bg-white p-3 text-sm has-[:checked]:border-indigo-500 has-[:checked]:ring-1 has-[:checked]:ring-indigo-500";

export function NewWorkspaceForm({ templates, copySources }: Props) {
  const form = useNewWorkspaceForm(templates);
  const { structure, fieldErrors } = form;
  return (
    <form
      noValidate
      className="space-y-6"
      onSubmit={(event) => {
        event.preventDefault();
        form.submit(new FormData(event.currentTarget));
      }}
    >
      {form.alert ? <FormAlert>{form.alert.message}</FormAlert> : null}
      <IdentityFields form={form} />
      <StartFromFieldset templates={templates} copySources={copySources} structure={structure} />
      {structure.start === "copy" ? (
        <div>
          <label htmlFor="new-copy-from" className="block text-sm font-medium">
            Copy the structure of
          </label>
          <select id="new-copy-from" name="copyFrom" className={inputClass}>
            {copySources.map((w) => (
              <option key={w.slug} value={w.slug}>
                {w.title}
              </option>
            ))}
          </select>
          <FieldError id="new-copyFrom-error" messages={fieldErrors?.copyFrom} />
        </div>
      ) : (
        <StructureFields structure={structure} fieldErrors={fieldErrors} />
      )}
      <label className="flex items-start gap-2 text-sm">
        <input
          type="checkbox"
          checked={form.fromSheet}
          onChange={(e) => form.setFromSheet(e.target.checked)}
          className="mt-1"
        />
        <span>
          <span className="block font-medium">Then fill it from a spreadsheet</span>
          <span className="block text-slate-600">
            After creating the workspace, import your matrix from a CSV or Excel file (issue, party, position, summary,
            date); issues and parties missing from the workspace are created from the sheet.
          </span>
        </span>
      </label>
      <button type="submit" disabled={form.creating} className={primaryButtonClass}>
        {form.creating ? "Creating…" : "Create workspace"}
      </button>
    </form>
  );
}

/** Title, address and description. */
function IdentityFields({ form }: { form: NewWorkspaceFormState }) {
  const { slug, fieldErrors } = form;
  return (
    <>
      <div>
        <label htmlFor="new-title" className="block text-sm font-medium">
          Title
        </label>
        <input
          id="new-title"
          value={form.title}
          onChange={(e) => form.setTitle(e.target.value)}
          maxLength={200}
          required
          className={inputClass}
          {...errorProps("title", fieldErrors?.title)}
        />
        <FieldError id="new-title-error" messages={fieldErrors?.title} />
      </div>
      <div>
        <label htmlFor="new-slug" className="block text-sm font-medium">
          Address
        </label>
        <div className="mt-1 flex items-center gap-1 text-sm">
          <span className="shrink-0 text-slate-500">/w/</span>
          <input
            id="new-slug"
            value={slug.shownSlug}
            onChange={(e) => slug.edit(e.target.value)}
            maxLength={64}
            required
            pattern="[a-z0-9]+(-[a-z0-9]+)*"
            className={`${inputClass} mt-0 min-w-0`}
            aria-invalid={slug.errors.length > 0}
            aria-describedby={slug.errors.length > 0 ? "new-slug-error" : "new-slug-hint"}
          />
        </div>
        <p id="new-slug-hint" className="mt-1 text-xs text-slate-500">
          Lowercase letters, digits and hyphens; suggested from the title.{" "}
          {slug.checked?.available ? <span className="text-emerald-700">This address is free.</span> : null}
        </p>
        <FieldError id="new-slug-error" messages={slug.errors} />
      </div>
      <div>
        <label htmlFor="new-description" className="block text-sm font-medium">
          Description <span className="font-normal text-slate-500">(optional)</span>
        </label>
        <textarea
          id="new-description"
          name="description"
          rows={3}
          maxLength={5000}
          className={inputClass}
          {...errorProps("description", fieldErrors?.description)}
        />
        <FieldError id="new-description-error" messages={fieldErrors?.description} />
      </div>
    </>
  );
}

function StartFromFieldset({ templates, copySources, structure }: Props & { structure: WorkspaceStructure }) {
  const { start, choose } = structure;
  return (
    <fieldset>
      <legend className="text-sm font-medium">Start from</legend>
      <div className="mt-2 grid gap-2 sm:grid-cols-2">
        {templates.map((t) => (
          <label key={t.key} className={choiceClass}>
            <input type="radio" name="start" checked={start === t.key} onChange={() => choose(t.key)} />
            <span>
              <span className="block font-medium">{t.name}</span>
              <span className="block text-slate-600">{t.description}</span>
            </span>
          </label>
        ))}
        {copySources.length > 0 ? (
          <label className={choiceClass}>
            <input type="radio" name="start" checked={start === "copy"} onChange={() => choose("copy")} />
            <span>
              <span className="block font-medium">Copy a structure</span>
              <span className="block text-slate-600">
                The issues, parties and scale labels of one of your workspaces; nothing else.
              </span>
            </span>
          </label>
        ) : null}
      </div>
    </fieldset>
  );
}

/** Parties, issues and scale labels of a workspace started from a template. */
function StructureFields({ structure, fieldErrors }: { structure: WorkspaceStructure; fieldErrors: FieldErrors }) {
  const { labels, setLabels } = structure;
  return (
    <>
      <div className="grid gap-6 md:grid-cols-2">
        <div>
          <label htmlFor="new-parties" className="block text-sm font-medium">
            Parties <span className="font-normal text-slate-500">(matrix columns, one a line)</span>
          </label>
          <textarea
            id="new-parties"
            rows={6}
            value={structure.parties}
            onChange={(e) => structure.setParties(e.target.value)}
            className={inputClass}
            {...errorProps("parties", fieldErrors?.parties)}
          />
          <p className="mt-1 text-xs text-slate-500">Add a short name in brackets: “European Union (EU)”.</p>
          <FieldError id="new-parties-error" messages={fieldErrors?.parties} />
        </div>
        <div>
          <label htmlFor="new-issues" className="block text-sm font-medium">
            Issues <span className="font-normal text-slate-500">(matrix rows, one a line)</span>
          </label>
          <textarea
            id="new-issues"
            rows={6}
            value={structure.issues}
            onChange={(e) => structure.setIssues(e.target.value)}
            className={inputClass}
            {...errorProps("issues", fieldErrors?.issues)}
          />
          <FieldError id="new-issues-error" messages={fieldErrors?.issues} />
        </div>
      </div>
      <fieldset>
        <legend className="text-sm font-medium">Scale labels</legend>
        <div className="mt-2 grid gap-3 sm:grid-cols-2">
          {POSITIONS.map((position) => (
            <div key={position}>
              <label htmlFor={`new-label-${position}`} className="block text-xs text-slate-600">
                {position.replace("_", " ").toLowerCase()}
              </label>
              <input
                id={`new-label-${position}`}
                value={labels[position]}
                maxLength={40}
                onChange={(e) => setLabels({ ...labels, [position]: e.target.value })}
                className={inputClass}
              />
            </div>
          ))}
        </div>
        <FieldError id="new-positionLabels-error" messages={fieldErrors?.positionLabels} />
      </fieldset>
    </>
  );
}
