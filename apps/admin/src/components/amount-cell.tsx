"use client";

import { useDecimalText } from "@exchange/ui/i18n";
import { padDecimals } from "@/lib/decimal-display";

/**
 * A right-aligned decimal with its unit, digits lined up (tabular numerals), grouped in the
 * viewer's locale. With `decimals` (the asset's precision) it shows that many places, so a
 * column of one asset lines up; a value with more places than that keeps every one of them.
 */
export function AmountCell({
  value,
  unit,
  decimals,
}: {
  value: string;
  unit?: string;
  decimals?: number;
}) {
  const decimalText = useDecimalText();
  const shown = decimals === undefined ? value : padDecimals(value, decimals);
  return (
    <td className="px-4 text-right whitespace-nowrap tabular-nums">
      <span className="text-ink">{decimalText(shown)}</span>
      {unit ? <span className="ml-1 text-xs text-ink-faint">{unit}</span> : null}
    </td>
  );
}
