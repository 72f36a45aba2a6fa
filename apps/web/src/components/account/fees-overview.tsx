import type { MyFeesOutput } from "@exchange/api/client";
import { formatDecimalText } from "@exchange/ui/i18n";
import { useTranslations } from "next-intl";

/** The trader's tier and volume, the next tier's threshold, and their rates per market. */
export function FeesOverview({ fees, locale }: { fees: MyFeesOutput; locale: string }) {
  const t = useTranslations("account.fees");
  const number = (value: string) => formatDecimalText(value, locale);
  const percent = (value: string) => `${number(value)} %`;
  return (
    <>
      <section
        aria-label={t("standing")}
        className="grid grid-cols-1 gap-3 sm:grid-cols-3"
        data-testid="fee-standing"
      >
        <Figure label={t("tier")} testId="fee-tier">
          {t("tierName", { tier: fees.tier })}
          {fees.overridden ? (
            <span className="ml-2 text-xs font-normal text-ink-muted">{t("overridden")}</span>
          ) : null}
        </Figure>
        <Figure label={t("volume", { days: fees.windowDays })} testId="fee-volume">
          {number(fees.volume)} <span className="text-xs text-ink-faint">{fees.volumeAsset}</span>
        </Figure>
        <Figure label={t("nextTier")} testId="fee-next-tier">
          {fees.nextTier === null ? (
            t("topTier")
          ) : (
            <>
              {t("nextTierAt", { tier: fees.nextTier.tier })} {number(fees.nextTier.minVolume)}{" "}
              <span className="text-xs text-ink-faint">{fees.volumeAsset}</span>
            </>
          )}
        </Figure>
      </section>
      <p className="text-[13px] text-ink-muted">
        {fees.makerScalePercent.startsWith("-")
          ? t("scalesRebate", {
              maker: percent(fees.makerScalePercent.slice(1)),
              taker: percent(fees.takerScalePercent),
            })
          : t("scales", {
              maker: percent(fees.makerScalePercent),
              taker: percent(fees.takerScalePercent),
            })}{" "}
        {t("dailyNote")}
      </p>
      <div className="overflow-x-auto rounded-lg border border-line bg-surface">
        <table className="w-full border-collapse text-[13px]" data-testid="fee-rates">
          <caption className="sr-only">{t("ratesCaption")}</caption>
          <thead>
            <tr className="border-b border-line text-left text-xs text-ink-faint">
              <th scope="col" className="px-4 py-2 font-medium">
                {t("market")}
              </th>
              <th scope="col" className="px-4 py-2 text-right font-medium">
                {t("maker")}
              </th>
              <th scope="col" className="px-4 py-2 text-right font-medium">
                {t("taker")}
              </th>
            </tr>
          </thead>
          <tbody>
            {fees.markets.map((market) => (
              <tr key={market.symbol} className="border-b border-line last:border-0">
                <th scope="row" className="px-4 py-2.5 text-left font-mono font-normal text-ink">
                  {market.symbol}
                </th>
                <td className="px-4 text-right tabular-nums">
                  <Rate value={market.makerRatePercent} rebate={t("rebate")} percent={percent} />
                </td>
                <td className="px-4 text-right tabular-nums">{percent(market.takerRatePercent)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

function Figure({
  label,
  testId,
  children,
}: {
  label: string;
  testId: string;
  children: React.ReactNode;
}) {
  return (
    <div className="flex flex-col gap-1 rounded-lg border border-line bg-surface p-4">
      <span className="text-xs text-ink-faint">{label}</span>
      <span className="text-lg font-semibold text-ink tabular-nums" data-testid={testId}>
        {children}
      </span>
    </div>
  );
}

/** A maker rate; a negative one is a rebate the trader is paid, and says so. */
function Rate({
  value,
  rebate,
  percent,
}: {
  value: string;
  rebate: string;
  percent: (value: string) => string;
}) {
  if (!value.startsWith("-")) return percent(value);
  return (
    <span className="text-up">
      {percent(value.slice(1))} <span className="text-xs">{rebate}</span>
    </span>
  );
}
