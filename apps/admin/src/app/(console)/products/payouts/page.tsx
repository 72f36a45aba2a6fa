import type { Metadata } from "next";
import { PageBody } from "@/components/page-body";
import { PageHeader } from "@/components/page-header";
import { PayoutRunsPanel } from "@/components/products/payout-runs-panel";
import { ProductsNav } from "@/components/products/products-nav";
import { SavingsPoolCards } from "@/components/products/savings-pool";
import { adminApi, loadForPage } from "@/server/admin-api";
import { requireSection } from "@/server/staff-guard";

export const metadata: Metadata = { title: "Savings payouts" };

export default async function SavingsPayoutsPage() {
  const staff = await requireSection("products", "/products/payouts");
  const api = await adminApi();
  const { pools } = await loadForPage(() => api.savings.pool());
  // The API allows the products section's roles (OPERATIONS, ADMIN) to run payouts.
  const canRun = staff.roles.includes("OPERATIONS") || staff.roles.includes("ADMIN");
  return (
    <PageBody>
      <PageHeader
        title="Savings payouts"
        description="The savings pool against the principal it holds, and the runs that pay interest and principal."
      />
      <ProductsNav current="payouts" />
      <section aria-label="Savings pool" className="flex flex-col gap-3">
        <h2 className="text-[13px] font-semibold text-ink">Pool per asset</h2>
        <SavingsPoolCards pools={pools} />
      </section>
      <PayoutRunsPanel canRun={canRun} />
    </PageBody>
  );
}
