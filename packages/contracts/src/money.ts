/**
 * Exact arithmetic on the API's decimal strings, for what the order form works out in the
 * browser: a percentage of a balance, a quantity rounded down to the lot, an order's value and
 * its fee. A value is an integer (`bigint`) and a count of decimal places; nothing passes
 * through a JavaScript `number`, so nothing is rounded that we did not round on purpose
 * (SPEC §3). Rounding is always explicit and named.
 */

/** `units / 10^scale`. */
export interface Decimal {
  readonly units: bigint;
  readonly scale: number;
}

/** Digits with an optional point: "12", "12.5", ".5", "12." (what a trader types mid-way). */
const DECIMAL_TEXT = /^(-?)(\d*)(?:\.(\d*))?$/;

/** The value of `text`, or null when it is not a plain decimal number. */
export function parseDecimal(text: string): Decimal | null {
  const match = DECIMAL_TEXT.exec(text.trim());
  if (!match) return null;
  const [, sign = "", whole = "", fraction = ""] = match;
  if (whole === "" && fraction === "") return null;
  const units = BigInt(`${whole || "0"}${fraction}`);
  return { units: sign === "-" ? -units : units, scale: fraction.length };
}

/** Like `parseDecimal`, for values that come from the API and must be well formed. */
export function decimal(text: string): Decimal {
  const value = parseDecimal(text);
  if (!value) throw new Error(`not a decimal: ${JSON.stringify(text)}`);
  return value;
}

const pow10 = (n: number): bigint => 10n ** BigInt(n);

/** The same value with `scale` decimals (only ever adds places: no rounding). */
function widen(value: Decimal, scale: number): bigint {
  return value.units * pow10(scale - value.scale);
}

export type Rounding = "down" | "up";

/** Integer division rounded toward -infinity ("down") or +infinity ("up"). */
function divide(numerator: bigint, denominator: bigint, rounding: Rounding): bigint {
  if (denominator === 0n) throw new RangeError("division by zero");
  const negative = numerator < 0n !== denominator < 0n;
  const n = numerator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;
  const quotient = n / d;
  const inexact = quotient * d !== n;
  const magnitude =
    inexact && ((rounding === "up" && !negative) || (rounding === "down" && negative))
      ? quotient + 1n
      : quotient;
  return negative ? -magnitude : magnitude;
}

/** `value` with exactly `scale` decimals, rounded as asked when places are dropped. */
export function rescale(value: Decimal, scale: number, rounding: Rounding): Decimal {
  if (scale >= value.scale) return { units: widen(value, scale), scale };
  return { units: divide(value.units, pow10(value.scale - scale), rounding), scale };
}

export function add(a: Decimal, b: Decimal): Decimal {
  const scale = Math.max(a.scale, b.scale);
  return { units: widen(a, scale) + widen(b, scale), scale };
}

export function subtract(a: Decimal, b: Decimal): Decimal {
  return add(a, { units: -b.units, scale: b.scale });
}

/** The exact product (its scale is the sum of both scales). */
export function multiply(a: Decimal, b: Decimal): Decimal {
  return { units: a.units * b.units, scale: a.scale + b.scale };
}

/** `a / b` with `scale` decimals, rounded as asked. */
export function quotient(a: Decimal, b: Decimal, scale: number, rounding: Rounding): Decimal {
  // a/b = (a.units / 10^a.scale) / (b.units / 10^b.scale); bring both to an integer ratio.
  const numerator = a.units * pow10(b.scale + scale);
  const denominator = b.units * pow10(a.scale);
  return { units: divide(numerator, denominator, rounding), scale };
}

/** -1, 0 or 1, as `a` is below, equal to or above `b`. */
export function compare(a: Decimal, b: Decimal): -1 | 0 | 1 {
  const scale = Math.max(a.scale, b.scale);
  const difference = widen(a, scale) - widen(b, scale);
  return difference < 0n ? -1 : difference > 0n ? 1 : 0;
}

export const isPositive = (value: Decimal): boolean => value.units > 0n;

/** The largest multiple of `step` that is not above `value`: a quantity down to the lot size. */
export function floorToStep(value: Decimal, step: Decimal): Decimal {
  if (step.units <= 0n) throw new RangeError("step must be positive");
  const scale = Math.max(value.scale, step.scale);
  const steps = divide(widen(value, scale), widen(step, scale), "down");
  return rescale({ units: steps * widen(step, scale), scale }, step.scale, "down");
}

/** `percent` % of `value` (a whole percentage, as on the form's 25/50/75/100 buttons). */
export function percentOf(value: Decimal, percent: number): Decimal {
  if (!Number.isInteger(percent)) throw new RangeError("percent must be a whole number");
  return { units: value.units * BigInt(percent), scale: value.scale + 2 };
}

/** Decimal places of a step such as a price tick or a lot size: "0.001" → 3, "10" → 0. */
export function decimalsOf(step: string): number {
  const trimmed = step.includes(".") ? step.replace(/0+$/, "") : step;
  const point = trimmed.indexOf(".");
  return point < 0 ? 0 : trimmed.length - point - 1;
}

/** Plain text with exactly `value.scale` decimals: { 12345n, 2 } → "123.45". */
export function formatDecimal(value: Decimal): string {
  const negative = value.units < 0n;
  const digits = (negative ? -value.units : value.units).toString().padStart(value.scale + 1, "0");
  const whole = digits.slice(0, digits.length - value.scale);
  const fraction = digits.slice(digits.length - value.scale);
  return `${negative ? "-" : ""}${whole}${value.scale > 0 ? `.${fraction}` : ""}`;
}

/** Drops trailing zeros after the point: "1.50000" → "1.5", "2.000" → "2". */
export function trimZeros(text: string): string {
  return text.includes(".") ? text.replace(/0+$/, "").replace(/\.$/, "") : text;
}

/** `text` shown with exactly `decimals` places, cut (never rounded up) when it has more. */
export function toFixedDown(text: string, decimals: number): string {
  const value = parseDecimal(text);
  return value ? formatDecimal(rescale(value, decimals, "down")) : text;
}
