import "server-only";
import { recordWorkspaceActivity } from "@/lib/activity/record";
import { sha256 } from "@/lib/documents/hash";
import type { Prisma } from "@/lib/generated/prisma/client";
import { recordStatementsInTransaction } from "@/lib/matrix/mutations";
import { db } from "@/lib/platform/db/client";
import { transactionUnlessRefused } from "@/lib/platform/db/transaction";
import { type Failure, type FailureWith, fail, failWith } from "@/lib/platform/errors";
import { readImportContext } from "@/lib/stance-import/data";
import type { Sheet } from "@/lib/stance-import/parse";
import { type ImportOptions, type ImportPlan, nameKey, planDigestInput, planImport } from "@/lib/stance-import/plan";
import { insertSheetQuote } from "@/lib/stance-import/quotes";
import { insertIssue, insertParty, lockWorkspaceStructure } from "@/lib/structure/mutations";
import type { AuthorizedWorkspace } from "@/lib/workspaces/access";
import { PARTY_PALETTE, shortNameFor } from "@/lib/workspaces/templates";

type Transaction = Prisma.TransactionClient;

export type ImportUpload = { fileName: string; sheet: Sheet };

export type ImportPreview = ImportPlan & { fileName: string; digest: string };

export type ImportOutcome =
  | { ok: true; created: number; refused: number; issuesCreated: number; partiesCreated: number }
  /** A refusal after the preview carries the new preview in `details.preview`. */
  | FailureWith<"changed" | "nothing_to_import", { preview: ImportPreview }>
  | Failure<"conflict">;

// A 5,000-row import writes some 25,000 rows; the default five seconds is for one edit.
const IMPORT_TIMEOUT_MS = 120_000;

function toPreview(upload: ImportUpload, plan: ImportPlan): ImportPreview {
  return { ...plan, fileName: upload.fileName, digest: sha256(planDigestInput(plan)) };
}

/** What importing the sheet with these options would write and refuse, row by row. Writes nothing. */
export async function previewStanceImport(
  workspace: AuthorizedWorkspace,
  upload: ImportUpload,
  options: ImportOptions,
): Promise<ImportPreview> {
  return toPreview(upload, planImport(upload.sheet, options, await readImportContext(workspace)));
}

/**
 * Writes exactly the good rows of the plan, in one transaction, if the plan is still the one the
 * preview showed (`digest`): the sheet is read again and checked against the workspace as it now
 * stands, under the structure lock, so nothing the user did not see is written.
 */
export function commitStanceImport(
  workspace: AuthorizedWorkspace,
  upload: ImportUpload,
  options: ImportOptions,
  digest: string,
): Promise<ImportOutcome> {
  return transactionUnlessRefused(
    db(),
    async (tx): Promise<ImportOutcome> => {
      await lockWorkspaceStructure(tx, workspace.id);
      const preview = toPreview(upload, planImport(upload.sheet, options, await readImportContext(workspace, tx)));
      if (preview.digest !== digest)
        return failWith(
          "changed",
          "The workspace or the file changed since the preview; check the new preview and confirm again.",
          { preview },
        );
      if (preview.createCount === 0)
        return failWith("nothing_to_import", "No row of the sheet can be imported.", { preview });

      const { issueIds, partyIds } = await createNewIssuesAndParties(tx, workspace, preview);

      const good = preview.rows.filter((r) => r.problems.length === 0);
      const quotes = await insertRowQuotes(tx, workspace, upload.fileName, good);
      const recorded = await recordStatementsInTransaction(
        tx,
        workspace,
        good.map((row) => ({
          issueId: row.issueId ?? issueIds.get(nameKey(row.issue))!,
          partyId: row.partyId ?? partyIds.get(nameKey(row.party))!,
          fields: { position: row.position!, summary: row.summary, statedOn: row.statedOn! },
          links: quotes.has(row.row) ? [{ evidenceId: quotes.get(row.row)!, relation: "SUPPORTS" as const }] : [],
          provenance: {
            importedFrom: { fileName: upload.fileName, row: row.row },
            ...(row.source ? { source: row.source } : {}),
            ...(row.quote ? { quote: row.quote } : {}),
          },
        })),
      );
      if (!recorded)
        return fail(
          "conflict",
          "Someone recorded a stance in one of these cells meanwhile; nothing was imported. Try again.",
        );
      await recordWorkspaceActivity(tx, workspace, {
        action: "stances.imported",
        subjectType: "workspace",
        subjectId: workspace.id,
        after: {
          fileName: upload.fileName,
          created: good.length,
          refused: preview.refusedCount,
          issuesCreated: preview.newIssues,
          partiesCreated: preview.newParties,
        },
      });
      return {
        ok: true,
        created: good.length,
        refused: preview.refusedCount,
        issuesCreated: preview.newIssues.length,
        partiesCreated: preview.newParties.length,
      };
    },
    { timeout: IMPORT_TIMEOUT_MS, maxWait: 10_000 },
  );
}

/** The issues and parties the sheet names that the workspace lacks, by their name's key. */
async function createNewIssuesAndParties(tx: Transaction, workspace: AuthorizedWorkspace, preview: ImportPreview) {
  const issueIds = new Map<string, string>();
  for (const title of preview.newIssues)
    issueIds.set(nameKey(title), (await insertIssue(tx, workspace, { title, description: "" })).id);
  const partyIds = new Map<string, string>();
  let colour = await tx.party.count({ where: { workspaceId: workspace.id } });
  for (const name of preview.newParties) {
    const party = await insertParty(tx, workspace, {
      name,
      shortName: shortNameFor(name),
      colour: PARTY_PALETTE[colour++ % PARTY_PALETTE.length]!,
    });
    partyIds.set(nameKey(name), party.id);
  }
  return { issueIds, partyIds };
}

/** Each good row's quote as evidence of its own, by row number. */
async function insertRowQuotes(
  tx: Transaction,
  workspace: AuthorizedWorkspace,
  fileName: string,
  rows: ImportPreview["rows"],
) {
  const quotes = new Map<number, string>();
  for (const row of rows)
    if (row.quote)
      quotes.set(
        row.row,
        await insertSheetQuote(tx, workspace, {
          quote: row.quote,
          source: row.source,
          saidOn: row.statedOn!,
          label: `${fileName}, row ${row.row}`,
        }),
      );
  return quotes;
}
