"use server";

import { revalidatePath } from "next/cache";
import { userAction } from "@/lib/safe-action";
import { ImportWorkspaceSchema } from "@/lib/exports/schema";
import { importWorkspaceExport } from "@/lib/exports/mutations";

// An import makes a new workspace, so it belongs to no workspace's permissions: any signed-in
// user may do it and becomes the new workspace's owner.
export const importWorkspaceAction = userAction
  .metadata({ name: "importWorkspace" })
  .inputSchema(ImportWorkspaceSchema)
  .action(async ({ parsedInput, ctx }) => {
    const result = await importWorkspaceExport(parsedInput.file, { slug: parsedInput.slug, ownerUserId: ctx.userId });
    if (result.ok) revalidatePath("/");
    return result;
  });
