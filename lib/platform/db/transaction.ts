import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Database } from "@/lib/platform/db/client";

/** An expected outcome that must undo the transaction's writes. */
type Refusal = { ok: false };

/** Carries a refusal out of `$transaction`, whose only way to roll back is an exception. */
class Rollback<T> extends Error {
  constructor(readonly result: T) {
    super("rolled back: expected refusal");
  }
}

/**
 * Runs `work` in one transaction. An `{ ok: false }` result rolls the transaction back and is
 * returned as it is; the exception that does the rolling back never leaves this function.
 */
export async function transactionUnlessRefused<T extends { ok: true } | Refusal>(
  client: Database,
  work: (tx: Prisma.TransactionClient) => Promise<T>,
  options?: { timeout?: number; maxWait?: number },
): Promise<T> {
  try {
    return await client.$transaction(async (tx) => {
      const result = await work(tx);
      if (!result.ok) throw new Rollback(result);
      return result;
    }, options);
  } catch (error) {
    if (error instanceof Rollback) return error.result as T;
    throw error;
  }
}
