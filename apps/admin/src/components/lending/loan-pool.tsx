import type { LoanPool } from "@exchange/contracts/lending";
import { formatDecimalText } from "@exchange/ui/i18n";
import { useLocale, useTranslations } from "next-intl";

/**
 * Each loan pool: what it holds, what it has lent (principal and interest of open loans), how
 * much of it is lent, and the asset's insurance account beside it (red when in deficit).
 */
export function LoanPoolCards({ pools }: { pools: readonly LoanPool[] }) {
  const t = useTranslations("lending.pool");
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

function PoolCard({ pool }: { pool: LoanPool }) {
  const t = useTranslations("lending.pool");
  const locale = useLocale();
  const deficit = pool.insurance.startsWith("-");
  const utilisation = Math.min(100, Number(pool.utilisationPercent));
  return (
    <div
      data-testid="loan-pool"
      data-asset={pool.asset}
      className="flex flex-col gap-3 rounded-lg border border-line bg-surface px-4 py-3"
    >
      <p className="text-[13px] font-semibold text-ink">{t("poolOf", { asset: pool.asset })}</p>
      <div>
        <p className="text-xs text-ink-faint">{t("balance")}</p>
        <p
          className="text-2xl font-semibold tracking-tight break-all text-ink tabular-nums"
          data-testid="loan-pool-balance"
        >
          {formatDecimalText(pool.balance, locale)}
          <span className="ml-1.5 text-xs font-normal text-ink-faint">{pool.asset}</span>
        </p>
      </div>
      <div>
        <div className="flex items-center justify-between text-xs">
          <span className="text-ink-faint">{t("utilisation")}</span>
          <span className="text-ink tabular-nums" data-testid="loan-pool-utilisation">
            {pool.utilisationPercent} %
          </span>
        </div>
        <div
          className="mt-1 h-1.5 overflow-hidden rounded-full bg-raised"
          role="presentation"
          aria-hidden="true"
        >
          <div className="h-full rounded-full bg-brand" style={{ width: `${utilisation}%` }} />
        </div>
      </div>
      <dl className="grid grid-cols-1 gap-2 border-t border-line pt-2 text-xs min-[400px]:grid-cols-2">
        <Fact label={t("outstanding")} value={pool.outstandingPrincipal} testId="outstanding" />
        <Fact label={t("interest")} value={pool.accruedInterest} testId="interest" />
        <div className="min-[400px]:col-span-2">
          <dt className="text-ink-faint" title={t("insuranceHint")}>
            {t("insurance")}
          </dt>
          <dd
            data-testid="loan-pool-insurance"
            className={`tabular-nums ${deficit ? "text-down" : "text-ink-muted"}`}
          >
            {formatDecimalText(pool.insurance, locale)} {pool.asset}
          </dd>
          <dd className="text-[11px] text-ink-faint">{t("insuranceHint")}</dd>
        </div>
      </dl>
    </div>
  );
}

function Fact({ label, value, testId }: { label: string; value: string; testId: string }) {
  const locale = useLocale();
  return (
    <div>
      <dt className="text-ink-faint">{label}</dt>
      <dd className="break-all text-ink-muted tabular-nums" data-testid={`loan-pool-${testId}`}>
        {formatDecimalText(value, locale)}
      </dd>
    </div>
  );
}
