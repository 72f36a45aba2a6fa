import { compare, decimal, quotient } from "@exchange/contracts/money";
import { formatDecimalText } from "@exchange/ui/i18n";
import { useLocale, useTranslations } from "next-intl";

/** How much of an instance's daily quota subscriptions took: a bar and the numbers. */
export function QuotaBar({
  quota,
  subscribed,
  asset,
}: {
  quota: string;
  subscribed: string;
  asset: string;
}) {
  const t = useTranslations("products.detail");
  const locale = useLocale();
  const total = decimal(quota);
  const used = decimal(subscribed);
  // Display only: the share in tenths of a percent, never used for money.
  const permille = total.units > 0n ? Number(quotient(used, total, 3, "down").units) : 0;
  const full = compare(used, total) >= 0;
  const width = `${Math.min(100, permille / 10)}%`;
  return (
    <div className="flex min-w-36 flex-col gap-1">
      <div
        aria-hidden="true"
        className="h-1.5 w-full overflow-hidden rounded-full bg-raised ring-1 ring-line ring-inset"
      >
        <div className={`h-full ${full ? "bg-down" : "bg-brand"}`} style={{ width }} />
      </div>
      <span className="text-[11px] text-ink-faint tabular-nums">
        {formatDecimalText(subscribed, locale)} / {formatDecimalText(quota, locale)} {asset}
        {full ? ` · ${t("soldOut")}` : ""}
      </span>
    </div>
  );
}
