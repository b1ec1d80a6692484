"use server";

import { revalidatePath } from "next/cache";
import { orRefuse, workspaceAction } from "@/lib/safe-action";
import { createShareLink, revokeShareLink } from "@/lib/share/mutations";
import { CreateShareLinkSchema, RevokeShareLinkSchema } from "@/lib/share/schema";

export const createShareLinkAction = workspaceAction
  .metadata({ name: "createShareLink", permission: "members:manage" })
  .inputSchema(CreateShareLinkSchema)
  .action(async ({ parsedInput: { workspaceSlug, ...input }, ctx }) => {
    const link = await createShareLink(ctx.workspace, input);
    revalidatePath(`/w/${workspaceSlug}/members`);
    return link;
  });

export const revokeShareLinkAction = workspaceAction
  .metadata({ name: "revokeShareLink", permission: "members:manage" })
  .inputSchema(RevokeShareLinkSchema)
  .action(async ({ parsedInput, ctx }) => {
    orRefuse(await revokeShareLink(ctx.workspace, parsedInput.shareLinkId));
    revalidatePath(`/w/${parsedInput.workspaceSlug}/members`);
    return { revoked: true };
  });
