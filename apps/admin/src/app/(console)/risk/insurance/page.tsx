import { DateTime } from "@exchange/ui/i18n";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { AmountCell } from "@/components/amount-cell";
import { DataTable } from "@/components/data-table";
import { EmptyState } from "@/components/empty-state";
import { PageBody } from "@/components/page-body";
import { PageHeader } from "@/components/page-header";
import { RiskNav } from "@/components/risk/risk-nav";
import { SignedAmountCell } from "@/components/risk/risk-parts";
import type { InsuranceFund } from "@/components/risk/risk-types";
import { adminApi, loadForPage } from "@/server/admin-api";
import { requireSection } from "@/server/staff-guard";

export async function generateMetadata() {
  const t = await getTranslations("risk.insurance");
  return { title: t("title") };
}

/** The insurance fund of each settle asset: its balance, totals and latest changes. */
export default async function InsurancePage() {
  await requireSection("risk", "/risk/insurance");
  const api = await adminApi();
  const funds = await loadForPage(() => api.derivatives.risk.insurance());
  const t = await getTranslations("risk");
  return (
    <PageBody>
      <PageHeader title={t("title")} description={t("insurance.description")} />
      <RiskNav current="insurance" />
      {funds.length === 0 ? (
        <EmptyState
          section="risk"
          title={t("insurance.noFundTitle")}
          hint={t("insurance.noFundHint")}
        />
      ) : (
        funds.map((fund) => <FundSection key={fund.asset} fund={fund} />)
      )}
    </PageBody>
  );
}

async function FundSection({ fund }: { fund: InsuranceFund }) {
  const t = await getTranslations("risk.insurance");
  const right = "right" as const;
  return (
    <section
      aria-labelledby={`fund-${fund.asset}`}
      className="flex flex-col gap-3"
      data-testid="insurance-fund"
      data-asset={fund.asset}
    >
      <h2 id={`fund-${fund.asset}`} className="text-[15px] font-semibold text-ink">
        {t("fund", { asset: fund.asset })}
      </h2>
      <DataTable
        caption={t("totalsCaption", { asset: fund.asset })}
        columns={[
          { header: t("balance"), align: right },
          { header: t("takenIn"), align: right },
          { header: t("paidOut"), align: right },
        ]}
        minWidth="min-w-[480px]"
        rows={[
          <tr key="totals" data-testid="insurance-totals">
            <SignedAmountCell value={fund.balance} unit={fund.asset} testId="insurance-balance" />
            <AmountCell value={fund.takenIn} unit={fund.asset} />
            <AmountCell value={fund.paidOut} unit={fund.asset} />
          </tr>,
        ]}
      />
      <p className="text-xs text-ink-muted">{t("shared")}</p>
      <DataTable
        caption={t("historyCaption", { asset: fund.asset })}
        columns={[
          { header: t("at") },
          { header: t("what") },
          { header: t("trader") },
          { header: t("amount"), align: right },
        ]}
        minWidth="min-w-[720px]"
        empty={<EmptyState section="risk" title={t("emptyTitle")} hint={t("emptyHint")} />}
        rows={fund.history.map((line) => (
          <tr key={`${line.kind}-${line.ref}`} data-testid="insurance-line" data-kind={line.kind}>
            <td className="h-11 px-4 whitespace-nowrap tabular-nums">
              <DateTime at={line.at} />
            </td>
            <td className="px-4 whitespace-nowrap">
              {line.kind === "liquidation" ? (
                <Link
                  href={`/risk/liquidations/${line.ref}`}
                  className="text-brand hover:text-brand-hover"
                >
                  {t("liquidationOf", { symbol: line.symbol ?? "" })}
                </Link>
              ) : (
                <Link
                  href={`/products/loan-book/${line.ref}`}
                  className="text-brand hover:text-brand-hover"
                >
                  {t("loanShortfall")}
                </Link>
              )}
            </td>
            <td className="px-4" title={`${line.email} (#${line.userId})`}>
              <span className="block max-w-48 truncate" translate="no">
                {line.email}
              </span>
            </td>
            <SignedAmountCell value={line.amount} unit={fund.asset} testId="insurance-amount" />
          </tr>
        ))}
      />
    </section>
  );
}
