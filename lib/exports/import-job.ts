import "server-only";
import { type ImportRefusal, importWorkspaceExport, invalidFile, slugTaken } from "@/lib/exports/mutations";
import { WorkspaceSlugSchema } from "@/lib/exports/schema";
import { WORKSPACE_EXPORT_FORMAT } from "@/lib/exports/workspace-file";
import { db } from "@/lib/platform/db/client";
import { env } from "@/lib/platform/env";
import { failOn } from "@/lib/platform/errors";
import { IMPORT_JOB_KINDS, JOB_KINDS } from "@/lib/platform/jobs/kinds";
import { type EnqueueResult, enqueueJob } from "@/lib/platform/jobs/queue";
import type { JobHandler } from "@/lib/platform/jobs/runner";
import { wakeJobWorker } from "@/lib/platform/jobs/wake";

export type QueueImportResult = EnqueueResult | ImportRefusal;

/**
 * Queues the import of a workspace file: what can be refused cheaply (the address, a file that is
 * not a workspace export, the user's import limits) is refused here at once; reading and writing
 * the file happen in a job, off the request's connections.
 */
export async function queueWorkspaceImport(
  file: string,
  options: { slug: string; ownerUserId: string },
): Promise<QueueImportResult> {
  const slug = WorkspaceSlugSchema.safeParse(options.slug);
  if (!slug.success) return failOn("slug", "invalid_slug", slug.error.issues[0]?.message ?? "Not a valid address.");
  let format: unknown;
  try {
    format = (JSON.parse(file) as { format?: unknown } | null)?.format;
  } catch {
    format = undefined;
  }
  if (format !== WORKSPACE_EXPORT_FORMAT)
    return invalidFile(
      "The file is not a Parley workspace export. Choose a file exported from Parley as “Whole workspace”.",
    );
  if (await db().workspace.findUnique({ where: { slug: slug.data }, select: { id: true } }))
    return slugTaken(slug.data);
  const settings = env();
  const queued = await enqueueJob(
    db(),
    { kind: JOB_KINDS.importWorkspace, userId: options.ownerUserId, params: { slug: slug.data }, input: file },
    {
      kinds: IMPORT_JOB_KINDS,
      concurrent: settings.PARLEY_IMPORTS_CONCURRENT_PER_USER,
      daily: settings.PARLEY_IMPORTS_DAILY_PER_USER,
    },
  );
  if (!queued.ok) return queued;
  wakeJobWorker();
  return queued;
}

/** The job's recorded error: the refusal's code and message, the field it concerns, the file's problems. */
function failure(result: ImportRefusal) {
  return {
    ok: false as const,
    error: {
      message: result.message,
      code: result.code,
      field: Object.keys(result.fields ?? {})[0] ?? null,
      problems: result.code === "invalid_file" ? result.details.problems : [],
    },
  };
}

/** The job: the import in one transaction on the jobs' pool, its outcome recorded in the same transaction. */
export const runWorkspaceImportJob: JobHandler = async ({ job, db: database, progress, finishIn }) => {
  const slug = typeof job.params.slug === "string" ? job.params.slug : "";
  const result = await importWorkspaceExport(
    job.input ?? "",
    { slug, ownerUserId: job.userId },
    {
      database,
      progress,
      beforeCommit: (tx, imported) =>
        finishIn(tx, { ok: true, result: { workspace: imported.workspace, counts: imported.counts } }),
    },
  );
  if (!result.ok) return failure(result);
  return { ok: true, result: { workspace: result.workspace, counts: result.counts } };
};
