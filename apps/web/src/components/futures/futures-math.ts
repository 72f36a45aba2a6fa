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

/** How far past its trigger a TP/SL order may fill: 5 %, as a market order's default slippage. */
export const PROTECTION_PERCENT = 5;

/**
 * The limit price of a TP/SL order closing a position: `percent` beyond its trigger price in
 * the direction it trades (below for a sell, above for a buy), to the tick and toward the
 * trigger (so never looser than asked), at least one tick, at most the market's maximum price.
 * The engine works it as an IOC limit once triggered: a "stop-market" that never fills
 * further than this from the trigger. Null when the trigger is not a positive decimal.
 */
export function protectionPrice(
  trigger: string,
  side: FuturesSide,
  market: { priceTick: string; maxPrice: string },
  percent = PROTECTION_PERCENT,
): string | null {
  const parsed = parseDecimalOrNull(trigger);
  if (parsed === null || parsed.units <= 0n) return null;
  const tick = decimal(market.priceTick);
  const factor = decimal(String(side === "sell" ? 100 - percent : 100 + percent));
  const raw = quotient(multiply(parsed, factor), decimal("100"), tick.scale + 2, "down");
  const scale = Math.max(raw.scale, tick.scale);
  const tickUnits = rescale(tick, scale, "down").units;
  const rawUnits = rescale(raw, scale, side === "sell" ? "up" : "down").units;
  // A sell's bound rounds up to the tick, a buy's down: both toward the trigger.
  let ticks = side === "sell" ? (rawUnits + tickUnits - 1n) / tickUnits : rawUnits / tickUnits;
  if (ticks < 1n) ticks = 1n;
  let price: Decimal = { units: ticks * tickUnits, scale };
  const max = decimal(market.maxPrice);
  if (compare(price, max) > 0) price = max;
  return trimZeros(formatDecimal(price));
}

function parseDecimalOrNull(text: string): Decimal | null {
  try {
    return decimal(text.trim());
  } catch {
    return null;
  }
}
