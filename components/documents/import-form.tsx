"use client";

import { CharacterCount } from "@/components/ui/character-count";
import { FieldError } from "@/components/ui/form-feedback";
import { onFormData } from "@/components/ui/on-form-data";
import { DOCUMENT_TITLE_MAX } from "@/lib/documents/schema";
import { type DocumentImport, useDocumentImport } from "./use-document-import";

type FieldName = "title" | "outlet" | "url" | "language" | "publishedOn";

export function ImportForm({ slug }: { slug: string }) {
  const doc = useDocumentImport(slug);
  const { file, progress } = doc;
  return (
    <form className="space-y-4" noValidate onSubmit={onFormData(doc.submit)}>
      <ImportNotices slug={slug} doc={doc} />
      <DocumentField doc={doc} name="title" label="Title" extra={{ required: "" }} />
      <div className="grid gap-4 sm:grid-cols-2">
        <DocumentField doc={doc} name="outlet" label="Outlet" />
        <DocumentField doc={doc} name="url" label="URL" extra={{ type: "url", placeholder: "https://…" }} />
        <DocumentField
          doc={doc}
          name="language"
          label="Language"
          extra={{ placeholder: "detected from the text (en, ru…)" }}
        />
        <DocumentField
          doc={doc}
          name="publishedOn"
          label="Published"
          extra={{ placeholder: "2022, 2022-02 or 2022-02-14" }}
        />
      </div>
      <FileField doc={doc} />
      {!file ? <PastedText errors={doc.errors} /> : null}
      <button
        type="submit"
        disabled={doc.pending || doc.title.tooLong}
        className="rounded-md bg-indigo-700 px-4 py-2 text-sm font-medium text-white disabled:opacity-60"
      >
        {doc.pending ? "Importing…" : "Import document"}
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

/** Why the last attempt failed: an error, or a refused text (say, already imported) with a link to it. */
function ImportNotices({ slug, doc }: { slug: string; doc: DocumentImport }) {
  const { failure, upload, refusal, existingId } = doc;
  return (
    <>
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
    </>
  );
}

/** One metadata input; the title is controlled, for its character count. */
function DocumentField({
  doc,
  name,
  label,
  extra = {},
}: {
  doc: DocumentImport;
  name: FieldName;
  label: string;
  extra?: Record<string, string>;
}) {
  const { errors, title } = doc;
  return (
    <div>
      <label htmlFor={`doc-${name}`} className="block text-sm font-medium">
        {label}
      </label>
      <input
        id={`doc-${name}`}
        name={name}
        aria-invalid={Boolean(errors?.[name]) || (name === "title" && title.tooLong)}
        aria-describedby={
          [name === "title" ? "doc-title-count" : "", errors?.[name] ? `doc-${name}-error` : ""]
            .filter(Boolean)
            .join(" ") || undefined
        }
        className="mt-1 w-full rounded-md border border-slate-300 px-3 py-2 aria-invalid:border-red-600"
        {...(name === "title" ? { value: title.value, onChange: (e) => title.set(e.target.value) } : {})}
        {...extra}
      />
      {name === "title" ? <CharacterCount id="doc-title-count" value={title.value} max={DOCUMENT_TITLE_MAX} /> : null}
      <FieldError id={`doc-${name}-error`} messages={errors?.[name]} />
    </div>
  );
}

function FileField({ doc }: { doc: DocumentImport }) {
  const { file, fileError } = doc;
  return (
    <div>
      <label htmlFor="doc-file" className="block text-sm font-medium">
        Upload a file (PDF, Word .docx, .html, .txt, .md; up to 20 MB)
      </label>
      <input
        id="doc-file"
        type="file"
        accept=".pdf,.docx,.txt,.md,.html,.htm,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document,text/plain,text/markdown,text/html"
        onChange={(e) => doc.chooseFile(e.target.files?.[0])}
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
  );
}

function PastedText({ errors }: { errors: DocumentImport["errors"] }) {
  return (
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
  );
}
