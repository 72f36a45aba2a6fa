import { isContractSymbol } from "@exchange/contracts/market";
import { formatRate } from "@exchange/contracts/money";
import { MarketStatusBadge } from "@exchange/ui";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AmountCell } from "@/components/amount-cell";
import { DataTable } from "@/components/data-table";
import { EmptyState } from "@/components/empty-state";
import { AssetStatusForm } from "@/components/markets/asset-status-form";
import { CreateContractForm } from "@/components/markets/create-contract-form";
import { CreateAssetForm, CreateMarketForm } from "@/components/markets/create-forms";
import { MarketStatusActions } from "@/components/markets/market-status-actions";
import { ScheduleChangeForm, ScheduledChanges } from "@/components/markets/scheduled-changes";
import { PageBody } from "@/components/page-body";
import { PageHeader } from "@/components/page-header";
import { adminApi, loadForPage } from "@/server/admin-api";
import { requireSection } from "@/server/staff-guard";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("markets");
  return { title: t("title") };
}

export default async function MarketsPage() {
  await requireSection("markets", "/markets");
  const api = await adminApi();
  const [markets, changes, t, nav] = await Promise.all([
    loadForPage(() => api.markets.list()),
    loadForPage(() => api.markets.statusChanges()),
    getTranslations("markets"),
    getTranslations("nav.sections.markets"),
  ]);
  const right = "right" as const;
  const columns = [
    { header: t("columns.symbol") },
    { header: t("columns.status") },
    { header: t("columns.precision"), align: right },
    { header: t("columns.priceTick"), align: right },
    { header: t("columns.lotSize"), align: right },
    { header: t("columns.minQty"), align: right },
    { header: t("columns.maxQty"), align: right },
    { header: t("columns.maxPrice"), align: right },
    { header: t("columns.minNotional"), align: right },
    { header: t("columns.maxNotional"), align: right },
    { header: t("columns.maxOpenOrders"), align: right },
    { header: t("columns.maker"), align: right },
    { header: t("columns.taker"), align: right },
    { header: t("columns.actions"), align: right },
  ];
  const assets = [...new Set(markets.flatMap((m) => [m.baseAsset, m.quoteAsset]))].sort();
  return (
    <PageBody>
      <PageHeader title={t("title")} description={nav("description")} />
      <DataTable
        caption={t("title")}
        columns={columns}
        empty={<EmptyState section="markets" title={nav("emptyTitle")} hint={nav("emptyHint")} />}
        rows={markets.map((m) => (
          <tr key={m.symbol} data-testid="market-row">
            <th scope="row" className="h-11 px-4 text-left font-normal whitespace-nowrap">
              <span className="font-semibold text-ink">{m.baseAsset}</span>
              <span className="text-ink-faint">/{m.quoteAsset}</span>
              {isContractSymbol(m.symbol) ? (
                <span className="ml-2 rounded bg-brand/10 px-1.5 py-0.5 text-xs font-medium text-brand ring-1 ring-inset ring-brand/25">
                  {t("perpetual")}
                </span>
              ) : null}
              <span className="ml-2 font-mono text-xs text-ink-faint">{m.symbol}</span>
            </th>
            <td className="px-4">
              <MarketStatusBadge status={m.status} />
            </td>
            <td className="px-4 text-right text-ink-muted tabular-nums" title={t("precisionHint")}>
              {t("precisionValue", {
                base: String(m.basePrecision),
                quote: String(m.quotePrecision),
              })}
            </td>
            <AmountCell value={m.priceTick} unit={m.quoteAsset} />
            <AmountCell value={m.lotSize} unit={m.baseAsset} />
            <AmountCell value={m.minQty} unit={m.baseAsset} />
            <AmountCell value={m.maxQty} unit={m.baseAsset} />
            <AmountCell value={m.maxPrice} unit={m.quoteAsset} />
            <AmountCell value={m.minNotional} unit={m.quoteAsset} />
            <AmountCell value={m.maxNotional} unit={m.quoteAsset} />
            <td className="px-4 text-right text-ink-muted tabular-nums">{m.maxOpenOrders}</td>
            <td className="px-4 text-right tabular-nums">{formatRate(m.makerFeeRate)}</td>
            <td className="px-4 text-right tabular-nums">{formatRate(m.takerFeeRate)}</td>
            <td className="px-4 py-1.5 text-right">
              <MarketStatusActions symbol={m.symbol} status={m.status} />
            </td>
          </tr>
        ))}
      />
      <Section title={t("schedule.title")} description={t("schedule.description")}>
        <ScheduleChangeForm symbols={markets.map((m) => m.symbol)} />
        <ScheduledChanges changes={changes} />
      </Section>
      <Section title={t("assetStatus.title")} description={t("assetStatus.description")}>
        <AssetStatusForm assets={assets} />
      </Section>
      <Section title={t("forms.marketTitle")} description={t("forms.marketDescription")}>
        <CreateMarketForm assets={assets} />
      </Section>
      <Section title={t("contractForm.title")} description={t("contractForm.description")}>
        <CreateContractForm assets={assets} />
      </Section>
      <Section title={t("forms.assetTitle")} description={t("forms.assetDescription")}>
        <CreateAssetForm />
      </Section>
    </PageBody>
  );
}

function Section({
  title,
  description,
  children,
}: {
  title: string;
  description: string;
  children: React.ReactNode;
}) {
  return (
    <section className="mt-6 flex flex-col gap-4 rounded-lg border border-line bg-surface p-4">
      <header>
        <h2 className="text-sm font-semibold text-ink">{title}</h2>
        <p className="text-[13px] text-ink-muted">{description}</p>
      </header>
      {children}
    </section>
  );
}
