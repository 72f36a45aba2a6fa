import {
  add,
  compare,
  type Decimal,
  decimal,
  formatDecimal,
  multiply,
  quotient,
  rescale,
  subtract,
  trimZeros,
} from "@exchange/contracts/money";

/**
 * What the futures order form works out before sending, in exact decimals to the settle asset's
 * precision, every rounding UP (the margin an order holds is never shown below what the engine
 * takes):
 * - initial margin of notional N (price × quantity) at leverage L: ceil(N / L), as the core's
 *   `marginMath.initialMarginAtoms`;
 * - the taker fee: ceil(N × rate) (a limit order may take, so the form shows the higher rate);
 * - the loss the order opens with against the mark: a buy above the mark or a sell below it
 *   starts (price − mark) × quantity in loss, which the engine reserves too.
 */

export type FuturesSide = "buy" | "sell";

export interface OrderCostInput {
  side: FuturesSide;
  price: Decimal;
  quantity: Decimal;
  leverage: number;
  feeRate: string;
  /** The latest mark; null while unknown (no opening loss is counted then). */
  markPrice: Decimal | null;
  /** The settle asset's decimals. */
  precision: number;
}

export interface OrderCost {
  notional: Decimal;
  initialMargin: Decimal;
  fee: Decimal;
  openingLoss: Decimal;
  /** What the order holds of the futures wallet: margin + fee + opening loss. */
  total: Decimal;
}

export function orderCost(input: OrderCostInput): OrderCost {
  if (!Number.isInteger(input.leverage) || input.leverage < 1) {
    throw new RangeError("leverage must be a whole number from 1");
  }
  const { precision } = input;
  const notional = multiply(input.price, input.quantity);
  const initialMargin = quotient(notional, decimal(String(input.leverage)), precision, "up");
  const fee = rescale(multiply(notional, decimal(input.feeRate)), precision, "up");
  const zero: Decimal = { units: 0n, scale: precision };
  let openingLoss = zero;
  if (input.markPrice) {
    const gap =
      input.side === "buy"
        ? subtract(input.price, input.markPrice)
        : subtract(input.markPrice, input.price);
    if (compare(gap, zero) > 0)
      openingLoss = rescale(multiply(gap, input.quantity), precision, "up");
  }
  return {
    notional,
    initialMargin,
    fee,
    openingLoss,
    total: add(add(initialMargin, fee), openingLoss),
  };
}

/** A decimal as the page writes an amount: its decimals without trailing zeros. */
export const amountText = (value: Decimal): string => trimZeros(formatDecimal(value));

/** Half of a position's size, down to the lot: what "Close half" sends (at least one lot). */
export function halfSize(size: string, lotSize: string): string | null {
  const lot = decimal(lotSize);
  const half = quotient(decimal(size), decimal("2"), Math.max(lot.scale, 0), "down");
  const scale = Math.max(half.scale, lot.scale);
  const lots = rescale(half, scale, "down").units / rescale(lot, scale, "down").units;
  if (lots <= 0n) return null;
  return trimZeros(formatDecimal({ units: lots * rescale(lot, scale, "down").units, scale }));
}

/** "hh:mm:ss" until `target` (epoch ms) from `now`; zero once passed. */
export function countdown(target: number, now: number): string {
  const seconds = Math.max(0, Math.floor((target - now) / 1000));
  const two = (n: number) => String(n).padStart(2, "0");
  return `${two(Math.floor(seconds / 3600))}:${two(Math.floor((seconds % 3600) / 60))}:${two(seconds % 60)}`;
}

/** Up (profit), down (loss) or flat, from a signed decimal string. */
export function pnlTone(value: string | null | undefined): "up" | "down" | "flat" {
  if (!value) return "flat";
  const parsed = decimal(value);
  return parsed.units > 0n ? "up" : parsed.units < 0n ? "down" : "flat";
}
