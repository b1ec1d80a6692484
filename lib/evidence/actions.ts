"use server";

import { revalidatePath } from "next/cache";
import { workspaceAction } from "@/lib/safe-action";
import { CreateEvidenceSchema } from "@/lib/evidence/schema";
import { createEvidence } from "@/lib/evidence/mutations";

export const createEvidenceAction = workspaceAction
  .metadata({ name: "createEvidence", permission: "evidence:write" })
  .inputSchema(CreateEvidenceSchema)
  .action(async ({ parsedInput: { workspaceSlug, ...input }, ctx }) => {
    const result = await createEvidence(ctx.workspace, input);
    if (result.ok) revalidatePath(`/w/${workspaceSlug}`, "layout");
    return result;
  });
