import "@fontsource-variable/inter";
import "./globals.css";
import type { Metadata, Viewport } from "next";
import { connection } from "next/server";
import type { ReactNode } from "react";
import { ApiProvider } from "@/trpc/react";

export const metadata: Metadata = {
  title: { default: "Admin console", template: "%s · Exchange admin" },
  robots: { index: false, follow: false },
};

export const viewport: Viewport = { themeColor: "#0b0e11", colorScheme: "dark" };

/**
 * Rendered per request, never prerendered: Next gives its scripts the request's CSP nonce
 * (proxy.ts) only while rendering, and a prerendered page's scripts would be blocked.
 */
export default async function RootLayout({ children }: { children: ReactNode }) {
  await connection();
  return (
    <html lang="en">
      <body className="min-h-dvh bg-canvas font-sans text-sm text-ink">
        <ApiProvider>{children}</ApiProvider>
      </body>
    </html>
  );
}
