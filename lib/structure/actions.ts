"use server";

import { revalidatePath } from "next/cache";
import type { z } from "zod";
import type { Result } from "@/lib/platform/errors";
import { orRefuse, workspaceAction } from "@/lib/safe-action";
import * as structure from "@/lib/structure/mutations";
import {
  AddIssueSchema,
  AddPartySchema,
  IssueIdSchema,
  PartyIdSchema,
  RenameIssueSchema,
  RenamePartySchema,
  RenamePositionLabelsSchema,
  ReorderIssuesSchema,
  ReorderPartiesSchema,
} from "@/lib/structure/schema";
import type { AuthorizedWorkspace } from "@/lib/workspaces/access";

/**
 * Every structure change is the same action: "structure:write", the change, and a revalidation
 * of the whole workspace layout, since rows, columns and labels show on every page of it.
 */
function structureAction<Schema extends z.ZodType<{ workspaceSlug: string }>, Value extends object>(
  name: string,
  schema: Schema,
  change: (workspace: AuthorizedWorkspace, input: z.output<Schema>) => Promise<Result<Value>>,
) {
  return workspaceAction
    .metadata({ name, permission: "structure:write" })
    .inputSchema(schema)
    .action(async ({ parsedInput, ctx }) => {
      // The client infers the parsed input of a generic schema only loosely; it is the schema's output.
      const value = orRefuse(await change(ctx.workspace, parsedInput as z.output<Schema>));
      revalidatePath(`/w/${ctx.workspace.slug}`, "layout");
      return value;
    });
}

export const addIssueAction = structureAction("addIssue", AddIssueSchema, async (workspace, input) => {
  const added = await structure.addIssue(workspace, input);
  return added.ok ? { ok: true, id: added.id, title: added.title } : added;
});
export const renameIssueAction = structureAction("renameIssue", RenameIssueSchema, structure.renameIssue);
export const archiveIssueAction = structureAction("archiveIssue", IssueIdSchema, (workspace, input) =>
  structure.archiveIssue(workspace, input.issueId),
);
export const unarchiveIssueAction = structureAction("unarchiveIssue", IssueIdSchema, (workspace, input) =>
  structure.unarchiveIssue(workspace, input.issueId),
);
export const reorderIssuesAction = structureAction("reorderIssues", ReorderIssuesSchema, (workspace, input) =>
  structure.reorderIssues(workspace, input.orderedIds),
);

export const addPartyAction = structureAction("addParty", AddPartySchema, async (workspace, input) => {
  const added = await structure.addParty(workspace, input);
  return added.ok ? { ok: true, id: added.id, name: added.name } : added;
});
export const renamePartyAction = structureAction("renameParty", RenamePartySchema, structure.renameParty);
export const archivePartyAction = structureAction("archiveParty", PartyIdSchema, (workspace, input) =>
  structure.archiveParty(workspace, input.partyId),
);
export const unarchivePartyAction = structureAction("unarchiveParty", PartyIdSchema, (workspace, input) =>
  structure.unarchiveParty(workspace, input.partyId),
);
export const reorderPartiesAction = structureAction("reorderParties", ReorderPartiesSchema, (workspace, input) =>
  structure.reorderParties(workspace, input.orderedIds),
);

export const renamePositionLabelsAction = structureAction(
  "renamePositionLabels",
  RenamePositionLabelsSchema,
  async (workspace, input) => ({ ok: true, ...(await structure.renamePositionLabels(workspace, input.labels)) }),
);
