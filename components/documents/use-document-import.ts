import { useRouter } from "next/navigation";
import { useAction } from "next-safe-action/hooks";
import { useState } from "react";
import { actionErrorMessage } from "@/components/ui/action-error";
import { isTooLong } from "@/components/ui/character-count";
import { importDocumentAction } from "@/lib/documents/actions";
import { MAX_FILE_BYTES } from "@/lib/documents/limits";
import { DOCUMENT_TITLE_MAX } from "@/lib/documents/schema";

const FILE_TYPES = /\.(pdf|docx|html?|txt|md)$/i;

type Upload = { pending: boolean; error: string | null; existingId: string | null };
/** How far an upload is: the share of the file sent, then the server reading its text. */
export type Progress = { stage: "sending"; sent: number | null } | { stage: "reading" } | null;

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

/** A file chosen for import, checked in the browser, and its upload to the import route. */
function useFileUpload(slug: string) {
  const router = useRouter();
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [upload, setUpload] = useState<Upload>({ pending: false, error: null, existingId: null });
  const [progress, setProgress] = useState<Progress>(null);

  function chooseFile(chosen: File | undefined) {
    setFileError(null);
    setFile(null);
    if (!chosen) return;
    if (!FILE_TYPES.test(chosen.name))
      return setFileError(
        `“${chosen.name}” is not a supported file: upload a PDF, Word (.docx), HTML, .txt or .md file.`,
      );
    if (chosen.size > MAX_FILE_BYTES)
      return setFileError(`“${chosen.name}” is larger than ${MAX_FILE_BYTES / 1024 / 1024} MB.`);
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

  return { file, fileError, chooseFile, upload, progress, uploadFile };
}

/** A document import: pasted text goes to the server action, a chosen file to the upload route. */
export function useDocumentImport(slug: string) {
  const router = useRouter();
  const [title, setTitle] = useState("");
  const titleTooLong = isTooLong(title, DOCUMENT_TITLE_MAX);
  const upload = useFileUpload(slug);
  const action = useAction(importDocumentAction, {
    onSuccess: ({ data }) => router.push(`/w/${slug}/documents/${data.documentId}`),
  });
  // The text itself was refused (already imported, or a file that cannot be read): a notice, not an error.
  const serverError = action.result.serverError;
  const refusal =
    serverError?.code === "duplicate" || serverError?.code === "unsupported_file" ? serverError : undefined;

  function submit(form: FormData) {
    if (titleTooLong) return;
    if (upload.file) return void upload.uploadFile(form, upload.file);
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
  }

  return {
    ...upload,
    title: { value: title, set: setTitle, tooLong: titleTooLong },
    errors: action.result.validationErrors?.fieldErrors,
    refusal,
    failure: refusal ? null : actionErrorMessage({ serverError }),
    existingId: typeof refusal?.details?.documentId === "string" ? refusal.details.documentId : null,
    pending: action.isPending || upload.upload.pending,
    submit,
  };
}

export type DocumentImport = ReturnType<typeof useDocumentImport>;
