"use client";

import { useDates } from "@/components/ui/date-locale";

/** A calendar date (YYYY-MM-DD, YYYY-MM or YYYY) written out in the reader's locale. */
export function CalendarDate({ value }: { value: string }) {
  return useDates().calendar(value);
}
