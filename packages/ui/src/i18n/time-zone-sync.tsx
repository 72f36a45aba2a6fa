"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { TIME_ZONE_COOKIE } from "./locales";
import { readCookie, writePreferenceCookie } from "./preference-cookie";

/**
 * Tells the server the browser's time zone (a cookie), and re-renders once when it changed, so
 * server-rendered times are in the viewer's zone from the second page on and after a move.
 * Renders nothing.
 */
export function TimeZoneSync() {
  const router = useRouter();
  useEffect(() => {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (!zone || readCookie(TIME_ZONE_COOKIE) === zone) return;
    writePreferenceCookie(TIME_ZONE_COOKIE, zone);
    router.refresh();
  }, [router]);
  return null;
}
