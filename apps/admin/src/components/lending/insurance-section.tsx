import { DateTime, formatDecimalText } from "@exchange/ui/i18n";
import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { AmountCell } from "@/components/amount-cell";
import { DataTable } from "@/components/data-table";
import type { Insurance } from "./loan-book-types";

/**
 * The insurance account of each loan asset and the liquidation shortfalls it has paid (the
 * latest, each linked to its loan): what the pool's cards show as one figure, explained.
 */
export function InsuranceSection({ insurance }: { insurance: Insurance }) {
  const t = useTranslations("lending.insurance");
  const locale = useLocale();
  return (
    <section aria-labelledby="insurance-heading" className="flex flex-col gap-3">
      <div>
        <h2 id="insurance-heading" className="text-[13px] font-semibold text-ink">
          {t("title")}
        </h2>
        <p className="text-xs text-ink-muted">{t("description")}</p>
      </div>
      {insurance.accounts.length === 0 ? (
        <p className="rounded-lg border border-line bg-surface px-4 py-3 text-[13px] text-ink-muted">
          {t("none")}
        </p>
      ) : (
        <div className="grid grid-cols-1 gap-3 sm:grid-cols-2 xl:grid-cols-3">
          {insurance.accounts.map((a) => (
            <div
              key={a.asset}
              data-testid="insurance-account"
              data-asset={a.asset}
              className="flex flex-col gap-1 rounded-lg border border-line bg-surface px-4 py-3"
            >
              <p className="text-xs text-ink-faint">{t("accountOf", { asset: a.asset })}</p>
              <p
                data-testid="insurance-balance"
                className={`text-xl font-semibold break-all tabular-nums ${a.balance.startsWith("-") ? "text-down" : "text-ink"}`}
              >
                {formatDecimalText(a.balance, locale)}
                <span className="ml-1.5 text-xs font-normal text-ink-faint">{a.asset}</span>
              </p>
              <p className="text-xs text-ink-muted" data-testid="insurance-covered">
                {t("covered", {
                  count: a.coveredCount,
                  amount: `${formatDecimalText(a.covered, locale)} ${a.asset}`,
                })}
              </p>
            </div>
          ))}
        </div>
      )}
      <DataTable
        caption={t("coversCaption")}
        columns={[
          { header: t("settled") },
          { header: t("borrower") },
          { header: t("shortfall"), align: "right" },
        ]}
        minWidth="min-w-[520px]"
        rows={insurance.covers.map((c) => (
          <tr key={c.loanId} data-testid="insurance-cover" data-loan={c.loanId}>
            <td className="h-10 px-4 whitespace-nowrap tabular-nums">
              <Link
                href={`/products/loan-book/${c.loanId}`}
                className="text-brand hover:text-brand-hover max-sm:inline-block max-sm:py-2"
              >
                <DateTime at={c.at} format="dateTimeBare" />
              </Link>
            </td>
            <td className="px-4" title={`${c.email} (#${c.userId})`}>
              <span className="block max-w-56 truncate" translate="no">
                {c.email}
              </span>
            </td>
            <AmountCell value={c.shortfall} unit={c.asset} />
          </tr>
        ))}
        empty={<p className="px-4 py-6 text-center text-[13px] text-ink-muted">{t("noCovers")}</p>}
      />
    </section>
  );
}
