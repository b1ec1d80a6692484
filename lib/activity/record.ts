import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";

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
