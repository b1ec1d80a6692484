import type { Metadata } from "next";
import type { ReactNode } from "react";
import { Providers } from "@/app/providers";
import { readerLocale } from "@/lib/platform/format/reader-locale";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Parley", template: "%s · Parley" },
  description: "Track what every party to a negotiation has said, when, and the quotes that prove it.",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const dateLocale = await readerLocale();
  return (
    <html lang="en">
      <body className="min-h-screen">
        <Providers dateLocale={dateLocale}>{children}</Providers>
      </body>
    </html>
  );
}
