import { compare, decimal, formatDecimal, subtract, trimZeros } from "@exchange/contracts/money";
import type { SavingsPool } from "@exchange/contracts/savings";
import { formatDecimalText } from "@exchange/ui/i18n";
import { useLocale, useTranslations } from "next-intl";

/**
 * The savings pool of each asset against the principal the open subscriptions hold in it: green
 * when the engine's pool account equals the outstanding principal, red with the difference when
 * not (money in the pool no subscription accounts for, or principal the pool does not hold).
 */
export function SavingsPoolCards({ pools }: { pools: readonly SavingsPool[] }) {
  const t = useTranslations("products.payouts");
  if (pools.length === 0) {
    return (
      <p className="rounded-lg border border-line bg-surface px-4 py-3 text-[13px] text-ink-muted">
        {t("noPools")}
      </p>
    );
  }
  return (
    <div className="grid grid-cols-1 gap-3 sm:grid-cols-2 xl:grid-cols-3">
      {pools.map((pool) => (
        <PoolCard key={pool.asset} pool={pool} />
      ))}
    </div>
  );
}

function PoolCard({ pool }: { pool: SavingsPool }) {
  const t = useTranslations("products.payouts");
  const locale = useLocale();
  const difference = subtract(decimal(pool.poolBalance), decimal(pool.outstandingPrincipal));
  const balanced = compare(difference, decimal("0")) === 0;
  const signed = trimZeros(formatDecimal(difference));
  return (
    <div
      data-testid="savings-pool"
      data-asset={pool.asset}
      data-balanced={balanced}
      className="flex flex-col gap-3 rounded-lg border border-line bg-surface px-4 py-3"
    >
      <div className="flex items-center justify-between gap-2">
        <p className="text-[13px] font-semibold text-ink">{t("poolOf", { asset: pool.asset })}</p>
        {balanced ? (
          <span className="inline-flex items-center rounded bg-up/10 px-1.5 py-0.5 text-[11px] font-medium text-up ring-1 ring-up/30 ring-inset">
            {t("matches")}
          </span>
        ) : (
          <span
            data-testid="savings-pool-difference"
            className="inline-flex items-center rounded bg-down/10 px-1.5 py-0.5 text-[11px] font-medium text-down ring-1 ring-down/30 ring-inset tabular-nums"
          >
            {t("offBy", {
              amount: signed.startsWith("-")
                ? formatDecimalText(signed, locale)
                : `+${formatDecimalText(signed, locale)}`,
              asset: pool.asset,
            })}
          </span>
        )}
      </div>
      <p
        className={`text-2xl font-semibold tracking-tight tabular-nums ${balanced ? "text-ink" : "text-down"}`}
      >
        {formatDecimalText(pool.poolBalance, locale)}
        <span className="ml-1.5 text-xs font-normal text-ink-faint">{pool.asset}</span>
      </p>
      <dl className="grid grid-cols-2 gap-2 border-t border-line pt-2 text-xs">
        <Fact label={t("outstanding")} value={pool.outstandingPrincipal} />
        <Fact label={t("expense")} value={pool.interestExpense} />
        <Fact label={t("scheduled")} value={pool.interestScheduled} />
      </dl>
    </div>
  );
}

function Fact({ label, value }: { label: string; value: string }) {
  const locale = useLocale();
  return (
    <div>
      <dt className="text-ink-faint">{label}</dt>
      <dd className="text-ink-muted tabular-nums">{formatDecimalText(value, locale)}</dd>
    </div>
  );
}
