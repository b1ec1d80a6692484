"use server";

import { revalidatePath } from "next/cache";
import { orRefuse, workspaceAction } from "@/lib/safe-action";
import {
  addIssue,
  addParty,
  archiveIssue,
  archiveParty,
  renameIssue,
  renameParty,
  renamePositionLabels,
  reorderIssues,
  reorderParties,
  unarchiveIssue,
  unarchiveParty,
} from "@/lib/structure/mutations";
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

// Rows, columns and labels show on every page of the workspace (matrix, cells, settings), so a
// change revalidates the whole workspace layout.
function revalidateWorkspace(slug: string) {
  revalidatePath(`/w/${slug}`, "layout");
}

export const addIssueAction = workspaceAction
  .metadata({ name: "addIssue", permission: "structure:write" })
  .inputSchema(AddIssueSchema)
  .action(async ({ parsedInput, ctx }) => {
    const issue = orRefuse(await addIssue(ctx.workspace, parsedInput));
    revalidateWorkspace(ctx.workspace.slug);
    return { id: issue.id, title: issue.title };
  });

export const renameIssueAction = workspaceAction
  .metadata({ name: "renameIssue", permission: "structure:write" })
  .inputSchema(RenameIssueSchema)
  .action(async ({ parsedInput, ctx }) => {
    const result = orRefuse(await renameIssue(ctx.workspace, parsedInput));
    revalidateWorkspace(ctx.workspace.slug);
    return result;
  });

export const archiveIssueAction = workspaceAction
  .metadata({ name: "archiveIssue", permission: "structure:write" })
  .inputSchema(IssueIdSchema)
  .action(async ({ parsedInput, ctx }) => {
    const result = orRefuse(await archiveIssue(ctx.workspace, parsedInput.issueId));
    revalidateWorkspace(ctx.workspace.slug);
    return result;
  });

export const unarchiveIssueAction = workspaceAction
  .metadata({ name: "unarchiveIssue", permission: "structure:write" })
  .inputSchema(IssueIdSchema)
  .action(async ({ parsedInput, ctx }) => {
    const result = orRefuse(await unarchiveIssue(ctx.workspace, parsedInput.issueId));
    revalidateWorkspace(ctx.workspace.slug);
    return result;
  });

export const reorderIssuesAction = workspaceAction
  .metadata({ name: "reorderIssues", permission: "structure:write" })
  .inputSchema(ReorderIssuesSchema)
  .action(async ({ parsedInput, ctx }) => {
    const result = orRefuse(await reorderIssues(ctx.workspace, parsedInput.orderedIds));
    revalidateWorkspace(ctx.workspace.slug);
    return result;
  });

export const addPartyAction = workspaceAction
  .metadata({ name: "addParty", permission: "structure:write" })
  .inputSchema(AddPartySchema)
  .action(async ({ parsedInput, ctx }) => {
    const party = orRefuse(await addParty(ctx.workspace, parsedInput));
    revalidateWorkspace(ctx.workspace.slug);
    return { id: party.id, name: party.name };
  });

export const renamePartyAction = workspaceAction
  .metadata({ name: "renameParty", permission: "structure:write" })
  .inputSchema(RenamePartySchema)
  .action(async ({ parsedInput, ctx }) => {
    const result = orRefuse(await renameParty(ctx.workspace, parsedInput));
    revalidateWorkspace(ctx.workspace.slug);
    return result;
  });

export const archivePartyAction = workspaceAction
  .metadata({ name: "archiveParty", permission: "structure:write" })
  .inputSchema(PartyIdSchema)
  .action(async ({ parsedInput, ctx }) => {
    const result = orRefuse(await archiveParty(ctx.workspace, parsedInput.partyId));
    revalidateWorkspace(ctx.workspace.slug);
    return result;
  });

export const unarchivePartyAction = workspaceAction
  .metadata({ name: "unarchiveParty", permission: "structure:write" })
  .inputSchema(PartyIdSchema)
  .action(async ({ parsedInput, ctx }) => {
    const result = orRefuse(await unarchiveParty(ctx.workspace, parsedInput.partyId));
    revalidateWorkspace(ctx.workspace.slug);
    return result;
  });

export const reorderPartiesAction = workspaceAction
  .metadata({ name: "reorderParties", permission: "structure:write" })
  .inputSchema(ReorderPartiesSchema)
  .action(async ({ parsedInput, ctx }) => {
    const result = orRefuse(await reorderParties(ctx.workspace, parsedInput.orderedIds));
    revalidateWorkspace(ctx.workspace.slug);
    return result;
  });

export const renamePositionLabelsAction = workspaceAction
  .metadata({ name: "renamePositionLabels", permission: "structure:write" })
  .inputSchema(RenamePositionLabelsSchema)
  .action(async ({ parsedInput, ctx }) => {
    const result = await renamePositionLabels(ctx.workspace, parsedInput.labels);
    revalidateWorkspace(ctx.workspace.slug);
    return result;
  });
