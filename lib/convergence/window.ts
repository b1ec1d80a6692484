import type { ConvergenceQuery } from "@/lib/convergence/schema";
import { fromCalendarDate, toCalendarDate } from "@/lib/matrix/dates";

const DIGEST_DAYS = 28;

/**
 * The dates the convergence page reads as of, and the digest's window: unless asked, both read as
 * of the last change up to today, and the digest covers the four weeks before.
 */
export function convergenceDates(
  changeDates: readonly string[],
  query: ConvergenceQuery,
  today: string,
): { asOf: string; from: string; to: string } {
  const lastChange = changeDates.at(-1);
  const latest = lastChange && lastChange < today ? lastChange : today;
  const asOf = query.asOf ?? latest;
  const to = query.to ?? (asOf < latest ? asOf : latest);
  const from = query.from ?? toCalendarDate(new Date(fromCalendarDate(to).getTime() - DIGEST_DAYS * 86_400_000));
  return { asOf, from, to };
}
