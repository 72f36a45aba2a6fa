"use client";

import { useTranslations } from "next-intl";

/** A browser and system as the API names them ("Chrome", "macOS"); either may be unknown. */
export interface Device {
  browser: string | null;
  os: string | null;
}

/** "Chrome on macOS" in the viewer's language; product names stay as they are. */
export function useDeviceText(): (device: Device | null) => string {
  const t = useTranslations("account.security.device");
  return (device) => {
    if (device?.browser && device.os) return t("both", { browser: device.browser, os: device.os });
    if (device?.browser) return t("browserOnly", { browser: device.browser });
    if (device?.os) return t("osOnly", { os: device.os });
    return t("unknown");
  };
}
