"use server";

import { revalidatePath } from "next/cache";
import { correctStatement, type EditResult, recordStatement, retractStatement } from "@/lib/matrix/mutations";
import { CorrectStatementSchema, RecordStatementSchema, RetractStatementSchema } from "@/lib/matrix/schema";
import { requireDirectEditing } from "@/lib/review/mutations";
import { workspaceAction } from "@/lib/safe-action";

// Conflicts and missing targets are expected outcomes, returned as data ({ ok: false, … }) for the
// editor to show; only access failures and the unexpected become serverError.

function revalidateWorkspace(slug: string, result: EditResult) {
  if (result.ok) revalidatePath(`/w/${slug}`, "layout");
  return result;
}

export const recordStatementAction = workspaceAction
  .metadata({ name: "recordStatement", permission: "stance:write" })
  .inputSchema(RecordStatementSchema)
  .action(async ({ parsedInput, ctx }) => {
    await requireDirectEditing(ctx.workspace);
    return revalidateWorkspace(ctx.workspace.slug, await recordStatement(ctx.workspace, parsedInput));
  });

export const correctStatementAction = workspaceAction
  .metadata({ name: "correctStatement", permission: "stance:write" })
  .inputSchema(CorrectStatementSchema)
  .action(async ({ parsedInput, ctx }) => {
    await requireDirectEditing(ctx.workspace);
    return revalidateWorkspace(ctx.workspace.slug, await correctStatement(ctx.workspace, parsedInput));
  });

export const retractStatementAction = workspaceAction
  .metadata({ name: "retractStatement", permission: "stance:write" })
  .inputSchema(RetractStatementSchema)
  .action(async ({ parsedInput, ctx }) => {
    await requireDirectEditing(ctx.workspace);
    return revalidateWorkspace(ctx.workspace.slug, await retractStatement(ctx.workspace, parsedInput));
  });
