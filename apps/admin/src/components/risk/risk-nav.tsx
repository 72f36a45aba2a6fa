import Link from "next/link";
import { useTranslations } from "next-intl";

/**
 * The Futures risk section's pages: contracts and positions by margin ratio, liquidations, the
 * insurance fund, funding history.
 */
const PAGES = [
  { key: "positions", href: "/risk" },
  { key: "liquidations", href: "/risk/liquidations" },
  { key: "insurance", href: "/risk/insurance" },
  { key: "funding", href: "/risk/funding" },
] as const;

export type RiskPage = (typeof PAGES)[number]["key"];

export function RiskNav({ current }: { current: RiskPage }) {
  const t = useTranslations("risk.nav");
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
