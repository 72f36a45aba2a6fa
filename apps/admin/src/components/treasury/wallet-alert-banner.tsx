import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";

export interface BannerAlert {
  kind: "HOT_WALLET_WARNING" | "HOT_WALLET_LOW" | "DEPOSIT_REORGED";
  assetCode: string;
}

/** The banner's sentences by key (`treasury.banner.*`), with their values filled in. */
export type BannerText = (
  key:
    | "lowTitle"
    | "warningTitle"
    | "reorgTitle"
    | "warningPart"
    | "reorgPart"
    | "topUpLow"
    | "topUpWarning",
  values?: { assets?: string; count?: number },
) => string;

const assetsOf = (alerts: readonly BannerAlert[], kind: BannerAlert["kind"]) => [
  ...new Set(alerts.filter((a) => a.kind === kind).map((a) => a.assetCode)),
];

/** "ETH", "ETH and USDT", "ETH和USDT": the list in the viewer's language. */
function listed(assets: readonly string[], locale: string): string {
  return new Intl.ListFormat(locale, { type: "conjunction" }).format(assets);
}

/** What the open alerts add up to, worst first, in one or two short sentences. */
export function bannerWords(
  alerts: readonly BannerAlert[],
  text: BannerText,
  locale: string,
): { title: string; detail: string } {
  const low = assetsOf(alerts, "HOT_WALLET_LOW");
  const warning = assetsOf(alerts, "HOT_WALLET_WARNING").filter((a) => !low.includes(a));
  const reorged = alerts.filter((a) => a.kind === "DEPOSIT_REORGED").length;
  const warningPart =
    warning.length > 0 ? text("warningPart", { assets: listed(warning, locale) }) : null;
  const reorgPart = reorged > 0 ? text("reorgPart", { count: reorged }) : null;
  if (low.length > 0) {
    const parts = [warningPart, reorgPart].filter((part) => part !== null);
    return {
      title: text("lowTitle", { assets: listed(low, locale) }),
      detail: parts.join(" ") || text("topUpLow"),
    };
  }
  if (warning.length > 0) {
    return {
      title: text("warningTitle", { assets: listed(warning, locale) }),
      detail: [text("topUpWarning"), reorgPart].filter((part) => part !== null).join(" "),
    };
  }
  return { title: text("reorgTitle"), detail: reorgPart ?? "" };
}

/**
 * Across the console for finance while any wallet alert is open: what is wrong, and the way to
 * the hot-wallet section. Low (withdrawals wait) shows in red, the rest in amber.
 */
export function WalletAlertBanner({ alerts }: { alerts: readonly BannerAlert[] }) {
  const t = useTranslations("treasury.banner");
  const locale = useLocale();
  if (alerts.length === 0) return null;
  const severe = alerts.some((a) => a.kind === "HOT_WALLET_LOW" || a.kind === "DEPOSIT_REORGED");
  const words = bannerWords(alerts, (key, values) => t(key, values), locale);
  const look = severe
    ? "border-down/40 bg-down/10 text-down"
    : "border-warn/40 bg-warn/10 text-warn";
  return (
    <div
      role="alert"
      data-testid="wallet-alert-banner"
      className={`flex flex-wrap items-center gap-x-4 gap-y-1 border-b px-4 py-2.5 text-[13px] sm:px-6 ${look}`}
    >
      <span className="flex min-w-0 items-center gap-2 font-medium">
        <span
          aria-hidden="true"
          className="size-1.5 shrink-0 animate-pulse rounded-full bg-current"
        />
        {words.title}
      </span>
      <span className="min-w-0 text-ink-muted">{words.detail}</span>
      <Link
        href="/treasury"
        className="ml-auto inline-flex min-h-10 shrink-0 items-center font-medium whitespace-nowrap text-ink underline-offset-2 hover:underline"
      >
        {t("open")}
      </Link>
    </div>
  );
}
