import "server-only";
import { cookies } from "next/headers";
import { parseQuoteOrder, QUOTE_ORDER_COOKIE, type QuoteOrder } from "@/lib/evidence/pairs";

/** The reader's choice of which side of a quote pair comes first (a cookie, so it holds on every page). */
export async function readQuoteOrder(): Promise<QuoteOrder> {
  return parseQuoteOrder((await cookies()).get(QUOTE_ORDER_COOKIE)?.value);
}
