import "server-only";
import { randomUUID } from "node:crypto";
import { recordActivity } from "@/lib/activity/record";
import {
  countImportedRecords,
  createImportedWorkspace,
  type ImportStep,
  importCast,
  importCodingRounds,
  importComments,
  importDismissedSuggestions,
  importDocuments,
  importEvents,
  importEvidence,
  importIssueLinks,
  importNegotiationProposals,
  importStanceProposals,
  importStatements,
  newImportIds,
} from "@/lib/exports/import-records";
import { WorkspaceSlugSchema } from "@/lib/exports/schema";
import { type ExportActor, type WorkspaceExport, WorkspaceExportSchema } from "@/lib/exports/workspace-file";
import { findExportProblems } from "@/lib/exports/workspace-integrity";
import { Prisma } from "@/lib/generated/prisma/client";
import { type Database, db } from "@/lib/platform/db/client";
import { type Failure, type FailureWith, failOn } from "@/lib/platform/errors";
import type { Transaction } from "@/lib/platform/jobs/queue";

export type ImportedWorkspace = {
  ok: true;
  workspace: { id: string; slug: string; title: string };
  counts: Record<string, number>;
};

export type ImportResult = ImportedWorkspace | ImportRefusal;

/** A refusal of the address or of the file: `fields` names which, an invalid file lists its problems. */
export type ImportRefusal =
  | Failure<"invalid_slug" | "slug_taken">
  | FailureWith<"invalid_file", { problems: string[] }>;

export function invalidFile(
  message: string,
  problems: string[] = [],
): FailureWith<"invalid_file", { problems: string[] }> {
  return { ...failOn("file", "invalid_file", message), details: { problems } };
}

export function slugTaken(slug: string): Failure<"slug_taken"> {
  return failOn("slug", "slug_taken", `The address “${slug}” is already taken; choose another.`);
}

// Reading a 5 MB file takes the event loop for a while at each step; letting it serve other
// requests between the steps keeps an import from stalling everyone's pages for the whole read.
const yieldToOtherRequests = () => new Promise<void>((resolve) => setImmediate(resolve));

async function parseFile(
  json: unknown,
): Promise<{ ok: true; file: WorkspaceExport } | { ok: false; refusal: ImportResult }> {
  let value = json;
  if (typeof json === "string") {
    try {
      value = JSON.parse(json);
    } catch {
      return {
        ok: false,
        refusal: invalidFile("The file is not JSON. Choose a file exported from Parley as “Whole workspace”."),
      };
    }
  }
  await yieldToOtherRequests();
  const parsed = WorkspaceExportSchema.safeParse(value);
  if (!parsed.success) {
    const problems = parsed.error.issues
      .slice(0, 20)
      .map((issue) => `${issue.path.join(".") || "file"}: ${issue.message}`);
    return {
      ok: false,
      refusal: invalidFile("The file is not a Parley workspace export this version can read.", problems),
    };
  }
  await yieldToOtherRequests();
  const problems = findExportProblems(parsed.data);
  if (problems.length > 0)
    return {
      ok: false,
      refusal: invalidFile("The file is damaged: some of its records do not fit together.", problems),
    };
  return { ok: true, file: parsed.data };
}

export type ImportRun = {
  /** The connection pool to write with: a job's own, or by default the app's. */
  database?: Database;
  progress?: (percent: number, stage: string) => void;
  /** Runs last inside the import's transaction (a job records its outcome there). */
  beforeCommit?: (tx: Transaction, result: ImportedWorkspace) => Promise<void>;
};

/**
 * Recreates an exported workspace under a new slug, owned by `ownerUserId`, in one transaction:
 * the same content with new ids, every quote's anchor checked against its revision first (and
 * again by the database's trigger). Authorship stays only where it was the importing user's own:
 * crediting other accounts of this instance with statements or comments they never made here
 * would let a file put words in anyone's mouth. Comments by others are kept, in the importer's
 * name, opening with the original author's name.
 */
export async function importWorkspaceExport(
  json: unknown,
  options: { slug: string; ownerUserId: string },
  run: ImportRun = {},
): Promise<ImportResult> {
  const database = run.database ?? db();
  const progress = run.progress ?? (() => {});
  const slugCheck = WorkspaceSlugSchema.safeParse(options.slug);
  if (!slugCheck.success)
    return failOn("slug", "invalid_slug", slugCheck.error.issues[0]?.message ?? "Not a valid address.");
  const slug = slugCheck.data;
  progress(5, "Reading the file");
  const parsed = await parseFile(json);
  if (!parsed.ok) return parsed.refusal;
  const file = parsed.file;
  progress(15, "Writing the workspace");

  const owner = await database.user.findUniqueOrThrow({
    where: { id: options.ownerUserId },
    select: { id: true, email: true },
  });
  if (await database.workspace.findUnique({ where: { slug }, select: { id: true } })) return slugTaken(slug);

  const workspaceId = randomUUID();
  const counts = countImportedRecords(file);
  const imported: ImportedWorkspace = {
    ok: true,
    workspace: { id: workspaceId, slug, title: file.workspace.title },
    counts,
  };
  const by = (actor: ExportActor) => (actor && actor.email.toLowerCase() === owner.email ? owner.id : null);
  const ids = newImportIds(file);
  try {
    await database.$transaction(
      async (tx) => {
        const step: ImportStep = { tx, file, workspaceId, ownerId: owner.id, ids, by };
        await createImportedWorkspace(step, slug);
        await importCast(step);
        await importDocuments(step);
        progress(25, "Checking the quotes against their documents");
        await importEvidence(step);
        progress(80, "Writing statements and comments");
        await importStatements(step);
        await importDismissedSuggestions(step);
        await importStanceProposals(step);
        await importComments(step);
        await importEvents(step);
        await importNegotiationProposals(step);
        await importIssueLinks(step);
        await importCodingRounds(step);
        await recordActivity(tx, {
          workspaceId,
          actorId: owner.id,
          action: "workspace.imported",
          subjectType: "workspace",
          subjectId: workspaceId,
          after: { slug, source: "export", exportedFrom: file.workspace.slug, exportedAt: file.exportedAt, counts },
        });
        progress(95, "Saving");
        await run.beforeCommit?.(tx, imported);
      },
      { timeout: 120_000, maxWait: 10_000 },
    );
  } catch (error) {
    // Someone took the slug between the check and the commit.
    if (
      error instanceof Prisma.PrismaClientKnownRequestError &&
      error.code === "P2002" &&
      (await database.workspace.findUnique({ where: { slug }, select: { id: true } }))
    ) {
      return slugTaken(slug);
    }
    throw error;
  }
  return imported;
}
