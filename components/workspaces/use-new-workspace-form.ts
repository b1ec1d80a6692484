import { useRouter } from "next/navigation";
import { useAction } from "next-safe-action/hooks";
import { useEffect, useState } from "react";
import type { Position } from "@/lib/matrix/positions";
import { checkWorkspaceSlugAction, createWorkspaceAction } from "@/lib/workspaces/actions";
import { suggestSlug, type TemplateKey } from "@/lib/workspaces/schema";
import type { WorkspaceTemplate } from "@/lib/workspaces/templates";

export type StartFrom = TemplateKey | "copy";

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

/** The starting structure: parties, issues and scale labels, filled from the chosen template and then edited. */
function useStructure(templates: WorkspaceTemplate[]) {
  const [start, setStart] = useState<StartFrom>("blank");
  const template = templates.find((t) => t.key === start) ?? templates[0]!;
  const [parties, setParties] = useState(partyLines(template));
  const [issues, setIssues] = useState(issueLines(template));
  const [labels, setLabels] = useState<Record<Position, string>>(template.positionLabels);

  function choose(next: StartFrom) {
    setStart(next);
    const chosen = templates.find((t) => t.key === next);
    if (!chosen) return;
    setParties(partyLines(chosen));
    setIssues(issueLines(chosen));
    setLabels(chosen.positionLabels);
  }

  return { start, choose, parties, setParties, issues, setIssues, labels, setLabels };
}

export type WorkspaceStructure = ReturnType<typeof useStructure>;

/** The address: suggested from the title until edited, checked with the server once typing pauses. */
function useSlug(title: string) {
  const [slug, setSlug] = useState("");
  const [slugEdited, setSlugEdited] = useState(false);
  const check = useAction(checkWorkspaceSlugAction);
  const shownSlug = slugEdited ? slug : suggestSlug(title);
  // biome-ignore lint/correctness/useExhaustiveDependencies: check.execute is stable enough; re-run on the address only
  useEffect(() => {
    if (!shownSlug) return;
    const timer = setTimeout(() => check.execute({ slug: shownSlug }), 300);
    return () => clearTimeout(timer);
  }, [shownSlug]);
  const edit = (value: string) => {
    setSlugEdited(true);
    setSlug(value);
  };
  const checked = check.result.data?.slug === shownSlug ? check.result.data : null;
  return { shownSlug, edit, checked };
}

export function useNewWorkspaceForm(templates: WorkspaceTemplate[]) {
  const router = useRouter();
  const [title, setTitle] = useState("");
  const slug = useSlug(title);
  const structure = useStructure(templates);
  const [fromSheet, setFromSheet] = useState(false);
  const create = useAction(createWorkspaceAction, {
    onSuccess: ({ data }) => router.push(`/w/${data.workspace.slug}${fromSheet ? "/import/stances?start=sheet" : ""}`),
  });

  const fieldErrors = create.result.validationErrors?.fieldErrors as Record<string, string[] | undefined> | undefined;
  // A refusal of one field (the address taken) shows at that field, any other above the form.
  const serverError = create.result.serverError;
  const { checked } = slug;
  const slugErrors = [
    ...(fieldErrors?.slug ?? []),
    ...(serverError?.fields?.slug ?? []),
    ...(checked && !checked.available && checked.message ? [checked.message] : []),
  ];

  function submit(form: FormData) {
    const { start, parties, issues, labels } = structure;
    create.execute({
      title,
      slug: slug.shownSlug,
      description: String(form.get("description") ?? ""),
      ...(start === "copy"
        ? { copyFrom: String(form.get("copyFrom") ?? "") }
        : {
            template: start,
            parties: parseParties(parties),
            issues: lines(issues).map((t) => ({ title: t, description: "" })),
            positionLabels: labels,
          }),
    });
  }

  return {
    title,
    setTitle,
    slug: { ...slug, errors: slugErrors },
    structure,
    fromSheet,
    setFromSheet,
    fieldErrors,
    alert: serverError && !serverError.fields ? serverError : null,
    creating: create.isPending,
    submit,
  };
}

export type NewWorkspaceFormState = ReturnType<typeof useNewWorkspaceForm>;
export type FieldErrors = NewWorkspaceFormState["fieldErrors"];

/** aria wiring of a field to its error messages. */
export const errorProps = (name: string, errors: string[] | undefined) => ({
  "aria-invalid": Boolean(errors?.length),
  "aria-describedby": errors?.length ? `new-${name}-error` : undefined,
});
