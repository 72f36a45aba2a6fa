import Link from "next/link";
import { useTranslations } from "next-intl";

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
    <nav aria-label={t("label")} className="border-b border-line">
      <ul className="-mb-px flex gap-1 overflow-x-auto">
        {PAGES.map((page) => {
          const active = page.key === current;
          return (
            <li key={page.key}>
              <Link
                href={page.href}
                aria-current={active ? "page" : undefined}
                className={`inline-flex h-10 items-center border-b-2 px-3 text-[13px] font-medium whitespace-nowrap transition-colors ${
                  active
                    ? "border-brand text-ink"
                    : "border-transparent text-ink-muted hover:border-line-strong hover:text-ink"
                }`}
              >
                {t(page.key)}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
