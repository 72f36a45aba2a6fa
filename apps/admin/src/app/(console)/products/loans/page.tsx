import type { LoanProductWithLines } from "@exchange/contracts/lending";
import { formatDecimalText } from "@exchange/ui/i18n";
import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { getTranslations } from "next-intl/server";
import { Suspense } from "react";
import { DataTable } from "@/components/data-table";
import { EmptyState } from "@/components/empty-state";
import { LoanLinesCell, LoanProductEnabledBadge } from "@/components/lending/loan-lines";
import { LoanProductForm } from "@/components/lending/loan-product-form";
import { PageBody } from "@/components/page-body";
import { PageHeader } from "@/components/page-header";
import { PageLoading } from "@/components/page-loading";
import { ProductsNav } from "@/components/products/products-nav";
import { OpenLinkCell } from "@/components/review/queue-parts";
import { adminApi, loadForPage } from "@/server/admin-api";
import { requireSection } from "@/server/staff-guard";

export async function generateMetadata() {
  const t = await getTranslations("lending");
  return { title: t("title") };
}

/** The section's guard first (a refused member gets its 403), then the page as it loads. */
export default async function Route() {
  await requireSection("products", "/products/loans");
  return (
    <Suspense fallback={<PageLoading message="lending.loading" />}>
      <LoanProductsPage />
    </Suspense>
  );
}

async function LoanProductsPage() {
  await requireSection("products", "/products/loans");
  const api = await adminApi();
  const [products, markets] = await loadForPage(() =>
    Promise.all([api.lending.products.list(), api.markets.list()]),
  );
  const assets = [...new Set(markets.flatMap((m) => [m.baseAsset, m.quoteAsset]))].sort();
  const t = await getTranslations("lending");
  return (
    <PageBody>
      <PageHeader title={t("title")} description={t("description")} />
      <ProductsNav current="loans" />
      <DataTable
        caption={t("list.caption")}
        columns={[
          { header: t("list.product") },
          { header: t("list.pair") },
          { header: t("list.initialLtv"), align: "right" },
          { header: t("list.lines") },
          { header: t("list.interest") },
          { header: t("list.term") },
          { header: t("list.status") },
          { header: t("list.version"), align: "right" },
          { header: "" },
        ]}
        minWidth="min-w-[980px]"
        rows={products.map((p) => <LoanProductRow key={p.id} product={p} />)}
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
          <LoanProductForm assets={assets} />
        </div>
      </details>
    </PageBody>
  );
}

function LoanProductRow({ product: p }: { product: LoanProductWithLines }) {
  const t = useTranslations("lending");
  const locale = useLocale();
  const href = `/products/loans/${p.id}`;
  return (
    <tr data-testid="loan-product-row" data-id={p.id} className="align-top">
      <td className="max-w-56 px-4 py-2">
        <Link
          href={href}
          className="block truncate font-medium text-ink hover:text-brand"
          translate="no"
        >
          {p.name}
        </Link>
        {p.referencePrice === null ? null : (
          <span className="block text-xs text-ink-faint tabular-nums">
            @ {formatDecimalText(p.referencePrice, locale)} {p.loanAsset}
          </span>
        )}
      </td>
      <td className="px-4 py-2 whitespace-nowrap text-ink-muted">
        {t("pair", { collateral: p.collateralAsset, loan: p.loanAsset })}
      </td>
      <td className="px-4 py-2 text-right text-ink tabular-nums">
        {t("percent", { value: p.initialLtvPercent })}
      </td>
      <LoanLinesCell product={p} />
      <td className="px-4 py-2 whitespace-nowrap text-ink-muted tabular-nums">
        {t(`ratePer.${p.interestPeriod}`, { rate: p.ratePercent })}
      </td>
      <td className="px-4 py-2 whitespace-nowrap text-ink-muted">
        {p.termDays === null ? t("openEnded") : t("termDays", { days: p.termDays })}
      </td>
      <td className="px-4 py-2">
        <LoanProductEnabledBadge enabled={p.enabled} />
      </td>
      <td className="px-4 py-2 text-right text-ink-muted tabular-nums">
        {t("version", { version: p.version })}
      </td>
      <OpenLinkCell href={href}>{t("list.open")}</OpenLinkCell>
    </tr>
  );
}
