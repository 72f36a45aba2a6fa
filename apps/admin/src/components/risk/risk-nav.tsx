import { useTranslations } from "next-intl";
import { SectionTabs } from "@/components/section-tabs";

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
    <SectionTabs
      label={t("label")}
      current={current}
      tabs={PAGES.map((page) => ({ ...page, label: t(page.key) }))}
    />
  );
}
