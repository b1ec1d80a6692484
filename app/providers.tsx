"use client";

import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { type ReactNode, useState } from "react";
import { DateLocaleProvider } from "@/components/ui/date-locale";

export function Providers({ children, dateLocale }: { children: ReactNode; dateLocale: string }) {
  // Data arrives with the server render; a short staleTime keeps hydration from refetching it.
  const [client] = useState(
    () => new QueryClient({ defaultOptions: { queries: { staleTime: 30_000, refetchOnWindowFocus: false } } }),
  );
  return (
    <QueryClientProvider client={client}>
      <DateLocaleProvider locale={dateLocale}>{children}</DateLocaleProvider>
    </QueryClientProvider>
  );
}
