"use server";

import { revalidatePath } from "next/cache";
import { orRefuse, userAction, workspaceAction } from "@/lib/safe-action";
import { authorizeWorkspace, authorizeWorkspaceCreation } from "@/lib/workspaces/access";
import { checkWorkspaceSlug, suggestFreeSlug } from "@/lib/workspaces/data";
import {
  archiveWorkspace,
  createWorkspace,
  deleteWorkspace,
  restoreWorkspace,
  updateWorkspace,
} from "@/lib/workspaces/mutations";
import {
  CheckWorkspaceSlugSchema,
  CreateWorkspaceSchema,
  DeleteWorkspaceSchema,
  UpdateWorkspaceSchema,
  WorkspaceLifecycleSchema,
} from "@/lib/workspaces/schema";

// A new workspace belongs to no workspace's permissions: the creator needs only to be signed in
// (and allowed by PARLEY_WORKSPACE_CREATORS); copying a structure needs membership of the source.
export const createWorkspaceAction = userAction
  .metadata({ name: "createWorkspace" })
  .inputSchema(CreateWorkspaceSchema)
  .action(async ({ parsedInput }) => {
    const userId = await authorizeWorkspaceCreation();
    const source = parsedInput.copyFrom ? await authorizeWorkspace(parsedInput.copyFrom, "workspace:read") : null;
    const created = orRefuse(await createWorkspace(parsedInput, { ownerUserId: userId, source }));
    revalidatePath("/", "layout");
    return created;
  });

/** For the form: is this address free, and what would the title suggest. */
export const checkWorkspaceSlugAction = userAction
  .metadata({ name: "checkWorkspaceSlug" })
  .inputSchema(CheckWorkspaceSlugSchema)
  .action(async ({ parsedInput }) =>
    parsedInput.title !== undefined
      ? checkWorkspaceSlug(await suggestFreeSlug(parsedInput.title))
      : checkWorkspaceSlug(parsedInput.slug ?? ""),
  );

export const updateWorkspaceAction = workspaceAction
  .metadata({ name: "updateWorkspace", permission: "workspace:settings" })
  .inputSchema(UpdateWorkspaceSchema)
  .action(async ({ parsedInput: { workspaceSlug: _, ...input }, ctx }) => {
    const result = await updateWorkspace(ctx.workspace, input);
    revalidatePath("/", "layout");
    return result;
  });

export const archiveWorkspaceAction = workspaceAction
  .metadata({ name: "archiveWorkspace", permission: "workspace:lifecycle" })
  .inputSchema(WorkspaceLifecycleSchema)
  .action(async ({ ctx }) => {
    const result = await archiveWorkspace(ctx.workspace);
    revalidatePath("/", "layout");
    return result;
  });

export const restoreWorkspaceAction = workspaceAction
  .metadata({ name: "restoreWorkspace", permission: "workspace:lifecycle" })
  .inputSchema(WorkspaceLifecycleSchema)
  .action(async ({ ctx }) => {
    const result = await restoreWorkspace(ctx.workspace);
    revalidatePath("/", "layout");
    return result;
  });

export const deleteWorkspaceAction = workspaceAction
  .metadata({ name: "deleteWorkspace", permission: "workspace:lifecycle" })
  .inputSchema(DeleteWorkspaceSchema)
  .action(async ({ parsedInput, ctx }) => {
    const deleted = orRefuse(await deleteWorkspace(ctx.workspace, parsedInput.confirmation));
    revalidatePath("/", "layout");
    return deleted;
  });
