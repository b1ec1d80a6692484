"use client";

import { useSyncExternalStore } from "react";
import { useDates } from "@/components/ui/date-locale";

// An instant (a comment posted, a statement recorded) in the reader's date format and their
// own time zone, and "5 minutes ago" while it is recent. The server does not know the time zone,
// so it renders the same instant in UTC and the browser replaces it once hydrated.

const RECENT_MS = 7 * 24 * 60 * 60 * 1000;
const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ["day", 24 * 60 * 60 * 1000],
  ["hour", 60 * 60 * 1000],
  ["minute", 60 * 1000],
];

function relative(at: Date, now: number, locale: string): string | null {
  const elapsed = now - at.getTime();
  if (elapsed < 0 || elapsed > RECENT_MS) return null;
  const format = new Intl.RelativeTimeFormat(locale, { numeric: "auto" });
  for (const [unit, size] of UNITS) if (elapsed >= size) return format.format(-Math.floor(elapsed / size), unit);
  return format.format(0, "minute");
}

const subscribe = (onChange: () => void) => {
  const timer = setInterval(onChange, 60_000);
  return () => clearInterval(timer);
};
const minute = () => Math.floor(Date.now() / 60_000) * 60_000;
const onServer = () => null;

export function LocalTime({ iso, recentAsRelative = false }: { iso: string; recentAsRelative?: boolean }) {
  const now = useSyncExternalStore(subscribe, minute, onServer);
  const dates = useDates();
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return <time>{iso}</time>;
  if (now === null) return <time dateTime={iso}>{dates.instant(at, "UTC")} UTC</time>;
  const full = dates.instant(at);
  return (
    <time dateTime={iso} title={full}>
      {(recentAsRelative && relative(at, now, dates.locale)) || full}
    </time>
  );
}
