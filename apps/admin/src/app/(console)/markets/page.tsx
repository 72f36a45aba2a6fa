import { formatRate } from "@exchange/contracts/money";
import { MarketStatusBadge } from "@exchange/ui";
import type { Metadata } from "next";
import { AmountCell } from "@/components/amount-cell";
import { DataTable } from "@/components/data-table";
import { EmptyState } from "@/components/empty-state";
import { PageBody } from "@/components/page-body";
import { PageHeader } from "@/components/page-header";
import { SECTION_PAGES } from "@/lib/section-pages";
import { adminApi, loadForPage } from "@/server/admin-api";
import { requireSection } from "@/server/staff-guard";

export const metadata: Metadata = { title: "Markets" };

const COLUMNS = [
  { header: "Symbol" },
  { header: "Status" },
  { header: "Precision", align: "right" },
  { header: "Price tick", align: "right" },
  { header: "Lot size", align: "right" },
  { header: "Min qty", align: "right" },
  { header: "Max qty", align: "right" },
  { header: "Max price", align: "right" },
  { header: "Min notional", align: "right" },
  { header: "Max notional", align: "right" },
  { header: "Max open orders", align: "right" },
  { header: "Maker", align: "right" },
  { header: "Taker", align: "right" },
] as const;

export default async function MarketsPage() {
  await requireSection("markets", "/markets");
  const api = await adminApi();
  const markets = await loadForPage(() => api.markets.list());
  const page = SECTION_PAGES.markets;
  return (
    <PageBody>
      <PageHeader title="Markets" description={page.description} />
      <DataTable
        caption="Markets"
        columns={COLUMNS}
        empty={<EmptyState section="markets" title={page.emptyTitle} hint={page.emptyHint} />}
        rows={markets.map((m) => (
          <tr key={m.symbol} data-testid="market-row">
            <th scope="row" className="h-11 px-4 text-left font-normal">
              <span className="font-semibold text-ink">{m.baseAsset}</span>
              <span className="text-ink-faint">/{m.quoteAsset}</span>
              <span className="ml-2 font-mono text-xs text-ink-faint">{m.symbol}</span>
            </th>
            <td className="px-4">
              <MarketStatusBadge status={m.status} />
            </td>
            <td className="px-4 text-right text-ink-muted tabular-nums">
              {m.basePrecision} / {m.quotePrecision}
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
          </tr>
        ))}
      />
    </PageBody>
  );
}
