"use client";

import type { ReactNode } from "react";
import { StreamProvider } from "@/components/trade/stream-provider";

/**
 * The logged-in trader's stream connection for the whole tab: the header's bell listens on it,
 * and pages that ask for the same connection share it. A visitor gets none here.
 */
export function TraderStream({
  url,
  signedIn,
  children,
}: {
  url: string;
  signedIn: boolean;
  children: ReactNode;
}) {
  if (!signedIn) return children;
  return (
    <StreamProvider url={url} authenticated>
      {children}
    </StreamProvider>
  );
}
