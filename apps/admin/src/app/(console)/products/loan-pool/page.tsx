import { getTranslations } from "next-intl/server";
import { Suspense } from "react";
import { InsuranceSection } from "@/components/lending/insurance-section";
import { LoanPoolCards } from "@/components/lending/loan-pool";
import { PoolMoveForm } from "@/components/lending/pool-move-form";
import { PageBody } from "@/components/page-body";
import { PageHeader } from "@/components/page-header";
import { PageLoading } from "@/components/page-loading";
import { ProductsNav } from "@/components/products/products-nav";
import { adminApi, loadForPage } from "@/server/admin-api";
import { requireSection } from "@/server/staff-guard";

export async function generateMetadata() {
  const t = await getTranslations("lending.pool");
  return { title: t("title") };
}

/** The section's guard first (a refused member gets its 403), then the page as it loads. */
export default async function Route() {
  await requireSection("products", "/products/loan-pool");
  return (
    <Suspense fallback={<PageLoading message="lending.pool.loading" />}>
      <LoanPoolPage />
    </Suspense>
  );
}

async function LoanPoolPage() {
  await requireSection("products", "/products/loan-pool");
  const api = await adminApi();
  const [{ pools }, insurance] = await loadForPage(() =>
    Promise.all([api.lending.pool.list(), api.lending.pool.insurance()]),
  );
  const t = await getTranslations("lending.pool");
  return (
    <PageBody>
      <PageHeader title={t("title")} description={t("description")} />
      <ProductsNav current="loanPool" />
      <LoanPoolCards pools={pools} />
      {pools.length > 0 ? <PoolMoveForm assets={pools.map((p) => p.asset)} /> : null}
      <InsuranceSection insurance={insurance} />
    </PageBody>
  );
}
