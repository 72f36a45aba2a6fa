import { formatRate } from "@exchange/contracts/money";
import { buttonClasses } from "@exchange/ui";
import { DateTime } from "@exchange/ui/i18n";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { AmountCell } from "@/components/amount-cell";
import { DataTable } from "@/components/data-table";
import { EmptyState } from "@/components/empty-state";
import { FilterBar, FilterSelect } from "@/components/filter-bar";
import { PageBody } from "@/components/page-body";
import { PageHeader } from "@/components/page-header";
import { RiskNav } from "@/components/risk/risk-nav";
import { SignedAmountCell } from "@/components/risk/risk-parts";
import type { FundingRow } from "@/components/risk/risk-types";
import { adminApi, loadForPage } from "@/server/admin-api";
import { requireSection } from "@/server/staff-guard";

export async function generateMetadata() {
  const t = await getTranslations("risk.funding");
  return { title: t("title") };
}

type SearchParams = Record<string, string | string[] | undefined>;

/** A contract's funding settlements (the first contract's unless one is asked for). */
export default async function FundingPage({
  searchParams,
}: {
  searchParams: Promise<SearchParams>;
}) {
  await requireSection("risk", "/risk/funding");
  const params = await searchParams;
  const api = await adminApi();
  const contracts = await loadForPage(() => api.derivatives.risk.contracts());
  const symbol = (contracts.find((c) => c.symbol === params.symbol) ?? contracts[0])?.symbol;
  const cursor =
    typeof params.before === "string" && /^\d{1,15}$/.test(params.before) ? params.before : null;
  const history = symbol
    ? await loadForPage(() => api.derivatives.risk.funding({ symbol, cursor }))
    : null;
  const t = await getTranslations("risk");
  return (
    <PageBody>
      <PageHeader title={t("title")} description={t("funding.description")} />
      <RiskNav current="funding" />
      <FilterBar action="/risk/funding" label={t("filters")}>
        <FilterSelect
          label={t("contract")}
          name="symbol"
          value={symbol ?? ""}
          options={contracts.map((c) => ({ value: c.symbol, label: c.symbol, code: true }))}
        />
      </FilterBar>
      <FundingTable items={history?.items ?? []} asset={history?.settleAsset ?? ""} />
      {history?.nextCursor && symbol ? (
        <div className="flex justify-end">
          <Link
            href={`/risk/funding?${new URLSearchParams({ symbol, before: history.nextCursor })}`}
            className={buttonClasses("secondary", "sm")}
          >
            {t("funding.older")}
          </Link>
        </div>
      ) : null}
    </PageBody>
  );
}

async function FundingTable({ items, asset }: { items: readonly FundingRow[]; asset: string }) {
  const t = await getTranslations("risk.funding");
  const right = "right" as const;
  return (
    <DataTable
      caption={t("caption")}
      columns={[
        { header: t("time") },
        { header: t("rate"), align: right },
        { header: t("mark"), align: right },
        { header: t("positions"), align: right },
        { header: t("paid"), align: right },
        { header: t("received"), align: right },
        { header: t("rounding"), align: right },
        { header: t("check"), align: right },
      ]}
      minWidth="min-w-[980px]"
      empty={<EmptyState section="risk" title={t("emptyTitle")} hint={t("emptyHint")} />}
      rows={items.map((row) => {
        const balanced = /^-?0(\.0+)?$/.test(row.imbalance) && row.linesBalance;
        return (
          <tr key={row.fundingTime.toISOString()} data-testid="funding-row">
            <td className="h-11 px-4 whitespace-nowrap tabular-nums">
              <DateTime at={row.fundingTime} />
            </td>
            <td className="px-4 text-right tabular-nums">{formatRate(row.rate, 4)}</td>
            <AmountCell value={row.markPrice} unit={asset} />
            <td className="px-4 text-right tabular-nums">{row.positions}</td>
            <AmountCell value={row.paid} unit={asset} />
            <AmountCell value={row.received} unit={asset} />
            <AmountCell value={row.rounding} unit={asset} />
            {balanced ? (
              <td className="px-4 text-right text-up" data-testid="funding-check">
                {t("balanced")}
              </td>
            ) : (
              <SignedAmountCell value={row.imbalance} unit={asset} testId="funding-check" />
            )}
          </tr>
        );
      })}
    />
  );
}
