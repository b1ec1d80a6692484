// Runs once when a server process starts, before it takes requests.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { installRequestLogging } = await import("@/lib/platform/observability/request-log");
  installRequestLogging();
  const { logDeploymentMode } = await import("@/lib/platform/observability/deployment-mode");
  logDeploymentMode();
  const { ensureFirstRun } = await import("@/lib/workspaces/bootstrap");
  // The demo file is read only on a first run, not kept in memory by every start.
  await ensureFirstRun(async () => (await import("@/prisma/demo/security-guarantees.workspace.json")).default);
  const { startJobWorker } = await import("@/lib/platform/jobs/worker");
  const { JOB_KINDS } = await import("@/lib/platform/jobs/kinds");
  const { runWorkspaceImportJob } = await import("@/lib/exports/import-job");
  startJobWorker({ [JOB_KINDS.importWorkspace]: runWorkspaceImportJob });
}
