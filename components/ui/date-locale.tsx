"use client";

import { createContext, type ReactNode, useContext, useMemo } from "react";
import { DATE_LOCALE, type DateFormats, dateFormats } from "@/lib/platform/format/dates";

// The reader's locale as the server chose it from the request, so that a client component
// renders the same date on the server and after hydration.
const DateLocaleContext = createContext(DATE_LOCALE);

export function DateLocaleProvider({ locale, children }: { locale: string; children: ReactNode }) {
  return <DateLocaleContext.Provider value={locale}>{children}</DateLocaleContext.Provider>;
}

/** Date formats in the reader's locale, for client components. */
export function useDates(): DateFormats {
  const locale = useContext(DateLocaleContext);
  return useMemo(() => dateFormats(locale), [locale]);
}
