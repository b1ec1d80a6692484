import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { AuthorizedWorkspace } from "@/lib/workspaces/access";

type Transaction = Prisma.TransactionClient;

export type ActivityInput = {
  workspaceId: string;
  actorId: string | null;
  action: string;
  subjectType: string;
  subjectId: string;
  before?: Prisma.InputJsonValue;
  after?: Prisma.InputJsonValue;
};

/** Always called inside the transaction of the change it describes, so neither exists alone. */
export function recordActivity(tx: Transaction, event: ActivityInput) {
  return tx.activityEvent.create({ data: event, select: { id: true } });
}

/** recordActivity for a change made in a workspace by its signed-in member (by the system when there is none). */
export function recordWorkspaceActivity(
  tx: Transaction,
  workspace: AuthorizedWorkspace,
  event: Omit<ActivityInput, "workspaceId" | "actorId">,
) {
  return recordActivity(tx, { workspaceId: workspace.id, actorId: workspace.userId || null, ...event });
}
