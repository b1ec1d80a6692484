"use client";

import { useRouter } from "next/navigation";
import { useAction } from "next-safe-action/hooks";
import { useEffect, useState } from "react";
import { inputClass, primaryButtonClass } from "@/components/structure/field";
import { FieldError, FormAlert } from "@/components/ui/form-feedback";
import { POSITIONS, type Position } from "@/lib/matrix/positions";
import { checkWorkspaceSlugAction, createWorkspaceAction } from "@/lib/workspaces/actions";
import { suggestSlug, type TemplateKey } from "@/lib/workspaces/schema";
import type { WorkspaceTemplate } from "@/lib/workspaces/templates";

type Props = {
  templates: WorkspaceTemplate[];
  copySources: { slug: string; title: string }[];
};

/** "United States (US)" → a party named United States, short name US. */
function parseParties(text: string) {
  return lines(text).map((line) => {
    const match = /^(.*?)\s*\(([^()]{1,24})\)$/.exec(line);
    return match ? { name: match[1]!, shortName: match[2]! } : { name: line };
  });
}

const lines = (text: string) =>
  text
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean);

const partyLines = (t: WorkspaceTemplate) => t.parties.map((p) => `${p.name} (${p.shortName})`).join("\n");
const issueLines = (t: WorkspaceTemplate) => t.issues.map((i) => i.title).join("\n");

export function NewWorkspaceForm({ templates, copySources }: Props) {
  const router = useRouter();
  const [title, setTitle] = useState("");
  const [slug, setSlug] = useState("");
  const [slugEdited, setSlugEdited] = useState(false);
  const [start, setStart] = useState<TemplateKey | "copy">("blank");
  const template = templates.find((t) => t.key === start) ?? templates[0]!;
  const [parties, setParties] = useState(partyLines(template));
  const [issues, setIssues] = useState(issueLines(template));
  const [labels, setLabels] = useState<Record<Position, string>>(template.positionLabels);
  const [fromSheet, setFromSheet] = useState(false);
  const check = useAction(checkWorkspaceSlugAction);
  const create = useAction(createWorkspaceAction, {
    onSuccess: ({ data }) => router.push(`/w/${data.workspace.slug}${fromSheet ? "/import/stances?start=sheet" : ""}`),
  });

  const shownSlug = slugEdited ? slug : suggestSlug(title);
  // Ask the server whether the address is free once typing pauses.
  // biome-ignore lint/correctness/useExhaustiveDependencies: check.execute is stable enough; re-run on the address only
  useEffect(() => {
    if (!shownSlug) return;
    const timer = setTimeout(() => check.execute({ slug: shownSlug }), 300);
    return () => clearTimeout(timer);
  }, [shownSlug]);

  function choose(next: TemplateKey | "copy") {
    setStart(next);
    const chosen = templates.find((t) => t.key === next);
    if (!chosen) return;
    setParties(partyLines(chosen));
    setIssues(issueLines(chosen));
    setLabels(chosen.positionLabels);
  }

  const fieldErrors = create.result.validationErrors?.fieldErrors as Record<string, string[] | undefined> | undefined;
  // A refusal of one field (the address taken) shows at that field, any other above the form.
  const serverError = create.result.serverError;
  const checked = check.result.data?.slug === shownSlug ? check.result.data : null;
  const slugErrors = [
    ...(fieldErrors?.slug ?? []),
    ...(serverError?.fields?.slug ?? []),
    ...(checked && !checked.available && checked.message ? [checked.message] : []),
  ];
  const errorProps = (name: string, errors: string[] | undefined) => ({
    "aria-invalid": Boolean(errors?.length),
    "aria-describedby": errors?.length ? `new-${name}-error` : undefined,
  });

  return (
    <form
      noValidate
      className="space-y-6"
      onSubmit={(event) => {
        event.preventDefault();
        const form = new FormData(event.currentTarget);
        const copyFrom = String(form.get("copyFrom") ?? "");
        create.execute({
          title,
          slug: shownSlug,
          description: String(form.get("description") ?? ""),
          ...(start === "copy"
            ? { copyFrom }
            : {
                template: start,
                parties: parseParties(parties),
                issues: lines(issues).map((t) => ({ title: t, description: "" })),
                positionLabels: labels,
              }),
        });
      }}
    >
      {serverError && !serverError.fields ? <FormAlert>{serverError.message}</FormAlert> : null}
      <div>
        <label htmlFor="new-title" className="block text-sm font-medium">
          Title
        </label>
        <input
          id="new-title"
          value={title}
          onChange={(e) => setTitle(e.target.value)}
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
            value={shownSlug}
            onChange={(e) => {
              setSlugEdited(true);
              setSlug(e.target.value);
            }}
            maxLength={64}
            required
            pattern="[a-z0-9]+(-[a-z0-9]+)*"
            className={`${inputClass} mt-0 min-w-0`}
            aria-invalid={slugErrors.length > 0}
            aria-describedby={slugErrors.length > 0 ? "new-slug-error" : "new-slug-hint"}
          />
        </div>
        <p id="new-slug-hint" className="mt-1 text-xs text-slate-500">
          Lowercase letters, digits and hyphens; suggested from the title.{" "}
          {checked?.available ? <span className="text-emerald-700">This address is free.</span> : null}
        </p>
        <FieldError id="new-slug-error" messages={slugErrors} />
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

      <fieldset>
        <legend className="text-sm font-medium">Start from</legend>
        <div className="mt-2 grid gap-2 sm:grid-cols-2">
          {templates.map((t) => (
            <label
              key={t.key}
              className="flex cursor-pointer gap-2 rounded-md border border-slate-200 bg-white p-3 text-sm has-[:checked]:border-indigo-500 has-[:checked]:ring-1 has-[:checked]:ring-indigo-500"
            >
              <input type="radio" name="start" checked={start === t.key} onChange={() => choose(t.key)} />
              <span>
                <span className="block font-medium">{t.name}</span>
                <span className="block text-slate-600">{t.description}</span>
              </span>
            </label>
          ))}
          {copySources.length > 0 ? (
            <label className="flex cursor-pointer gap-2 rounded-md border border-slate-200 bg-white p-3 text-sm has-[:checked]:border-indigo-500 has-[:checked]:ring-1 has-[:checked]:ring-indigo-500">
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

      {start === "copy" ? (
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
        <>
          <div className="grid gap-6 md:grid-cols-2">
            <div>
              <label htmlFor="new-parties" className="block text-sm font-medium">
                Parties <span className="font-normal text-slate-500">(matrix columns, one a line)</span>
              </label>
              <textarea
                id="new-parties"
                rows={6}
                value={parties}
                onChange={(e) => setParties(e.target.value)}
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
                value={issues}
                onChange={(e) => setIssues(e.target.value)}
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
      )}
      <label className="flex items-start gap-2 text-sm">
        <input type="checkbox" checked={fromSheet} onChange={(e) => setFromSheet(e.target.checked)} className="mt-1" />
        <span>
          <span className="block font-medium">Then fill it from a spreadsheet</span>
          <span className="block text-slate-600">
            After creating the workspace, import your matrix from a CSV or Excel file (issue, party, position, summary,
            date); issues and parties missing from the workspace are created from the sheet.
          </span>
        </span>
      </label>
      <button type="submit" disabled={create.isPending} className={primaryButtonClass}>
        {create.isPending ? "Creating…" : "Create workspace"}
      </button>
    </form>
  );
}
