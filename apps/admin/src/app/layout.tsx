import "@fontsource-variable/inter";
import "./globals.css";
import { TimeZoneSync } from "@exchange/ui/i18n";
import type { Metadata, Viewport } from "next";
import { connection } from "next/server";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { ApiProvider } from "@/trpc/react";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("common.metadata");
  return {
    title: { default: t("title"), template: `%s · ${t("title")}` },
    robots: { index: false, follow: false },
  };
}

export const viewport: Viewport = { themeColor: "#0b0e11", colorScheme: "dark" };

/**
 * Rendered per request, never prerendered: Next gives its scripts the request's CSP nonce
 * (proxy.ts) only while rendering, and a prerendered page's scripts would be blocked.
 */
export default async function RootLayout({ children }: { children: ReactNode }) {
  await connection();
  const locale = await getLocale();
  return (
    <html lang={locale}>
      <body className="min-h-dvh bg-canvas font-sans text-sm text-ink">
        <NextIntlClientProvider>
          <TimeZoneSync />
          <ApiProvider>{children}</ApiProvider>
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
