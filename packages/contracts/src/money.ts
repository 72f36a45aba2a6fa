/**
 * Money at the edges, in one module: decimal text ↔ integer units, arithmetic on decimal
 * values, market units (ticks, lots, atoms) and display. Nothing passes through a JavaScript
 * `number` (SPEC §3), so nothing is rounded that we did not round on purpose, and every
 * rounding is named ({@link Rounding}).
 *
 * The strict parse and format of units are the core's (packages/core/src/units.ts, which the
 * engine's reference data uses too); they are re-exported here so that everything else imports
 * money from one place. Browser-safe: no Prisma, no Node.
 */
import {
  formatFixed,
  formatSteps,
  formatUnits,
  parseSteps,
  parseUnits,
  UnitsError,
} from "@exchange/core";

export {
  formatSteps,
  formatUnits,
  MAX_DECIMAL_LENGTH,
  MAX_PRECISION,
  parseSteps,
  parseUnits,
  UnitsError,
  type UnitsRule,
} from "@exchange/core";

// ── Stored decimals ────────────────────────────────────────────────────────────────────────────

/** A stored NUMERIC as the database client hands it over (Prisma.Decimal has this shape). */
export interface StoredDecimal {
  toFixed(): string;
}

/**
 * A stored NUMERIC as the decimal string the wire carries. Plain notation, never exponent form,
 * no trailing zeros: "0.00001", not "1e-5" or "0.000010000000000000".
 */
export function decimalText(value: StoredDecimal): string {
  return value.toFixed();
}

/**
 * Units of a stored decimal's text (`value.toFixed()`): a NUMERIC(40,0) count of ticks, lots or
 * atoms with `decimals` = 0, or an amount in an asset's atoms. Exact or it throws
 * {@link UnitsError}: a stored amount with more places than its asset is a bug, not a rounding.
 * Signed, as ledger postings are.
 */
export function decimalToUnits(text: string, decimals = 0): bigint {
  return text.startsWith("-") ? -parseUnits(text.slice(1), decimals) : parseUnits(text, decimals);
}

/**
 * A stored NUMERIC(40,0) of engine units (ticks, lots, atoms) as the bigint it is: `toFixed()`
 * gives every digit exactly. Repositories convert once, here.
 */
export function storedUnits(value: StoredDecimal): bigint {
  return decimalToUnits(value.toFixed());
}

// ── Amounts typed by users ─────────────────────────────────────────────────────────────────────

/** Why an amount typed by a user is not an amount of the asset. */
export type AmountProblem = "format" | "not_positive" | "too_many_decimals";

/**
 * The typed amount in atoms of an asset with `precision` decimals, or why not. Trailing zeros
 * beyond the precision are fine ("1.500000000"); a non-zero digit beyond it is refused, never
 * rounded away.
 */
export function parseAmount(
  text: string,
  precision: number,
): { atoms: bigint } | { problem: AmountProblem } {
  const value = /^\d*\.?\d*$/.test(text) ? parseDecimal(text) : null;
  if (value === null) return { problem: text.startsWith("-") ? "not_positive" : "format" };
  const down = toUnits(value, precision, "down");
  if (down !== toUnits(value, precision, "up")) return { problem: "too_many_decimals" };
  if (down <= 0n) return { problem: "not_positive" };
  return { atoms: down };
}

/** What to tell a user about an {@link AmountProblem} of an amount of `asset`. */
export function amountProblemMessage(
  problem: AmountProblem,
  asset: string,
  precision: number,
): string {
  switch (problem) {
    case "format":
      return "Enter the amount as a number, like 12.5.";
    case "not_positive":
      return "Enter an amount above zero.";
    case "too_many_decimals":
      return `${asset} takes at most ${precision} decimals.`;
  }
}

// ── Decimal values and their arithmetic ───────────────────────────────────────────────────────

/** `units / 10^scale`. */
export interface Decimal {
  readonly units: bigint;
  readonly scale: number;
}

/**
 * How a result with fewer places than exact is rounded:
 * - `"down"`: toward −∞ (a quantity or an amount to spend: never more than the trader has);
 * - `"up"`: toward +∞ (a fee: never less than the engine charges).
 */
export type Rounding = "down" | "up";

/** Digits with an optional point: "12", "12.5", ".5", "12." (what a trader types mid-way). */
const DECIMAL_TEXT = /^(-?)(\d*)(?:\.(\d*))?$/;

/**
 * The value of `text`, or null when it is not a plain decimal number. Lenient on the shape a
 * trader types mid-way (".5", "12.", a minus, spaces around) and exact on the digits, which the
 * core's parser reads: at most {@link MAX_PRECISION} decimals and 80 characters, else null.
 */
export function parseDecimal(text: string): Decimal | null {
  const match = DECIMAL_TEXT.exec(text.trim());
  if (!match) return null;
  const [, sign = "", whole = "", fraction = ""] = match;
  if (whole === "" && fraction === "") return null;
  try {
    const plain = fraction === "" ? whole : `${whole || "0"}.${fraction}`;
    const units = parseUnits(plain, fraction.length);
    return { units: sign === "-" ? -units : units, scale: fraction.length };
  } catch (error) {
    if (error instanceof UnitsError) return null;
    throw error;
  }
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

/** Integer division rounded toward −∞ ("down") or +∞ ("up"). */
export function divide(numerator: bigint, denominator: bigint, rounding: Rounding): bigint {
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

/** `value` in atoms of an asset with `decimals` places, rounded as asked. */
export function toUnits(value: Decimal, decimals: number, rounding: Rounding): bigint {
  return rescale(value, decimals, rounding).units;
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
  return formatFixed(value.units, value.scale);
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

// ── Display ───────────────────────────────────────────────────────────────────────────────────

/** A well-formed signed decimal string, as the API sends them. */
const WIRE_DECIMAL = /^(-?)(\d+)(?:\.(\d+))?$/;

/** "0.001" → "0.10%": the rate times 100, with at least `minDecimals` decimals. */
export function formatRate(rate: string, minDecimals = 2): string {
  const match = WIRE_DECIMAL.exec(rate);
  if (!match) return rate;
  const [, sign = "", whole = "0", fraction = ""] = match;
  const shifted = `${whole}${fraction.slice(0, 2).padEnd(2, "0")}`.replace(/^0+(?=\d)/, "");
  const rest = fraction.slice(2).replace(/0+$/, "").padEnd(minDecimals, "0");
  const isZero = /^0*$/.test(shifted + rest);
  return `${isZero ? "" : sign}${shifted}.${rest}%`;
}

/** "1000000" → "1,000,000"; decimals are left as they are. */
export function groupThousands(value: string): string {
  const match = WIRE_DECIMAL.exec(value);
  if (!match) return value;
  const [, sign = "", whole = "0", fraction] = match;
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${sign}${grouped}${fraction === undefined ? "" : `.${fraction}`}`;
}

// ── Market units ──────────────────────────────────────────────────────────────────────────────

/** What it takes to translate one market's integer units to decimals and back. */
export interface MarketScale {
  symbol: string;
  base: string;
  quote: string;
  basePrecision: number;
  quotePrecision: number;
  /** Price step in quote atoms. */
  tickSizeAtoms: bigint;
  /** Quantity step in base atoms. */
  lotSizeAtoms: bigint;
}

/**
 * The edge translation between the engine's integers and the decimal strings of the API, the
 * WebSocket feed and the UI (dYdX's protocol-translations): prices in ticks, quantities in lots,
 * amounts in atoms. Parsing never rounds: a price off the tick or an amount with too many
 * decimals throws core's UnitsError naming the rule it broke.
 */
export class MarketUnits {
  constructor(readonly scale: MarketScale) {}

  price(ticks: bigint): string {
    return formatSteps(ticks, this.scale.quotePrecision, this.scale.tickSizeAtoms);
  }

  quantity(lots: bigint): string {
    return formatSteps(lots, this.scale.basePrecision, this.scale.lotSizeAtoms);
  }

  /** An amount of the quote asset (notional, quote fee, quote volume). */
  quote(atoms: bigint): string {
    return formatUnits(atoms, this.scale.quotePrecision);
  }

  /** An amount of the base asset in atoms (a base fee). */
  base(atoms: bigint): string {
    return formatUnits(atoms, this.scale.basePrecision);
  }

  /** An amount of either asset of the market, by code. */
  amount(atoms: bigint, asset: string): string {
    return asset === this.scale.base ? this.base(atoms) : this.quote(atoms);
  }

  parsePrice(text: string): bigint {
    return parseSteps(text, this.scale.quotePrecision, this.scale.tickSizeAtoms);
  }

  parseQuantity(text: string): bigint {
    return parseSteps(text, this.scale.basePrecision, this.scale.lotSizeAtoms);
  }

  parseQuote(text: string): bigint {
    return parseUnits(text, this.scale.quotePrecision);
  }

  /**
   * Average fill price of `quoteAtoms` over `lots`, rounded down to a whole tick (display only:
   * it moves no money). Null when nothing filled.
   */
  averagePrice(quoteAtoms: bigint, lots: bigint): string | null {
    if (lots === 0n) return null;
    // quote atoms per lot ÷ quote atoms per tick-lot = ticks, rounded toward −∞.
    return this.price(divide(quoteAtoms, lots * this.quotePerTickLot(), "down"));
  }

  /** Quote atoms of one lot at one tick, exact for a valid market (packages/core types.ts). */
  quotePerTickLot(): bigint {
    return (
      (this.scale.tickSizeAtoms * this.scale.lotSizeAtoms) / 10n ** BigInt(this.scale.basePrecision)
    );
  }

  /** Quote value of `lots` at `ticks`, in quote atoms: what the engine calls notional. */
  notional(ticks: bigint, lots: bigint): bigint {
    return ticks * lots * this.quotePerTickLot();
  }
}
