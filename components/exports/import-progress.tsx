"use client";

import Link from "next/link";
import { FormAlert } from "@/components/ui/form-feedback";
import { useImports } from "./use-imports";

/** Where a queued import is: waiting, its stage and progress, then a link to the result or why it failed. */
export function ImportProgress({ jobId }: { jobId: string }) {
  const imports = useImports(true);
  const job = imports.data?.find((candidate) => candidate.id === jobId);
  if (imports.error) return <FormAlert>{imports.error.message}</FormAlert>;
  if (!job || job.status === "QUEUED")
    return (
      <p role="status" className="text-sm text-slate-600">
        Import queued; it starts as soon as a place is free.
      </p>
    );
  if (job.status === "RUNNING")
    return (
      <div role="status" className="space-y-1 text-sm">
        <label htmlFor={`import-progress-${job.id}`}>
          Importing: {job.stage} ({job.progress}%)
        </label>
        <progress id={`import-progress-${job.id}`} max={100} value={job.progress} className="block w-full" />
      </div>
    );
  if (job.status === "SUCCEEDED") {
    const workspace = job.result?.workspace;
    return (
      <FormAlert tone="success">
        Imported “{workspace?.title}”.{" "}
        {workspace ? (
          <Link className="underline" href={`/w/${workspace.slug}`}>
            Open the new workspace
          </Link>
        ) : null}
      </FormAlert>
    );
  }
  return (
    <FormAlert>
      The import failed; nothing was saved. {job.error?.message}
      {job.error?.problems?.length ? (
        <ul aria-label="Problems found in the file" className="mt-1 list-disc pl-5">
          {job.error.problems.map((problem) => (
            <li key={problem}>{problem}</li>
          ))}
        </ul>
      ) : null}
    </FormAlert>
  );
}
