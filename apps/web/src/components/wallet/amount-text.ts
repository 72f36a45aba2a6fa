import { trimZeros } from "@exchange/contracts/money";
import { formatDecimalText, useDecimalText } from "@exchange/ui/i18n";

/**
 * An asset amount as the API sends it (a decimal string at the asset's precision) as the viewer
 * reads it: trailing zeros dropped, grouped in the locale's way, every significant digit kept.
 */
export function amountText(value: string, locale: string): string {
  return formatDecimalText(trimZeros(value), locale);
}

/** {@link amountText} in the viewer's locale. */
export function useAmountText(): (value: string) => string {
  const decimal = useDecimalText();
  return (value) => decimal(trimZeros(value));
}
