import { z } from "zod";

// Calendar dates travel as "YYYY-MM-DD" strings and are stored as SQL DATE; JavaScript Date
// objects only appear at the database boundary, always at UTC midnight.

export const EARLIEST_DATE = "1900-01-01";

export const CalendarDateSchema = z.iso.date({ error: "Use a date written as YYYY-MM-DD, for example 2022-01-27." });

export function toCalendarDate(value: Date): string {
  return value.toISOString().slice(0, 10);
}

export function fromCalendarDate(value: string): Date {
  return new Date(`${value}T00:00:00.000Z`);
}

export function todayCalendarDate(now = new Date()): string {
  return toCalendarDate(now);
}

/** "2022", "2022-02" or "2022-02-14": a published date at the precision the source gives. */
export const PartialDateSchema = z
  .string()
  .regex(/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/, "Use YYYY, YYYY-MM or YYYY-MM-DD.")
  .refine((value) => value.length < 10 || CalendarDateSchema.safeParse(value).success, "That day does not exist.");

export function formatCalendarDate(value: string): string {
  const [year, month, day] = value.split("-").map(Number);
  const months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
  if (!month) return String(year);
  if (!day) return `${months[month - 1]} ${year}`;
  return `${day} ${months[month - 1]} ${year}`;
}
