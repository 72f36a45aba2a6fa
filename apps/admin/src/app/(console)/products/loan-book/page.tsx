import { formatDecimalText } from "@exchange/ui/i18n";
import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { getTranslations } from "next-intl/server";
import { Suspense } from "react";
import { AmountCell } from "@/components/amount-cell";
import { DataTable } from "@/components/data-table";
import { EmptyState } from "@/components/empty-state";
import { LineDistance, LoanStatusBadge, LtvText } from "@/components/lending/loan-book-parts";
import type { StaffLoan } from "@/components/lending/loan-book-types";
import { PageBody } from "@/components/page-body";
import { PageHeader } from "@/components/page-header";
import { PageLoading } from "@/components/page-loading";
import { ProductsNav } from "@/components/products/products-nav";
import { QueueCount } from "@/components/review/queue-parts";
import { adminApi, loadForPage } from "@/server/admin-api";
import { requireSection } from "@/server/staff-guard";

export async function generateMetadata() {
  const t = await getTranslations("lending.book");
  return { title: t("title") };
}

/** The section's guard first (a refused member gets its 403), then the page as it loads. */
export default async function Route() {
  await requireSection("products", "/products/loan-book");
  return (
    <Suspense fallback={<PageLoading message="lending.book.loading" />}>
      <LoanBookPage />
    </Suspense>
  );
}

async function LoanBookPage() {
  await requireSection("products", "/products/loan-book");
  const api = await adminApi();
  const book = await loadForPage(() => api.lending.loans.list());
  const t = await getTranslations("lending.book");
  return (
    <PageBody>
      <PageHeader
        title={t("title")}
        description={t("description")}
        aside={<QueueCount count={book.total} label={t("count")} testId="loan-book-total" />}
      />
      <ProductsNav current="loanBook" />
      <DataTable
        caption={t("caption")}
        columns={[
          { header: t("borrower") },
          { header: t("product") },
          { header: t("debt"), align: "right" },
          { header: t("ltv"), align: "right" },
          { header: t("toWarning"), align: "right" },
          { header: t("toLiquidation"), align: "right" },
          { header: t("bankruptcy"), align: "right" },
        ]}
        minWidth="min-w-[900px]"
        rows={book.loans.map((loan) => <LoanRow key={loan.id} loan={loan} />)}
        empty={<EmptyState section="products" title={t("emptyTitle")} hint={t("emptyHint")} />}
      />
      {book.total > book.loans.length ? (
        <p className="text-xs text-ink-muted">
          {t("shownOf", { shown: book.loans.length, total: book.total })}
        </p>
      ) : null}
    </PageBody>
  );
}

function LoanRow({ loan }: { loan: StaffLoan }) {
  const t = useTranslations("lending.book");
  const locale = useLocale();
  return (
    <tr data-testid="loan-book-row" data-id={loan.id} data-ltv-ppm={loan.ltvPpm ?? ""}>
      <td className="px-4 py-1.5" title={`${loan.email} (#${loan.userId})`}>
        <Link
          href={`/products/loan-book/${loan.id}`}
          className="block max-w-40 truncate text-brand hover:text-brand-hover max-sm:py-2"
          translate="no"
        >
          {loan.email}
        </Link>
        <span className="mt-0.5 flex items-center gap-2 text-xs text-ink-faint tabular-nums">
          #{loan.userId} <LoanStatusBadge status={loan.status} />
        </span>
        {loan.approvedBelowBankruptcy ? (
          <span className="mt-0.5 block text-[11px] text-warn">{t("approvedBelow")}</span>
        ) : null}
      </td>
      <td className="px-4 py-1.5">
        <span className="block max-w-28 truncate" translate="no">
          {loan.productName}
        </span>
        <span className="block text-xs text-ink-faint">
          {t("pair", { collateral: loan.collateralAsset, loan: loan.loanAsset })}
        </span>
      </td>
      <td className="px-4 py-1.5 text-right whitespace-nowrap tabular-nums">
        <span className="block text-ink">
          {formatDecimalText(loan.debt, locale)}
          <span className="ml-1 text-xs text-ink-faint">{loan.loanAsset}</span>
        </span>
        <span className="block text-xs text-ink-faint" data-testid="loan-collateral">
          {t("against", {
            collateral: `${formatDecimalText(loan.collateral, locale)} ${loan.collateralAsset}`,
          })}
        </span>
      </td>
      <td className="px-4 py-1.5 text-right whitespace-nowrap">
        <LtvText loan={loan} />
        <span className="block text-xs text-ink-faint tabular-nums">
          {loan.indexPrice === null
            ? t("noIndex")
            : t("atIndex", { price: formatDecimalText(loan.indexPrice, locale) })}
        </span>
      </td>
      <td className="px-4 py-1.5 text-right whitespace-nowrap">
        <LineDistance
          price={loan.warningPrice}
          distancePpm={loan.warningDistancePpm}
          asset={loan.loanAsset}
          testId="loan-to-warning"
        />
      </td>
      <td className="px-4 py-1.5 text-right whitespace-nowrap">
        <LineDistance
          price={loan.liquidationPrice}
          distancePpm={loan.liquidationDistancePpm}
          asset={loan.loanAsset}
          testId="loan-to-liquidation"
        />
      </td>
      <AmountCell value={loan.bankruptcyPrice} unit={loan.loanAsset} />
    </tr>
  );
}
