"use client";

import { isNotificationType, type Notification } from "@exchange/contracts/notification";
import { useDecimalText } from "@exchange/ui/i18n";
import { useFormatter, useTranslations } from "next-intl";
import { useCallback } from "react";
import { marketHref } from "@/components/trade/market-href";

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
      return notification.params.symbol ? marketHref(notification.params.symbol) : "/trade";
    case "loan.warning":
    case "loan.liquidated":
    case "loan.maturing":
      return "/loans";
    case "position.liquidated":
      return notification.params.symbol ? `/futures/${notification.params.symbol}` : "/futures";
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
  const format = useFormatter();
  const decimal = useDecimalText();
  return useCallback(
    (notification: Notification): { title: string; body: string } => {
      const params = shownParams(notification.params, {
        time: (at) => format.dateTime(at, "dateTime"),
        decimal,
      });
      const key = `types.${notification.type}` as "types.deposit.credited";
      if (!isNotificationType(notification.type) || !t.has(`${key}.title`)) {
        return { title: t("unknown.title"), body: t("unknown.body") };
      }
      try {
        return {
          title: t(`${key}.title`, params),
          body: t(`${key}.body`, params),
        };
      } catch {
        return { title: t("unknown.title"), body: t("unknown.body") };
      }
    },
    [t, format, decimal],
  );
}

/**
 * Facts as the reader reads them: times (`…At`, epoch ms) in the reader's zone and language,
 * amounts and prices ("28000.5") grouped in the reader's way ("28,000.5"), digit for digit.
 */
function shownParams(
  params: Record<string, string>,
  show: { time: (at: Date) => string; decimal: (value: string) => string },
): Record<string, string> {
  const shown = { ...params };
  for (const [name, value] of Object.entries(params)) {
    if (name.endsWith("At") && /^\d+$/.test(value))
      shown[name] = show.time(new Date(Number(value)));
    else if (/^-?\d+(\.\d+)?$/.test(value)) shown[name] = show.decimal(value);
  }
  return shown;
}
