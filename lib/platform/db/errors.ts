import { Prisma } from "@/lib/generated/prisma/client";

// SQLSTATE class 22, "data exception": PostgreSQL refused a value itself (a NUL byte, a number
// out of range, a date it cannot hold). The input schemas are meant to refuse all of these first;
// this recognises one that slipped through, so it is answered as bad input and not as our fault.
const DATA_EXCEPTION_CODES = ["P2000", "P2007", "P2020", "P2033"];

export function isDataException(error: unknown): boolean {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError)) return false;
  if (DATA_EXCEPTION_CODES.includes(error.code)) return true;
  const meta = error.meta as
    | { code?: unknown; driverAdapterError?: { cause?: { originalCode?: unknown } } }
    | undefined;
  const sqlState = meta?.driverAdapterError?.cause?.originalCode ?? meta?.code;
  return typeof sqlState === "string" && sqlState.startsWith("22");
}
