import { decimal, formatDecimal, multiply, quotient } from "@exchange/contracts/money";

/**
 * Binance writes every price and quantity with 8 decimals ("0.01000000", "50000.00000000"), and
 * clients compare strings that way, so we do too. A value with more significant decimals (an
 * 18-decimal token's amount, an exact product) keeps all of them: formatting never cuts a
 * digit, so no amount shown differs from the one the engine holds.
 */
export const BINANCE_DECIMALS = 8;

const ZERO = "0.00000000";

/** A plain decimal as the contracts' encoders write it: digits, an optional point and digits. */
const WIRE_DECIMAL = /^-?\d+(?:\.\d+)?$/;

/**
 * A wire decimal ("0.01", "50000", "-1.5") in Binance's form; null (no value yet) is zero.
 * Text only (a book of a thousand levels is two thousand of these per answer): the fraction's
 * trailing zeros are dropped and it is padded to 8, so the value is unchanged.
 */
export function binanceDecimal(text: string | null): string {
  if (text === null) return ZERO;
  if (!WIRE_DECIMAL.test(text)) throw new RangeError(`not a decimal: ${JSON.stringify(text)}`);
  const point = text.indexOf(".");
  const whole = point < 0 ? text : text.slice(0, point);
  const fraction = point < 0 ? "" : text.slice(point + 1).replace(/0+$/, "");
  return `${whole}.${fraction.padEnd(BINANCE_DECIMALS, "0")}`;
}

/** price × quantity, exact (a trade's quote quantity), in Binance's form. */
export function binanceProduct(price: string, quantity: string): string {
  return binanceDecimal(formatDecimal(multiply(decimal(price), decimal(quantity))));
}

/**
 * numerator ÷ denominator to 8 decimals, rounded down (a volume-weighted average price, shown
 * only, never charged); zero when the denominator is zero (no volume).
 */
export function binanceRatio(numerator: string, denominator: string): string {
  const d = decimal(denominator);
  if (d.units === 0n) return ZERO;
  return binanceDecimal(formatDecimal(quotient(decimal(numerator), d, BINANCE_DECIMALS, "down")));
}
