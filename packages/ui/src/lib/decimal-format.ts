/**
 * Display helpers for the API's decimal strings. Amounts are never turned into JavaScript
 * numbers (SPEC §3): these work on the digits themselves, so nothing is rounded on the way.
 */

const DECIMAL = /^(-?)(\d+)(?:\.(\d+))?$/;

/** "0.001" → "0.10%": the rate times 100, with at least `minDecimals` decimals. */
export function formatRate(rate: string, minDecimals = 2): string {
  const match = DECIMAL.exec(rate);
  if (!match) return rate;
  const [, sign = "", whole = "0", fraction = ""] = match;
  const shifted = `${whole}${fraction.slice(0, 2).padEnd(2, "0")}`.replace(/^0+(?=\d)/, "");
  const rest = fraction.slice(2).replace(/0+$/, "").padEnd(minDecimals, "0");
  const isZero = /^0*$/.test(shifted + rest);
  return `${isZero ? "" : sign}${shifted}.${rest}%`;
}

/** "1000000" → "1,000,000"; decimals are left as they are. */
export function groupThousands(value: string): string {
  const match = DECIMAL.exec(value);
  if (!match) return value;
  const [, sign = "", whole = "0", fraction] = match;
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${sign}${grouped}${fraction === undefined ? "" : `.${fraction}`}`;
}
