import { useTranslations } from "next-intl";
import { SectionTabs } from "@/components/section-tabs";

/**
 * The Products section's pages: the savings templates and their instances, the subscriptions
 * traders hold, and the payout runs that pay them; the loan products, the live loans by risk
 * (the loan book) and the loan pools.
 */
const PAGES = [
  { key: "products", href: "/products" },
  { key: "subscriptions", href: "/products/subscriptions" },
  { key: "payouts", href: "/products/payouts" },
  { key: "loans", href: "/products/loans" },
  { key: "loanBook", href: "/products/loan-book" },
  { key: "loanPool", href: "/products/loan-pool" },
] as const;

export type ProductsPage = (typeof PAGES)[number]["key"];

export function ProductsNav({ current }: { current: ProductsPage }) {
  const t = useTranslations("products.nav");
  return (
    <SectionTabs
      label={t("label")}
      current={current}
      tabs={PAGES.map((page) => ({ ...page, label: t(page.key) }))}
    />
  );
}
