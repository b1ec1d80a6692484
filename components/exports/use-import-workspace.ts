"use client";

import { useAction } from "next-safe-action/hooks";
import { type FormEvent, useState } from "react";
import { importWorkspaceAction } from "@/lib/exports/actions";
import { MAX_IMPORT_CHARACTERS } from "@/lib/exports/schema";

/**
 * The chosen export file (read and checked in the browser before upload), the import action, and
 * its errors per field: the browser's and the server's together.
 */
export function useImportWorkspace() {
  const [file, setFile] = useState<{ name: string; content: string } | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const action = useAction(importWorkspaceAction);
  const queued = action.result.data?.ok ? action.result.data.jobId : null;
  const fieldErrors = action.result.validationErrors?.fieldErrors;
  const refusal = action.result.data && !action.result.data.ok ? action.result.data : null;
  const slugErrors = [...(fieldErrors?.slug ?? []), ...(refusal?.fields?.slug ?? [])];
  const fileErrors = [
    ...(fileError ? [fileError] : []),
    ...(fieldErrors?.file ?? []),
    ...(refusal?.fields?.file ?? []),
  ];
  const problems = refusal?.code === "invalid_file" ? refusal.details.problems : [];

  async function chooseFile(chosen: File | undefined) {
    setFileError(null);
    setFile(null);
    if (!chosen) return;
    if (!/\.json$/i.test(chosen.name))
      return setFileError(`“${chosen.name}” is not a .json file: choose a “Whole workspace” export.`);
    const content = await chosen.text();
    if (content.length > MAX_IMPORT_CHARACTERS)
      return setFileError(`“${chosen.name}” is larger than the 4.8 MB an upload may carry.`);
    setFile({ name: chosen.name, content });
  }

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const slug = String(new FormData(event.currentTarget).get("slug") ?? "");
    if (!file) return setFileError("Choose a workspace export file (.json).");
    action.execute({ slug, file: file.content });
  };

  return { action, queued, refusal, slugErrors, fileErrors, problems, chooseFile, onSubmit };
}
