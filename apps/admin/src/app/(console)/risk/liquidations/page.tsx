import { buttonClasses } from "@exchange/ui";
import { DateTime, formatDecimalText } from "@exchange/ui/i18n";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { AmountCell } from "@/components/amount-cell";
import { DataTable } from "@/components/data-table";
import { EmptyState } from "@/components/empty-state";
import { FilterBar, FilterSelect } from "@/components/filter-bar";
import { PageBody } from "@/components/page-body";
import { PageHeader } from "@/components/page-header";
import { RiskNav } from "@/components/risk/risk-nav";
import { SideBadge, SignedAmountCell } from "@/components/risk/risk-parts";
import type { RiskLiquidation } from "@/components/risk/risk-types";
import { adminApi, loadForPage } from "@/server/admin-api";
import { requireSection } from "@/server/staff-guard";

export async function generateMetadata() {
  const t = await getTranslations("risk.liquidations");
  return { title: t("title") };
}

type SearchParams = Record<string, string | string[] | undefined>;
const PAGE_SIZE = 25;

/** Liquidations newest first, a page at a time (older ones behind a link), by contract. */
export default async function LiquidationsPage({
  searchParams,
}: {
  searchParams: Promise<SearchParams>;
}) {
  await requireSection("risk", "/risk/liquidations");
  const params = await searchParams;
  const api = await adminApi();
  const contracts = await loadForPage(() => api.derivatives.risk.contracts());
  const symbol = contracts.find((c) => c.symbol === params.symbol)?.symbol;
  const cursor =
    typeof params.before === "string" && /^\d{1,18}$/.test(params.before) ? params.before : null;
  const page = await loadForPage(() =>
    api.derivatives.risk.liquidations({ symbol, cursor, limit: PAGE_SIZE }),
  );
  const t = await getTranslations("risk");
  const older = page.nextCursor
    ? `/risk/liquidations?${new URLSearchParams({
        ...(symbol ? { symbol } : {}),
        before: page.nextCursor,
      })}`
    : null;
  return (
    <PageBody>
      <PageHeader title={t("title")} description={t("liquidations.description")} />
      <RiskNav current="liquidations" />
      <FilterBar action="/risk/liquidations" label={t("filters")}>
        <FilterSelect
          label={t("contract")}
          name="symbol"
          value={symbol ?? ""}
          options={[
            { value: "", label: t("allContracts") },
            ...contracts.map((c) => ({ value: c.symbol, label: c.symbol, code: true })),
          ]}
        />
      </FilterBar>
      <LiquidationsTable items={page.items} />
      <div className="flex justify-end gap-2">
        {cursor ? (
          <Link
            href={`/risk/liquidations${symbol ? `?symbol=${symbol}` : ""}`}
            className={buttonClasses("ghost", "sm")}
          >
            {t("liquidations.newest")}
          </Link>
        ) : null}
        {older ? (
          <Link href={older} className={buttonClasses("secondary", "sm")}>
            {t("liquidations.older")}
          </Link>
        ) : null}
      </div>
    </PageBody>
  );
}

async function LiquidationsTable({ items }: { items: readonly RiskLiquidation[] }) {
  const t = await getTranslations("risk.liquidations");
  const locale = await getLocale();
  const right = "right" as const;
  return (
    <DataTable
      caption={t("caption")}
      columns={[
        { header: t("at") },
        { header: t("trader") },
        { header: t("position") },
        { header: t("mark"), align: right },
        { header: t("bankruptcy"), align: right },
        { header: t("closedBy"), align: right },
        { header: t("insurance"), align: right },
      ]}
      minWidth="min-w-[960px]"
      empty={<EmptyState section="risk" title={t("emptyTitle")} hint={t("emptyHint")} />}
      rows={items.map((l) => (
        <tr key={l.id} data-testid="risk-liquidation" data-id={l.id}>
          <td className="px-4 py-1.5 whitespace-nowrap tabular-nums">
            <Link
              href={`/risk/liquidations/${l.id}`}
              className="text-brand hover:text-brand-hover max-sm:py-2"
            >
              <DateTime at={l.at} />
            </Link>
          </td>
          <td className="px-4 py-1.5" title={`${l.email} (#${l.userId})`}>
            <span className="block max-w-48 truncate text-ink" translate="no">
              {l.email}
            </span>
            <span className="text-xs text-ink-faint tabular-nums">#{l.userId}</span>
          </td>
          <td className="px-4 py-1.5 whitespace-nowrap">
            <span className="flex items-center gap-2">
              <SideBadge side={l.side} />
              <span className="text-ink tabular-nums">{formatDecimalText(l.size, locale)}</span>
            </span>
            <span className="block text-xs text-ink-faint" translate="no">
              {l.symbol}
            </span>
          </td>
          <AmountCell value={l.markPrice} unit={l.settleAsset} />
          <AmountCell value={l.bankruptcyPrice} unit={l.settleAsset} />
          <td className="px-4 py-1.5 text-right text-xs whitespace-nowrap text-ink-muted tabular-nums">
            <span className="block">
              {t("book", { size: formatDecimalText(l.bookSize, locale) })}
            </span>
            <span className="block">
              {t("adl", { size: formatDecimalText(l.deleveragedSize, locale) })}
            </span>
          </td>
          <SignedAmountCell
            value={l.insurance}
            unit={l.settleAsset}
            testId="liquidation-insurance"
          />
        </tr>
      ))}
    />
  );
}
