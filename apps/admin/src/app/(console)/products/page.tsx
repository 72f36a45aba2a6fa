import type { SavingsProduct } from "@exchange/contracts/savings";
import type { Metadata } from "next";
import Link from "next/link";
import { AmountCell } from "@/components/amount-cell";
import { DataTable } from "@/components/data-table";
import { EmptyState } from "@/components/empty-state";
import { PageBody } from "@/components/page-body";
import { PageHeader } from "@/components/page-header";
import { GenerateMonth } from "@/components/products/product-actions";
import {
  PAYOUT_PERIOD_LABELS,
  ProductStatusBadge,
  termLabel,
} from "@/components/products/product-badges";
import { ProductForm } from "@/components/products/product-form";
import { ProductsNav } from "@/components/products/products-nav";
import { OpenLinkCell } from "@/components/review/queue-parts";
import { SECTION_PAGES } from "@/lib/section-pages";
import { adminApi, loadForPage } from "@/server/admin-api";
import { requireSection } from "@/server/staff-guard";

export const metadata: Metadata = { title: "Products" };

const COLUMNS = [
  { header: "Product" },
  { header: "Asset" },
  { header: "Annual rate", align: "right" },
  { header: "Term", align: "right" },
  { header: "Interest paid" },
  { header: "Daily quota", align: "right" },
  { header: "Status" },
  { header: "Version", align: "right" },
  { header: "" },
] as const;

export default async function ProductsPage() {
  await requireSection("products", "/products");
  const api = await adminApi();
  const [products, markets] = await loadForPage(() =>
    Promise.all([api.savings.products.list(), api.markets.list()]),
  );
  const assets = [...new Set(markets.flatMap((m) => [m.baseAsset, m.quoteAsset]))].sort();
  const section = SECTION_PAGES.products;
  const nextMonth = new Date();
  nextMonth.setUTCDate(1);
  nextMonth.setUTCMonth(nextMonth.getUTCMonth() + 1);
  return (
    <PageBody>
      <PageHeader
        title="Products"
        description={section.description}
        aside={<GenerateMonth defaultMonth={nextMonth.toISOString().slice(0, 7)} />}
      />
      <ProductsNav current="products" />
      <DataTable
        caption="Savings products"
        columns={COLUMNS}
        rows={products.map((p) => <ProductRow key={p.id} product={p} />)}
        empty={
          <EmptyState section="products" title={section.emptyTitle} hint={section.emptyHint} />
        }
      />
      <details
        className="group rounded-lg border border-line bg-surface"
        open={products.length === 0}
      >
        <summary className="flex h-11 cursor-pointer list-none items-center gap-2 px-4 text-[13px] font-medium text-ink select-none">
          <span
            aria-hidden="true"
            className="text-ink-faint transition-transform group-open:rotate-90"
          >
            ›
          </span>
          New product
        </summary>
        <div className="border-t border-line p-4">
          <ProductForm assets={assets} />
        </div>
      </details>
    </PageBody>
  );
}

function ProductRow({ product: p }: { product: SavingsProduct }) {
  return (
    <tr data-testid="product-row" data-id={p.id}>
      <td className="max-w-64 px-4 py-2">
        <Link
          href={`/products/${p.id}`}
          className="block truncate font-medium text-ink hover:text-brand"
        >
          {p.name}
        </Link>
      </td>
      <td className="px-4 text-ink-muted">{p.asset}</td>
      <td className="px-4 text-right text-ink tabular-nums">{p.annualRatePercent}%</td>
      <td className="px-4 text-right whitespace-nowrap text-ink-muted tabular-nums">
        {termLabel(p.termDays)}
      </td>
      <td className="px-4 text-ink-muted">{PAYOUT_PERIOD_LABELS[p.payoutPeriod]}</td>
      <AmountCell value={p.dailyQuota} unit={p.asset} />
      <td className="px-4">
        <ProductStatusBadge status={p.status} />
      </td>
      <td className="px-4 text-right text-ink-muted tabular-nums">v{p.version}</td>
      <OpenLinkCell href={`/products/${p.id}`}>Open</OpenLinkCell>
    </tr>
  );
}
