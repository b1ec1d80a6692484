import { z } from "zod";
import { EARLIEST_DATE, isRealDay, latestCalendarDate } from "@/lib/matrix/calendar";

// The zod schemas for calendar dates; the plain helpers live in calendar.ts (no zod, so the
// browser can import them) and are re-exported here for the server's callers.
export {
  EARLIEST_DATE,
  formatCalendarDate,
  fromCalendarDate,
  latestCalendarDate,
  nearestCalendarDate,
  toCalendarDate,
  todayCalendarDate,
} from "@/lib/matrix/calendar";

const DATE_FORMAT = "Use a date written as YYYY-MM-DD, for example 2022-01-27.";

/** Every date a client sends: a real calendar day from EARLIEST_DATE to a few years past today. */
export const CalendarDateSchema = z
  .string({ error: DATE_FORMAT })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: DATE_FORMAT, abort: true })
  .refine(isRealDay, { message: DATE_FORMAT, abort: true })
  .refine((value) => value >= EARLIEST_DATE, `Dates before ${EARLIEST_DATE.slice(0, 4)} are not accepted.`)
  .refine((value) => value <= latestCalendarDate(), "That date lies years ahead; use one from this decade.");

/** "2022", "2022-02" or "2022-02-14": a published date at the precision the source gives. */
export const PartialDateSchema = z
  .string()
  .regex(/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/, "Use YYYY, YYYY-MM or YYYY-MM-DD.")
  .refine(
    (value) => CalendarDateSchema.safeParse(`${value}-01-01`.slice(0, 10)).success,
    "That day does not exist, or lies before 1900 or years ahead.",
  );
