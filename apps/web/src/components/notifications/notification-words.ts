"use client";

import { isNotificationType, type Notification } from "@exchange/contracts/notification";
import { useTranslations } from "next-intl";
import { useCallback } from "react";

/** Where a notification leads: the page that shows what it is about. */
export function notificationHref(notification: Notification): string {
  switch (notification.type) {
    case "deposit.credited":
    case "withdrawal.sent":
    case "withdrawal.rejected":
      return "/wallet";
    case "kyc.approved":
    case "kyc.rejected":
      return "/account/verification";
    case "order.largeFill":
      return notification.params.symbol ? `/trade/${notification.params.symbol}` : "/trade";
    default:
      return "/notifications";
  }
}

/**
 * A notification's title and sentence in the reader's language, from its type and facts. A type
 * newer than this page (or facts it lacks) reads generically rather than failing.
 */
export function useNotificationWords() {
  const t = useTranslations("notifications");
  return useCallback(
    (notification: Notification): { title: string; body: string } => {
      const key = `types.${notification.type}` as "types.deposit.credited";
      if (!isNotificationType(notification.type) || !t.has(`${key}.title`)) {
        return { title: t("unknown.title"), body: t("unknown.body") };
      }
      try {
        return {
          title: t(`${key}.title`, notification.params),
          body: t(`${key}.body`, notification.params),
        };
      } catch {
        return { title: t("unknown.title"), body: t("unknown.body") };
      }
    },
    [t],
  );
}
