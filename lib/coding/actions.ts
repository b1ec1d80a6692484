"use server";

import { revalidatePath } from "next/cache";
import { closeCodingRound, recordCode, startCodingRound } from "@/lib/coding/mutations";
import { CloseCodingRoundSchema, RecordCodeSchema, StartCodingRoundSchema } from "@/lib/coding/schema";
import type { Failure, Success } from "@/lib/platform/errors";
import { orRefuse, workspaceAction } from "@/lib/safe-action";

// Refusals (not a coder, round closed, too few quotes) come back as the action's serverError.

function revalidateRounds<T extends object>(slug: string, result: Success<T> | Failure): Omit<T, "ok"> {
  const done = orRefuse(result);
  revalidatePath(`/w/${slug}/review`, "layout");
  return done;
}

export const startCodingRoundAction = workspaceAction
  .metadata({ name: "startCodingRound", permission: "coding:manage" })
  .inputSchema(StartCodingRoundSchema)
  .action(async ({ parsedInput, ctx }) =>
    revalidateRounds(ctx.workspace.slug, await startCodingRound(ctx.workspace, parsedInput)),
  );

export const recordCodeAction = workspaceAction
  .metadata({ name: "recordCode", permission: "coding:code" })
  .inputSchema(RecordCodeSchema)
  .action(async ({ parsedInput, ctx }) =>
    revalidateRounds(ctx.workspace.slug, await recordCode(ctx.workspace, parsedInput)),
  );

export const closeCodingRoundAction = workspaceAction
  .metadata({ name: "closeCodingRound", permission: "coding:manage" })
  .inputSchema(CloseCodingRoundSchema)
  .action(async ({ parsedInput, ctx }) =>
    revalidateRounds(ctx.workspace.slug, await closeCodingRound(ctx.workspace, parsedInput.roundId)),
  );
