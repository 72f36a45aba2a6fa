import type { SavingsProduct } from "@exchange/contracts/savings";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { getTranslations } from "next-intl/server";
import { Suspense } from "react";
import { AmountCell } from "@/components/amount-cell";
import { DataTable } from "@/components/data-table";
import { EmptyState } from "@/components/empty-state";
import { PageBody } from "@/components/page-body";
import { PageHeader } from "@/components/page-header";
import { PageLoading } from "@/components/page-loading";
import { GenerateMonth } from "@/components/products/product-actions";
import { ProductStatusBadge } from "@/components/products/product-badges";
import { ProductForm } from "@/components/products/product-form";
import { ProductsNav } from "@/components/products/products-nav";
import { OpenLinkCell } from "@/components/review/queue-parts";
import { adminApi, loadForPage } from "@/server/admin-api";
import { requireSection } from "@/server/staff-guard";

export async function generateMetadata() {
  const t = await getTranslations("products");
  return { title: t("title") };
}

/** The section's guard first (a refused member gets its 403), then the page as it loads. */
export default async function Route() {
  await requireSection("products", "/products");
  return (
    <Suspense fallback={<PageLoading message="products.loading" />}>
      <ProductsPage />
    </Suspense>
  );
}

async function ProductsPage() {
  await requireSection("products", "/products");
  const api = await adminApi();
  const [products, markets] = await loadForPage(() =>
    Promise.all([api.savings.products.list(), api.markets.list()]),
  );
  const assets = [...new Set(markets.flatMap((m) => [m.baseAsset, m.quoteAsset]))].sort();
  const t = await getTranslations("products");
  const nextMonth = new Date();
  nextMonth.setUTCDate(1);
  nextMonth.setUTCMonth(nextMonth.getUTCMonth() + 1);
  return (
    <PageBody>
      <PageHeader
        title={t("title")}
        description={t("description")}
        aside={<GenerateMonth defaultMonth={nextMonth.toISOString().slice(0, 7)} />}
      />
      <ProductsNav current="products" />
      <DataTable
        caption={t("list.caption")}
        columns={[
          { header: t("list.product") },
          { header: t("list.asset") },
          { header: t("list.annualRate"), align: "right" },
          { header: t("list.term"), align: "right" },
          { header: t("list.interestPaid") },
          { header: t("list.dailyQuota"), align: "right" },
          { header: t("list.status") },
          { header: t("list.version"), align: "right" },
          { header: "" },
        ]}
        rows={products.map((p) => <ProductRow key={p.id} product={p} />)}
        empty={<EmptyState section="products" title={t("emptyTitle")} hint={t("emptyHint")} />}
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
          {t("list.newProduct")}
        </summary>
        <div className="border-t border-line p-4">
          <ProductForm assets={assets} />
        </div>
      </details>
    </PageBody>
  );
}

function ProductRow({ product: p }: { product: SavingsProduct }) {
  const t = useTranslations("products");
  return (
    <tr data-testid="product-row" data-id={p.id}>
      <td className="max-w-64 px-4 py-2">
        <Link
          href={`/products/${p.id}`}
          className="block truncate font-medium text-ink hover:text-brand max-sm:py-3"
        >
          {p.name}
        </Link>
      </td>
      <td className="px-4 text-ink-muted">{p.asset}</td>
      <td className="px-4 text-right text-ink tabular-nums">
        {t("rate", { rate: p.annualRatePercent })}
      </td>
      <td className="px-4 text-right whitespace-nowrap text-ink-muted tabular-nums">
        {t("term", { days: p.termDays })}
      </td>
      <td className="px-4 text-ink-muted">{t(`period.${p.payoutPeriod}`)}</td>
      <AmountCell value={p.dailyQuota} unit={p.asset} />
      <td className="px-4">
        <ProductStatusBadge status={p.status} />
      </td>
      <td className="px-4 text-right text-ink-muted tabular-nums">
        {t("version", { version: p.version })}
      </td>
      <OpenLinkCell href={`/products/${p.id}`}>{t("list.open")}</OpenLinkCell>
    </tr>
  );
}
