import "server-only";
import Negotiator from "negotiator";
import { headers } from "next/headers";
import { cache } from "react";
import { type DateFormats, dateFormats, pickDateLocale } from "@/lib/platform/format/dates";

/** The locale the request's browser prefers for dates (Accept-Language), once per request. */
export const readerLocale = cache(async (): Promise<string> => {
  const acceptLanguage = (await headers()).get("accept-language") ?? "";
  return pickDateLocale(new Negotiator({ headers: { "accept-language": acceptLanguage } }).languages());
});

/** Date formats in the reader's locale, for server components. */
export async function readerDates(): Promise<DateFormats> {
  return dateFormats(await readerLocale());
}
