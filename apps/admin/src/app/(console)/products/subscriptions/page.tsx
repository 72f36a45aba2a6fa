import {
  SAVINGS_SUBSCRIPTION_STATUSES,
  type SavingsSubscriptionStatus,
} from "@exchange/contracts/savings";
import { DateTime, formatDecimalText, timeZoneLabel } from "@exchange/ui/i18n";
import Link from "next/link";
import { getLocale, getTimeZone, getTranslations } from "next-intl/server";
import { Suspense } from "react";
import { AmountCell } from "@/components/amount-cell";
import { DataTable } from "@/components/data-table";
import { EmptyState } from "@/components/empty-state";
import { FilterBar, FilterInput, FilterSelect } from "@/components/filter-bar";
import { PageBody } from "@/components/page-body";
import { PageHeader } from "@/components/page-header";
import { PageLoading } from "@/components/page-loading";
import { Pager } from "@/components/pager";
import { ProductsNav } from "@/components/products/products-nav";
import { SubscriptionStatusBadge } from "@/components/products/savings-badges";
import { QueueCount } from "@/components/review/queue-parts";
import { hrefWith, pageParam, paramOf, type SearchParams } from "@/lib/search-params";
import { adminApi, loadForPage } from "@/server/admin-api";
import { requireSection } from "@/server/staff-guard";

export async function generateMetadata() {
  const t = await getTranslations("products.subscriptions");
  return { title: t("title") };
}

const PAGE_SIZE = 50;

function filtersOf(params: SearchParams) {
  const status = paramOf(params, "status").toUpperCase();
  const product = paramOf(params, "product");
  return {
    status: (SAVINGS_SUBSCRIPTION_STATUSES.includes(status as SavingsSubscriptionStatus)
      ? status
      : "") as SavingsSubscriptionStatus | "",
    product: /^[1-9]\d{0,8}$/.test(product) ? product : "",
    email: paramOf(params, "email").slice(0, 254),
    page: pageParam(params),
  };
}

/** The section's guard first (a refused member gets its 403), then the page as it loads. */
export default async function Route(props: { searchParams: Promise<SearchParams> }) {
  await requireSection("products", "/products/subscriptions");
  return (
    <Suspense fallback={<PageLoading message="products.subscriptions.loading" />}>
      <SavingsSubscriptionsPage {...props} />
    </Suspense>
  );
}

async function SavingsSubscriptionsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requireSection("products", "/products/subscriptions");
  const filters = filtersOf(await searchParams);
  const api = await adminApi();
  const page = await loadForPage(() =>
    api.savings.subscriptions.list({
      status: filters.status || undefined,
      productId: filters.product ? Number(filters.product) : undefined,
      email: filters.email || undefined,
      offset: (filters.page - 1) * PAGE_SIZE,
      limit: PAGE_SIZE,
    }),
  );
  const t = await getTranslations("products.subscriptions");
  const locale = await getLocale();
  const zone = timeZoneLabel(await getTimeZone(), locale);
  const amount = (value: string) => formatDecimalText(value, locale);
  const hrefOf = (p: number) =>
    hrefWith("/products/subscriptions", {
      status: filters.status,
      product: filters.product,
      email: filters.email,
      page: p > 1 ? p : undefined,
    });
  return (
    <PageBody>
      <PageHeader
        title={t("title")}
        description={t("description")}
        aside={<QueueCount count={page.total} label={t("count")} testId="subscriptions-total" />}
      />
      <ProductsNav current="subscriptions" />
      <FilterBar action="/products/subscriptions" label={t("filters")}>
        <FilterSelect
          label={t("status")}
          name="status"
          value={filters.status}
          options={[
            { value: "", label: t("allStatuses") },
            ...SAVINGS_SUBSCRIPTION_STATUSES.map((s) => ({
              value: s,
              label: t(`statusName.${s}`),
            })),
          ]}
        />
        <FilterInput label={t("productId")} name="product" value={filters.product} width="w-28" />
        <FilterInput
          label={t("email")}
          name="email"
          type="search"
          value={filters.email}
          placeholder={t("emailPlaceholder")}
          width="w-56"
        />
      </FilterBar>
      <DataTable
        caption={t("caption")}
        columns={[
          { header: t("subscribed", { zone }) },
          { header: t("trader") },
          { header: t("productAndRate") },
          { header: t("amount"), align: "right" },
          { header: t("matures") },
          { header: t("interestPaid"), align: "right" },
          { header: t("status") },
        ]}
        minWidth="min-w-[820px]"
        rows={page.subscriptions.map((s) => (
          <tr key={s.id} data-testid="subscription-row" data-status={s.status}>
            <td className="h-10 px-4 whitespace-nowrap text-ink-muted tabular-nums">
              <Link
                href={`/products/subscriptions/${s.id}`}
                className="text-brand hover:text-brand-hover max-sm:inline-block max-sm:py-3"
              >
                <DateTime at={s.createdAt} format="dateTimeBare" />
              </Link>
            </td>
            <td className="px-4" title={`${s.email} (#${s.userId})`}>
              <span className="block max-w-40 truncate">{s.email}</span>
            </td>
            <td className="px-4 py-1.5">
              <span className="block max-w-40 break-words">{s.productName}</span>
              <span className="block text-xs text-ink-faint tabular-nums">
                {s.annualRatePercent}%
              </span>
            </td>
            <AmountCell value={s.amount} unit={s.asset} />
            <td className="px-4 whitespace-nowrap text-ink-muted tabular-nums">{s.maturityDate}</td>
            <td className="px-4 py-1.5 text-right whitespace-nowrap tabular-nums">
              <span className="block">{amount(s.interestPaid)}</span>
              <span className="block text-xs text-ink-faint">
                {t("of", { amount: amount(s.interestScheduled) })}
              </span>
            </td>
            <td className="px-4">
              <SubscriptionStatusBadge status={s.status} />
            </td>
          </tr>
        ))}
        empty={<EmptyState section="products" title={t("emptyTitle")} hint={t("emptyHint")} />}
      />
      <Pager
        page={filters.page}
        pageSize={PAGE_SIZE}
        total={page.total}
        hrefOf={hrefOf}
        label={t("pager")}
      />
    </PageBody>
  );
}
