// Every kind of job, and which count as imports for the per-user limits. A new importer (PDF,
// spreadsheet…) adds its kind here and its handler where instrumentation.ts starts the worker.
export const JOB_KINDS = { importWorkspace: "import.workspace" } as const;

export const IMPORT_JOB_KINDS: readonly string[] = [JOB_KINDS.importWorkspace];
