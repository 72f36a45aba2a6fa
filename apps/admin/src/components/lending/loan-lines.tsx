import type { LoanProductWithLines } from "@exchange/contracts/lending";
import { decimal, formatDecimal, rescale, trimZeros } from "@exchange/contracts/money";
import { formatDecimalText } from "@exchange/ui/i18n";
import { useLocale, useTranslations } from "next-intl";

/**
 * An equivalent LTV as staff read it: two decimals, rounded up like the threshold itself
 * (94.1177 % → 94.12 %), so the figure shown is never below the one that acts.
 */
export function ltvText(percent: string): string {
  return trimZeros(formatDecimal(rescale(decimal(percent), 2, "up")));
}

export function LoanProductEnabledBadge({ enabled }: { enabled: boolean }) {
  const t = useTranslations("lending");
  const tone = enabled ? "bg-up/10 text-up ring-up/30" : "bg-warn/10 text-warn ring-warn/30";
  return (
    <span
      data-testid="loan-product-status"
      data-enabled={enabled}
      className={`inline-flex items-center rounded px-1.5 py-0.5 text-[11px] font-medium whitespace-nowrap ring-1 ring-inset ${tone}`}
    >
      {enabled ? t("enabled") : t("disabled")}
    </span>
  );
}

/**
 * Each line of a product as the seed states it (a share of the opening price) beside the LTV it
 * amounts to and its price for a loan opened at the reference price — the numbers the API
 * computed (rounded up), shown as they are.
 */
export function LoanLinesTable({ product }: { product: LoanProductWithLines }) {
  const t = useTranslations("lending");
  const locale = useLocale();
  return (
    <div
      className="overflow-x-auto focus-visible:outline-2 focus-visible:outline-brand"
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling container must take focus to scroll by keyboard
      tabIndex={0}
    >
      <table className="w-full min-w-[300px] border-collapse text-[13px]" data-testid="loan-lines">
        <caption className="sr-only">{t("lines.caption")}</caption>
        <thead>
          <tr className="border-b border-line text-xs text-ink-faint">
            <th scope="col" className="py-2 pr-4 text-left font-medium">
              {t("lines.line")}
            </th>
            <th scope="col" className="px-2 py-2 text-right font-medium">
              {t("lines.ltv")}
            </th>
            <th scope="col" className="py-2 pl-2 text-right font-medium whitespace-nowrap">
              {t("lines.price")}
            </th>
          </tr>
        </thead>
        <tbody>
          {product.lines.map((line) => (
            <tr
              key={line.line}
              data-testid="loan-line"
              data-line={line.line}
              className="border-b border-line last:border-0"
            >
              <th scope="row" className="py-2 pr-2 text-left font-normal text-ink">
                {t(`line.${line.line}`)}
                <span className="block text-xs text-ink-faint tabular-nums">
                  {t("lines.ofOpening", { value: line.linePercent })}
                </span>
              </th>
              <td
                className="px-2 text-right whitespace-nowrap text-ink tabular-nums"
                data-testid="line-ltv"
              >
                {t("percent", { value: ltvText(line.equivalentLtvPercent) })}
              </td>
              <td
                className="pl-2 text-right whitespace-nowrap text-ink tabular-nums"
                data-testid="line-price"
              >
                {line.price === null
                  ? "—"
                  : `${formatDecimalText(line.price, locale)} ${product.loanAsset}`}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The three lines in one cell of the products list: "94.1177 % · 25,500" per line. */
export function LoanLinesCell({ product }: { product: LoanProductWithLines }) {
  const t = useTranslations("lending");
  const locale = useLocale();
  return (
    <td className="px-4 py-2 text-xs text-ink-muted tabular-nums">
      {product.lines.map((line) => (
        <span key={line.line} className="block whitespace-nowrap" data-line={line.line}>
          <span className="text-ink-faint">{t("percent", { value: line.linePercent })}</span>{" "}
          {t("percent", { value: ltvText(line.equivalentLtvPercent) })}
          {" · "}
          {line.price === null ? t("list.noPrice") : formatDecimalText(line.price, locale)}
        </span>
      ))}
    </td>
  );
}
