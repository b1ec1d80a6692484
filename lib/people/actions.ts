"use server";

import { revalidatePath } from "next/cache";
import { mergePeople, updatePerson } from "@/lib/people/mutations";
import { MergePeopleSchema, UpdatePersonSchema } from "@/lib/people/schema";
import { orRefuse, workspaceAction } from "@/lib/safe-action";

export const updatePersonAction = workspaceAction
  .metadata({ name: "updatePerson", permission: "evidence:write" })
  .inputSchema(UpdatePersonSchema)
  .action(async ({ parsedInput: { workspaceSlug, ...input }, ctx }) => {
    const done = orRefuse(await updatePerson(ctx.workspace, input));
    revalidatePath(`/w/${workspaceSlug}`, "layout");
    return done;
  });

export const mergePeopleAction = workspaceAction
  .metadata({ name: "mergePeople", permission: "evidence:write" })
  .inputSchema(MergePeopleSchema)
  .action(async ({ parsedInput, ctx }) => {
    const done = orRefuse(await mergePeople(ctx.workspace, parsedInput.keepId, parsedInput.mergeId));
    revalidatePath(`/w/${parsedInput.workspaceSlug}`, "layout");
    return done;
  });
