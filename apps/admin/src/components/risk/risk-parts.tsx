import { formatDecimalText } from "@exchange/ui/i18n";
import { useLocale, useTranslations } from "next-intl";

/**
 * A signed amount in a table cell: a gain or money into the fund in the rise colour with a plus,
 * a loss or money out in the fall colour; the digits stay decimal text, never a float.
 */
export function SignedAmountCell({
  value,
  unit,
  testId,
}: {
  value: string;
  unit: string;
  testId?: string;
}) {
  const locale = useLocale();
  const negative = value.startsWith("-");
  const zero = /^-?0(\.0+)?$/.test(value);
  const digits = formatDecimalText(negative ? value.slice(1) : value, locale);
  const tone = zero ? "text-ink" : negative ? "text-down" : "text-up";
  return (
    <td className="px-4 text-right whitespace-nowrap tabular-nums" data-testid={testId}>
      <span className={tone}>
        {zero ? "" : negative ? "−" : "+"}
        {digits}
      </span>
      <span className="ml-1 text-xs text-ink-faint">{unit}</span>
    </td>
  );
}

/** Long or short, in words and colour. */
export function SideBadge({ side }: { side: "long" | "short" | "flat" }) {
  const t = useTranslations("risk.side");
  const tone = side === "long" ? "text-up" : side === "short" ? "text-down" : "text-ink-muted";
  return <span className={`text-xs font-medium ${tone}`}>{t(side)}</span>;
}

/**
 * A margin ratio (maintenance over margin balance) coloured by how near it is to liquidation:
 * from 80 % the fall colour, from 50 % the warning colour.
 */
export function MarginRatioText({ percent, ppm }: { percent: string | null; ppm: number | null }) {
  if (percent === null || ppm === null) return <span className="text-ink-faint">—</span>;
  const tone = ppm >= 800_000 ? "text-down" : ppm >= 500_000 ? "text-warn" : "text-ink";
  return (
    <span className={`font-medium tabular-nums ${tone}`} data-testid="margin-ratio">
      {percent} %
    </span>
  );
}
