import Link from "next/link";

export interface BannerAlert {
  kind: "HOT_WALLET_WARNING" | "HOT_WALLET_LOW" | "DEPOSIT_REORGED";
  assetCode: string;
}

const assetsOf = (alerts: readonly BannerAlert[], kind: BannerAlert["kind"]) => [
  ...new Set(alerts.filter((a) => a.kind === kind).map((a) => a.assetCode)),
];

/** "ETH", "ETH and USDT", "BTC, ETH and USDT". */
function listed(assets: readonly string[]): string {
  if (assets.length <= 1) return assets.join("");
  return `${assets.slice(0, -1).join(", ")} and ${assets[assets.length - 1]}`;
}

/** What the open alerts add up to, worst first, in one or two short sentences. */
export function bannerWords(alerts: readonly BannerAlert[]): { title: string; detail: string } {
  const low = assetsOf(alerts, "HOT_WALLET_LOW");
  const warning = assetsOf(alerts, "HOT_WALLET_WARNING").filter((a) => !low.includes(a));
  const reorged = alerts.filter((a) => a.kind === "DEPOSIT_REORGED").length;
  const parts: string[] = [];
  if (warning.length > 0) parts.push(`${listed(warning)} below the warning line.`);
  if (reorged > 0) {
    parts.push(`${reorged} credited deposit${reorged === 1 ? " was" : "s were"} reorganised away.`);
  }
  if (low.length > 0) {
    return {
      title: `Hot wallet low: ${listed(low)} withdrawals wait`,
      detail: parts.join(" ") || "Top the hot wallet up above its low line.",
    };
  }
  if (warning.length > 0) {
    return {
      title: `Hot wallet below its warning line: ${listed(warning)}`,
      detail: [`Top it up before withdrawals have to wait.`, ...parts.slice(1)].join(" "),
    };
  }
  return { title: "A credited deposit was reorganised away", detail: parts.join(" ") };
}

/**
 * Across the console for finance while any wallet alert is open: what is wrong, and the way to
 * the hot-wallet section. Low (withdrawals wait) shows in red, the rest in amber.
 */
export function WalletAlertBanner({ alerts }: { alerts: readonly BannerAlert[] }) {
  if (alerts.length === 0) return null;
  const severe = alerts.some((a) => a.kind === "HOT_WALLET_LOW" || a.kind === "DEPOSIT_REORGED");
  const words = bannerWords(alerts);
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
        className="ml-auto shrink-0 font-medium whitespace-nowrap text-ink underline-offset-2 hover:underline"
      >
        Open Hot wallet →
      </Link>
    </div>
  );
}
