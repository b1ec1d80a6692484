"use client";

import { useRouter } from "next/navigation";
import { useAction } from "next-safe-action/hooks";
import { useState } from "react";
import { actionErrorMessage } from "@/components/ui/action-error";
import { CharacterCount, isTooLong } from "@/components/ui/character-count";
import { FieldError } from "@/components/ui/form-feedback";
import { importDocumentAction } from "@/lib/documents/actions";
import { DOCUMENT_TITLE_MAX } from "@/lib/documents/schema";

// The same limit as lib/documents/extract-text.ts MAX_FILE_BYTES (that module is server-only).
const MAX_FILE_BYTES = 20 * 1024 * 1024;
const FILE_TYPES = /\.(pdf|docx|html?|txt|md)$/i;

type Upload = { pending: boolean; error: string | null; existingId: string | null };
/** How far an upload is: the share of the file sent, then the server reading its text. */
type Progress = { stage: "sending"; sent: number | null } | { stage: "reading" } | null;

/**
 * POSTs a form with XMLHttpRequest, which (unlike fetch) reports upload progress: a 20 MB file
 * takes a while on a slow link, and the reader should see it moving.
 */
function postWithProgress(
  url: string,
  form: FormData,
  onProgress: (progress: Progress) => void,
): Promise<{ status: number; body: unknown }> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open("POST", url);
    request.upload.onprogress = (event) =>
      onProgress({ stage: "sending", sent: event.lengthComputable ? event.loaded / event.total : null });
    request.upload.onload = () => onProgress({ stage: "reading" });
    request.onload = () => {
      let body: unknown = {};
      try {
        body = JSON.parse(request.responseText);
      } catch {}
      resolve({ status: request.status, body });
    };
    request.onerror = () => reject(new Error("network"));
    request.send(form);
  });
}

export function ImportForm({ slug }: { slug: string }) {
  const router = useRouter();
  const [file, setFile] = useState<File | null>(null);
  const [title, setTitle] = useState("");
  const titleTooLong = isTooLong(title, DOCUMENT_TITLE_MAX);
  const [fileError, setFileError] = useState<string | null>(null);
  const [upload, setUpload] = useState<Upload>({ pending: false, error: null, existingId: null });
  const [progress, setProgress] = useState<Progress>(null);
  const action = useAction(importDocumentAction, {
    onSuccess: ({ data }) => router.push(`/w/${slug}/documents/${data.documentId}`),
  });
  const errors = action.result.validationErrors?.fieldErrors;
  // The text itself was refused (already imported, or a file that cannot be read): a notice, not an error.
  const serverError = action.result.serverError;
  const refusal =
    serverError?.code === "duplicate" || serverError?.code === "unsupported_file" ? serverError : undefined;
  const failure = refusal ? null : actionErrorMessage({ serverError });
  const existingId = typeof refusal?.details?.documentId === "string" ? refusal.details.documentId : null;

  function chooseFile(chosen: File | undefined) {
    setFileError(null);
    setFile(null);
    if (!chosen) return;
    if (!FILE_TYPES.test(chosen.name))
      return setFileError(
        `“${chosen.name}” is not a supported file: upload a PDF, Word (.docx), HTML, .txt or .md file.`,
      );
    if (chosen.size > MAX_FILE_BYTES) return setFileError(`“${chosen.name}” is larger than 20 MB.`);
    setFile(chosen);
  }

  // Files go to the import route, not to the server action: they may be far larger than an
  // action body may be, and are converted to text on the server.
  async function uploadFile(form: FormData, chosen: File) {
    setUpload({ pending: true, error: null, existingId: null });
    form.delete("text");
    form.set("file", chosen, chosen.name);
    form.set("publishedAt", String(form.get("publishedOn") ?? ""));
    form.delete("publishedOn");
    setProgress({ stage: "sending", sent: 0 });
    try {
      const response = await postWithProgress(`/api/w/${encodeURIComponent(slug)}/documents`, form, setProgress);
      const body = response.body as { id?: string; message?: string; details?: { documentId?: string } };
      if (response.status === 201 && body.id) return router.push(`/w/${slug}/documents/${body.id}`);
      setProgress(null);
      setUpload({
        pending: false,
        error: body.message ?? `The import failed (HTTP ${response.status}).`,
        existingId: body.details?.documentId ?? null,
      });
    } catch {
      setProgress(null);
      setUpload({
        pending: false,
        error: "The upload did not reach the server; check the connection.",
        existingId: null,
      });
    }
  }

  const field = (
    name: "title" | "outlet" | "url" | "language" | "publishedOn",
    label: string,
    props: Record<string, string> = {},
  ) => (
    <div>
      <label htmlFor={`doc-${name}`} className="block text-sm font-medium">
        {label}
      </label>
      <input
        id={`doc-${name}`}
        name={name}
        aria-invalid={Boolean(errors?.[name]) || (name === "title" && titleTooLong)}
        aria-describedby={
          [name === "title" ? "doc-title-count" : "", errors?.[name] ? `doc-${name}-error` : ""]
            .filter(Boolean)
            .join(" ") || undefined
        }
        className="mt-1 w-full rounded-md border border-slate-300 px-3 py-2 aria-invalid:border-red-600"
        {...(name === "title" ? { value: title, onChange: (e) => setTitle(e.target.value) } : {})}
        {...props}
      />
      {name === "title" ? <CharacterCount id="doc-title-count" value={title} max={DOCUMENT_TITLE_MAX} /> : null}
      <FieldError id={`doc-${name}-error`} messages={errors?.[name]} />
    </div>
  );

  return (
    <form
      className="space-y-4"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (titleTooLong) return;
        const form = new FormData(e.currentTarget);
        if (file) return void uploadFile(form, file);
        const get = (k: string) => String(form.get(k) ?? "");
        action.execute({
          workspaceSlug: slug,
          title: get("title"),
          outlet: get("outlet"),
          url: get("url"),
          language: get("language") || undefined,
          publishedOn: get("publishedOn"),
          text: get("text"),
        });
      }}
    >
      {failure ? (
        <div role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900">
          {failure}
        </div>
      ) : null}
      {upload.error ? (
        <div role="alert" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950">
          {upload.error}{" "}
          {upload.existingId ? (
            <a className="underline" href={`/w/${slug}/documents/${upload.existingId}`}>
              Open it
            </a>
          ) : null}
        </div>
      ) : null}
      {refusal ? (
        <div role="alert" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950">
          {refusal.message}{" "}
          {existingId ? (
            <a className="underline" href={`/w/${slug}/documents/${existingId}`}>
              Open it
            </a>
          ) : null}
        </div>
      ) : null}
      {field("title", "Title", { required: "" })}
      <div className="grid gap-4 sm:grid-cols-2">
        {field("outlet", "Outlet")}
        {field("url", "URL", { type: "url", placeholder: "https://…" })}
        {field("language", "Language", { placeholder: "detected from the text (en, ru…)" })}
        {field("publishedOn", "Published", { placeholder: "2022, 2022-02 or 2022-02-14" })}
      </div>
      <div>
        <label htmlFor="doc-file" className="block text-sm font-medium">
          Upload a file (PDF, Word .docx, .html, .txt, .md; up to 20 MB)
        </label>
        <input
          id="doc-file"
          type="file"
          accept=".pdf,.docx,.txt,.md,.html,.htm,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document,text/plain,text/markdown,text/html"
          onChange={(e) => chooseFile(e.target.files?.[0])}
          aria-describedby={fileError ? "doc-file-error" : undefined}
          className="mt-1 block text-sm"
        />
        {fileError ? (
          <p id="doc-file-error" role="alert" className="mt-1 text-sm text-red-700">
            {fileError}
          </p>
        ) : null}
        {file ? (
          <p className="mt-1 text-sm text-slate-600">
            Will import “{file.name}” ({Math.max(1, Math.round(file.size / 1024)).toLocaleString()} KB); its text is
            extracted on the server.
          </p>
        ) : null}
      </div>
      {!file ? (
        <div>
          <label htmlFor="doc-text" className="block text-sm font-medium">
            …or paste the text
          </label>
          <textarea
            id="doc-text"
            name="text"
            rows={14}
            aria-invalid={Boolean(errors?.text)}
            aria-describedby={errors?.text ? "doc-text-error" : "doc-text-hint"}
            className="mt-1 w-full rounded-md border border-slate-300 px-3 py-2 font-serif"
          />
          <p id="doc-text-hint" className="text-xs text-slate-500">
            Kept exactly as pasted: quotes are anchored in this text.
          </p>
          <FieldError id="doc-text-error" messages={errors?.text} />
        </div>
      ) : null}
      <button
        type="submit"
        disabled={action.isPending || upload.pending || titleTooLong}
        className="rounded-md bg-indigo-700 px-4 py-2 text-sm font-medium text-white disabled:opacity-60"
      >
        {action.isPending || upload.pending ? "Importing…" : "Import document"}
      </button>
      <p role="status" className="text-sm text-slate-700" data-testid="upload-progress">
        {progress?.stage === "sending"
          ? `Uploading ${file?.name ?? "the file"}${progress.sent === null ? "…" : `: ${Math.round(progress.sent * 100)} %`}`
          : progress?.stage === "reading"
            ? "Uploaded. Reading the text out of the file…"
            : ""}
      </p>
    </form>
  );
}
