import "@fontsource-variable/inter";
import "./globals.css";
import { ToastProvider } from "@exchange/ui";
import { TimeZoneSync } from "@exchange/ui/i18n";
import type { Metadata, Viewport } from "next";
import { connection } from "next/server";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { currentTrader } from "@/auth";
import { AnnouncementBanner } from "@/components/notifications/announcements";
import { TraderStream } from "@/components/notifications/trader-stream";
import { SiteHeader, SkipLink } from "@/components/site-header";
import { StatusBar } from "@/components/status-bar";
import { webEnv } from "@/env";
import { ApiProvider } from "@/trpc/react";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("landing.meta");
  return {
    title: { default: t("title"), template: t("titleTemplate") },
    description: t("description"),
  };
}

export const viewport: Viewport = { themeColor: "#0b0e11", colorScheme: "dark" };

/**
 * Rendered per request, never prerendered: Next gives its scripts the request's CSP nonce
 * (proxy.ts) only while rendering, and a prerendered page's scripts would be blocked.
 */
export default async function RootLayout({ children }: { children: ReactNode }) {
  await connection();
  const [locale, trader] = await Promise.all([getLocale(), currentTrader()]);
  return (
    <html lang={locale}>
      <body className="flex min-h-dvh flex-col bg-canvas font-sans text-sm text-ink">
        <NextIntlClientProvider>
          <TimeZoneSync />
          <ApiProvider>
            <TraderStream url={webEnv().STREAM_PUBLIC_URL} signedIn={trader !== null}>
              <ToastProvider>
                <SkipLink />
                <SiteHeader />
                <AnnouncementBanner />
                <main id="main" tabIndex={-1} className="flex flex-1 flex-col outline-none">
                  {children}
                </main>
                <StatusBar />
              </ToastProvider>
            </TraderStream>
          </ApiProvider>
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
