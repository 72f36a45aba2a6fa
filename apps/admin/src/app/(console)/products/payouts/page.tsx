import { getTranslations } from "next-intl/server";
import { Suspense } from "react";
import { PageBody } from "@/components/page-body";
import { PageHeader } from "@/components/page-header";
import { PageLoading } from "@/components/page-loading";
import { PayoutRunsPanel } from "@/components/products/payout-runs-panel";
import { ProductsNav } from "@/components/products/products-nav";
import { SavingsPoolCards } from "@/components/products/savings-pool";
import { adminApi, loadForPage } from "@/server/admin-api";
import { requireSection } from "@/server/staff-guard";

export async function generateMetadata() {
  const t = await getTranslations("products.payouts");
  return { title: t("title") };
}

/** The section's guard first (a refused member gets its 403), then the page as it loads. */
export default async function Route() {
  await requireSection("products", "/products/payouts");
  return (
    <Suspense fallback={<PageLoading message="products.payouts.loading" />}>
      <SavingsPayoutsPage />
    </Suspense>
  );
}

async function SavingsPayoutsPage() {
  const staff = await requireSection("products", "/products/payouts");
  const api = await adminApi();
  const { pools } = await loadForPage(() => api.savings.pool());
  // The API allows the products section's roles (OPERATIONS, ADMIN) to run payouts.
  const canRun = staff.roles.includes("OPERATIONS") || staff.roles.includes("ADMIN");
  const t = await getTranslations("products.payouts");
  return (
    <PageBody>
      <PageHeader title={t("title")} description={t("description")} />
      <ProductsNav current="payouts" />
      <section aria-label={t("pool")} className="flex flex-col gap-3">
        <h2 className="text-[13px] font-semibold text-ink">{t("poolHeading")}</h2>
        <SavingsPoolCards pools={pools} />
      </section>
      <PayoutRunsPanel canRun={canRun} />
    </PageBody>
  );
}
