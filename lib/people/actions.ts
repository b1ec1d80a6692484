"use server";

import { revalidatePath } from "next/cache";
import { mergePeople, updatePerson } from "@/lib/people/mutations";
import { MergePeopleSchema, UpdatePersonSchema } from "@/lib/people/schema";
import { workspaceAction } from "@/lib/safe-action";

export const updatePersonAction = workspaceAction
  .metadata({ name: "updatePerson", permission: "evidence:write" })
  .inputSchema(UpdatePersonSchema)
  .action(async ({ parsedInput: { workspaceSlug, ...input }, ctx }) => {
    const result = await updatePerson(ctx.workspace, input);
    if (result.ok) revalidatePath(`/w/${workspaceSlug}`, "layout");
    return result;
  });

export const mergePeopleAction = workspaceAction
  .metadata({ name: "mergePeople", permission: "evidence:write" })
  .inputSchema(MergePeopleSchema)
  .action(async ({ parsedInput, ctx }) => {
    const result = await mergePeople(ctx.workspace, parsedInput.keepId, parsedInput.mergeId);
    if (result.ok) revalidatePath(`/w/${parsedInput.workspaceSlug}`, "layout");
    return result;
  });
