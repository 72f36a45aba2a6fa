/**
 * Decimal text (as the money module writes it: trailing zeros trimmed) shown with at least
 * `decimals` places: "2500" at 6 → "2500.000000". Only zeros are added, never a digit taken
 * away, so a value with more places than asked keeps all of them and is never rounded here.
 * Text that is not a plain decimal is returned as it is.
 */
export function padDecimals(value: string, decimals: number): string {
  const match = /^(-?\d+)(?:\.(\d+))?$/.exec(value);
  if (!match || decimals <= 0) return value;
  const [, whole = "0", fraction = ""] = match;
  return fraction.length >= decimals ? value : `${whole}.${fraction.padEnd(decimals, "0")}`;
}
