"use server";

import { queueWorkspaceImport } from "@/lib/exports/import-job";
import { ImportWorkspaceSchema } from "@/lib/exports/schema";
import { userAction } from "@/lib/safe-action";
import { authorizeWorkspaceCreation } from "@/lib/workspaces/access";

// An import makes a new workspace, so it belongs to no workspace's permissions: any signed-in
// user may do it and becomes the new workspace's owner. The import itself runs as a job; the
// form follows it through GET /api/imports.
export const importWorkspaceAction = userAction
  .metadata({ name: "importWorkspace" })
  .inputSchema(ImportWorkspaceSchema)
  .action(async ({ parsedInput }) => {
    const userId = await authorizeWorkspaceCreation();
    return queueWorkspaceImport(parsedInput.file, { slug: parsedInput.slug, ownerUserId: userId });
  });
