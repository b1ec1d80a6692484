"use server";

import { revalidatePath } from "next/cache";
import { createIssueLink, deleteIssueLink } from "@/lib/issue-links/mutations";
import { CreateIssueLinkSchema, IssueLinkIdSchema } from "@/lib/issue-links/schema";
import { orRefuse, workspaceAction } from "@/lib/safe-action";

// Links show on the matrix and the settings page: a change revalidates the whole workspace.
const revalidateWorkspace = (slug: string) => revalidatePath(`/w/${slug}`, "layout");

export const createIssueLinkAction = workspaceAction
  .metadata({ name: "createIssueLink", permission: "structure:write" })
  .inputSchema(CreateIssueLinkSchema)
  .action(async ({ parsedInput: { workspaceSlug: _slug, ...input }, ctx }) => {
    const done = orRefuse(await createIssueLink(ctx.workspace, input));
    revalidateWorkspace(ctx.workspace.slug);
    return done;
  });

export const deleteIssueLinkAction = workspaceAction
  .metadata({ name: "deleteIssueLink", permission: "structure:write" })
  .inputSchema(IssueLinkIdSchema)
  .action(async ({ parsedInput, ctx }) => {
    const done = orRefuse(await deleteIssueLink(ctx.workspace, parsedInput.issueLinkId));
    revalidateWorkspace(ctx.workspace.slug);
    return done;
  });
