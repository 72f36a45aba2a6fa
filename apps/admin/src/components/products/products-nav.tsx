import Link from "next/link";

/**
 * The Products section's pages: the templates and their instances, the subscriptions traders
 * hold, and the payout runs that pay them.
 */
const PAGES = [
  { key: "products", href: "/products", label: "Products" },
  { key: "subscriptions", href: "/products/subscriptions", label: "Subscriptions" },
  { key: "payouts", href: "/products/payouts", label: "Payout runs" },
] as const;

export type ProductsPage = (typeof PAGES)[number]["key"];

export function ProductsNav({ current }: { current: ProductsPage }) {
  return (
    <nav aria-label="Products section" className="border-b border-line">
      <ul className="-mb-px flex gap-1 overflow-x-auto">
        {PAGES.map((page) => {
          const active = page.key === current;
          return (
            <li key={page.key}>
              <Link
                href={page.href}
                aria-current={active ? "page" : undefined}
                className={`inline-flex h-9 items-center border-b-2 px-3 text-[13px] font-medium whitespace-nowrap transition-colors ${
                  active
                    ? "border-brand text-ink"
                    : "border-transparent text-ink-muted hover:border-line-strong hover:text-ink"
                }`}
              >
                {page.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
