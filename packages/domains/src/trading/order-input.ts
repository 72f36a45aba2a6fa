import { UnitsError } from "@exchange/contracts/money";
import type {
  AnyPlaceOrderCommand,
  PlaceLimitOrderCommand,
  PlaceMarketOrderCommand,
  PlaceStopOrderCommand,
} from "@exchange/core";
import { RejectCode } from "@exchange/core";
import { AppError, AppErrorCode, type FieldErrors } from "../errors";
import type { MarketInfo } from "../markets/market-directory";
import { orderRejection } from "./order-rejections";
import type { PlaceOrderInput } from "./place-order-contracts";

/** What an order command needs besides the trader's input. */
export interface OrderContext {
  userId: number;
  market: MarketInfo;
  commandId: string;
  ts: number;
}

const DEFAULT_SLIPPAGE_PERCENT = 5;

/**
 * Turns the trader's decimal input into the engine's command, exactly, or refuses with an
 * error on each offending field. The market's maxima are checked here too, with the rejection
 * the engine would give (which checks them again): an order beyond them never reaches the
 * engine's stream. Balances and the book are the engine's call.
 */
export function orderCommandOf(input: PlaceOrderInput, ctx: OrderContext): AnyPlaceOrderCommand {
  const command = withFieldErrors((fail) => {
    switch (input.type) {
      case "limit":
        return limitCommand(input, ctx, fail);
      case "market":
        return marketCommand(input, ctx, fail);
      default:
        return stopCommand(input, ctx, fail);
    }
  });
  const beyond = beyondMaximum(command, ctx.market);
  if (beyond !== undefined) throw orderRejection(beyond, "", ctx.market);
  return command;
}

/**
 * Runs `build` with a `fail` that records an error on a field; answers what it built, or throws
 * INVALID_INPUT with every field's errors (the first one as the message).
 */
export function withFieldErrors<T>(build: (fail: Fail) => T | undefined): T {
  const errors: FieldErrors = {};
  const fail = (field: string, message: string) => {
    errors[field] = [...(errors[field] ?? []), message];
  };
  const built = build(fail);
  if (Object.keys(errors).length > 0 || built === undefined) {
    const first = Object.values(errors)[0]?.[0] ?? "Check the order.";
    throw new AppError(AppErrorCode.INVALID_INPUT, first, errors);
  }
  return built;
}

/** The maximum a command breaks, as the engine's reject code, in the engine's order of checks. */
function beyondMaximum(c: AnyPlaceOrderCommand, market: MarketInfo): RejectCode | undefined {
  if (c.orderType !== "market") {
    const beyond = limitBeyondMaximum(c.priceTicks, c.qtyLots, market);
    if (beyond !== undefined || c.orderType === "limit") return beyond;
    return c.stopPriceTicks > market.config.maxPriceTicks ? RejectCode.PriceAboveMax : undefined;
  }
  const { config: m } = market;
  if (c.quoteAtoms !== undefined) {
    return c.quoteAtoms > m.maxNotionalAtoms ? RejectCode.NotionalAboveMax : undefined;
  }
  // A market buy's value at its protection price is the engine's to check: it sets that price.
  return (c.qtyLots ?? 0n) > m.maxQtyLots ? RejectCode.QuantityAboveMax : undefined;
}

/** The maximum a limit price and quantity break (a limit order's, a stop's, an OCO leg's). */
export function limitBeyondMaximum(
  priceTicks: bigint,
  qtyLots: bigint,
  market: MarketInfo,
): RejectCode | undefined {
  const { config: m, units } = market;
  if (priceTicks > m.maxPriceTicks) return RejectCode.PriceAboveMax;
  if (qtyLots > m.maxQtyLots) return RejectCode.QuantityAboveMax;
  const notional = units.notional(priceTicks, qtyLots);
  return notional > m.maxNotionalAtoms ? RejectCode.NotionalAboveMax : undefined;
}

export type Fail = (field: string, message: string) => void;

function limitCommand(
  input: PlaceOrderInput,
  ctx: OrderContext,
  fail: Fail,
): PlaceLimitOrderCommand | undefined {
  const { units } = ctx.market;
  if (input.quoteAmount !== undefined)
    fail("quoteAmount", "A limit order takes a quantity, not an amount to spend.");
  if (input.stopPrice !== undefined)
    fail("stopPrice", "Only stop-limit and take-profit orders take a stop price.");
  if (input.postOnly && (input.timeInForce ?? "GTC") !== "GTC") {
    fail("postOnly", "Post-only orders rest on the book, so they are good-till-cancelled.");
  }
  const priceTicks = positive("price", input.price, (t) => units.parsePrice(t), ctx, fail);
  const qtyLots = positive("quantity", input.quantity, (t) => units.parseQuantity(t), ctx, fail);
  if (priceTicks === undefined || qtyLots === undefined) return undefined;
  return {
    ...common(input, ctx),
    orderType: "limit",
    priceTicks,
    qtyLots,
    timeInForce: input.timeInForce ?? "GTC",
    postOnly: input.postOnly ?? false,
  };
}

/**
 * A stop-limit or take-profit-limit order: a limit order's terms and a stop price, all exact.
 * Whether it would trigger at once is the engine's call (it knows the last trade price).
 */
function stopCommand(
  input: PlaceOrderInput,
  ctx: OrderContext,
  fail: Fail,
): PlaceStopOrderCommand | undefined {
  const { units } = ctx.market;
  if (input.quoteAmount !== undefined)
    fail("quoteAmount", "A stop order takes a quantity, not an amount to spend.");
  if (input.postOnly)
    fail("postOnly", "A stop order trades when it triggers; it cannot be post-only.");
  const stopPriceTicks = positive(
    "stopPrice",
    input.stopPrice,
    (t) => units.parsePrice(t),
    ctx,
    fail,
  );
  const priceTicks = positive("price", input.price, (t) => units.parsePrice(t), ctx, fail);
  const qtyLots = positive("quantity", input.quantity, (t) => units.parseQuantity(t), ctx, fail);
  if (stopPriceTicks === undefined || priceTicks === undefined || qtyLots === undefined)
    return undefined;
  return {
    ...common(input, ctx),
    orderType: input.type === "takeProfitLimit" ? "takeProfitLimit" : "stopLimit",
    priceTicks,
    qtyLots,
    stopPriceTicks,
    timeInForce: input.timeInForce ?? "GTC",
  };
}

function marketCommand(
  input: PlaceOrderInput,
  ctx: OrderContext,
  fail: Fail,
): PlaceMarketOrderCommand | undefined {
  const { units } = ctx.market;
  if (input.price !== undefined) fail("price", "A market order takes no price.");
  if (input.stopPrice !== undefined)
    fail("stopPrice", "Only stop-limit and take-profit orders take a stop price.");
  if (input.timeInForce !== undefined || input.postOnly) {
    fail("timeInForce", "Market orders fill at once or not at all; no time in force or post-only.");
  }
  const byQuote = input.side === "buy" && input.quoteAmount !== undefined;
  if (byQuote && input.quantity !== undefined)
    fail("quantity", "Give a quantity or an amount to spend, not both.");
  if (input.side === "sell" && input.quoteAmount !== undefined)
    fail("quoteAmount", "A market sell takes a quantity.");
  const slippageBps = slippageBasisPoints(input);
  if (byQuote) {
    const quoteAtoms = positive(
      "quoteAmount",
      input.quoteAmount,
      (t) => units.parseQuote(t),
      ctx,
      fail,
    );
    return quoteAtoms === undefined
      ? undefined
      : { ...common(input, ctx), orderType: "market", quoteAtoms, slippageBps };
  }
  const qtyLots = positive("quantity", input.quantity, (t) => units.parseQuantity(t), ctx, fail);
  return qtyLots === undefined
    ? undefined
    : { ...common(input, ctx), orderType: "market", qtyLots, slippageBps };
}

function common(
  input: Pick<PlaceOrderInput, "side" | "clientOrderId" | "reduceOnly">,
  ctx: OrderContext,
) {
  return {
    type: "order.place" as const,
    id: ctx.commandId,
    ts: ctx.ts,
    userId: ctx.userId,
    symbol: ctx.market.dto.symbol,
    side: input.side,
    ...(input.clientOrderId === undefined ? {} : { clientOrderId: input.clientOrderId }),
    ...(input.reduceOnly === true ? { reduceOnly: true } : {}),
  };
}

/**
 * The slippage allowance in integer basis points (the input is a percentage, 0.1 to 50). The
 * engine sets the protection price from its own best opposite price when the order arrives,
 * and refuses the order when that side is empty (see `protectionPrice` in the core).
 */
function slippageBasisPoints(input: PlaceOrderInput): number {
  return Math.round((input.slippagePercent ?? DEFAULT_SLIPPAGE_PERCENT) * 100);
}

/** Parses a required positive decimal, recording a readable error on its field. */
export function positive(
  field: string,
  text: string | undefined,
  parse: (text: string) => bigint,
  ctx: OrderContext,
  fail: Fail,
): bigint | undefined {
  if (text === undefined || text.trim() === "") {
    fail(field, "Required.");
    return undefined;
  }
  try {
    const value = parse(text.trim());
    if (value > 0n) return value;
    fail(field, "Must be greater than zero.");
  } catch (error) {
    if (!(error instanceof UnitsError)) throw error;
    fail(field, unitsMessage(field, error, ctx.market));
  }
  return undefined;
}

/** The fields that hold a price (a multiple of the tick); the others hold quantities or amounts. */
const PRICE_FIELDS = new Set(["price", "stopPrice", "stopLimitPrice"]);

function unitsMessage(field: string, error: UnitsError, market: MarketInfo): string {
  const { dto } = market;
  const step = PRICE_FIELDS.has(field)
    ? `${dto.priceTick} ${dto.quoteAsset}`
    : `${dto.lotSize} ${dto.baseAsset}`;
  switch (error.rule) {
    case "offStep":
      return `Must be a multiple of ${step}.`;
    case "tooManyDecimals":
      return field === "quoteAmount"
        ? `Use at most ${dto.quotePrecision} decimals.`
        : `Must be a multiple of ${step}.`;
    case "negative":
      return "Must be greater than zero.";
    default:
      return "Enter a number, like 0.5.";
  }
}
