"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { useAction } from "next-safe-action/hooks";
import { importDocumentAction } from "@/lib/documents/actions";
import { FieldError } from "@/components/ui/form-feedback";
import { actionErrorMessage } from "@/components/ui/action-error";

const MAX_BYTES = 2 * 1024 * 1024;

export function ImportForm({ slug }: { slug: string }) {
  const router = useRouter();
  const [file, setFile] = useState<{ name: string; content: string } | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const action = useAction(importDocumentAction, { onSuccess: ({ data }) => data.ok && router.push(`/w/${slug}/documents/${data.documentId}`) });
  const errors = action.result.validationErrors?.fieldErrors;
  const refusal = action.result.data && !action.result.data.ok ? action.result.data : null;
  const failure = actionErrorMessage({ serverError: action.result.serverError });

  async function chooseFile(chosen: File | undefined) {
    setFileError(null);
    setFile(null);
    if (!chosen) return;
    if (!/\.(txt|md|html?)$/i.test(chosen.name)) return setFileError(`“${chosen.name}” is not a supported file: upload .txt, .md or .html.`);
    if (chosen.size > MAX_BYTES) return setFileError(`“${chosen.name}” is larger than 2 MB; split it into parts.`);
    setFile({ name: chosen.name, content: await chosen.text() });
  }

  const field = (name: "title" | "outlet" | "url" | "language" | "publishedOn", label: string, props: Record<string, string> = {}) => (
    <div>
      <label htmlFor={`doc-${name}`} className="block text-sm font-medium">{label}</label>
      <input id={`doc-${name}`} name={name} aria-invalid={Boolean(errors?.[name])} aria-describedby={errors?.[name] ? `doc-${name}-error` : undefined} className="mt-1 w-full rounded-md border border-slate-300 px-3 py-2" {...props} />
      <FieldError id={`doc-${name}-error`} messages={errors?.[name]} />
    </div>
  );

  return (
    <form
      className="space-y-4"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const form = new FormData(e.currentTarget);
        const get = (k: string) => String(form.get(k) ?? "");
        action.execute({
          workspaceSlug: slug,
          title: get("title"),
          outlet: get("outlet"),
          url: get("url"),
          language: get("language") || "en",
          publishedOn: get("publishedOn"),
          text: file ? file.content : get("text"),
          fileName: file?.name,
        });
      }}
    >
      {failure ? <div role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900">{failure}</div> : null}
      {refusal ? (
        <div role="alert" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950">
          {refusal.message} {"documentId" in refusal ? <a className="underline" href={`/w/${slug}/documents/${refusal.documentId}`}>Open it</a> : null}
        </div>
      ) : null}
      {field("title", "Title", { required: "" })}
      <div className="grid gap-4 sm:grid-cols-2">
        {field("outlet", "Outlet")}
        {field("url", "URL", { type: "url", placeholder: "https://…" })}
        {field("language", "Language", { defaultValue: "en" })}
        {field("publishedOn", "Published", { placeholder: "2022, 2022-02 or 2022-02-14" })}
      </div>
      <div>
        <label htmlFor="doc-file" className="block text-sm font-medium">Upload a file (.txt, .md, .html; up to 2 MB)</label>
        <input id="doc-file" type="file" accept=".txt,.md,.html,.htm,text/plain,text/markdown,text/html" onChange={(e) => chooseFile(e.target.files?.[0])} aria-describedby={fileError ? "doc-file-error" : undefined} className="mt-1 block text-sm" />
        {fileError ? <p id="doc-file-error" role="alert" className="mt-1 text-sm text-red-700">{fileError}</p> : null}
        {file ? <p className="mt-1 text-sm text-slate-600">Will import “{file.name}” ({file.content.length.toLocaleString()} characters).</p> : null}
      </div>
      {!file ? (
        <div>
          <label htmlFor="doc-text" className="block text-sm font-medium">…or paste the text</label>
          <textarea id="doc-text" name="text" rows={14} aria-invalid={Boolean(errors?.text)} aria-describedby={errors?.text ? "doc-text-error" : "doc-text-hint"} className="mt-1 w-full rounded-md border border-slate-300 px-3 py-2 font-serif" />
          <p id="doc-text-hint" className="text-xs text-slate-500">Kept exactly as pasted: quotes are anchored in this text.</p>
          <FieldError id="doc-text-error" messages={errors?.text} />
        </div>
      ) : null}
      <button type="submit" disabled={action.isPending} className="rounded-md bg-indigo-700 px-4 py-2 text-sm font-medium text-white disabled:opacity-60">{action.isPending ? "Importing…" : "Import document"}</button>
    </form>
  );
}
