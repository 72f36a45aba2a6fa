import { UnitsError } from "@exchange/contracts/money";
import type {
  PlaceLimitOrderCommand,
  PlaceMarketOrderCommand,
  PlaceOrderCommand,
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
export function orderCommandOf(input: PlaceOrderInput, ctx: OrderContext): PlaceOrderCommand {
  const errors: FieldErrors = {};
  const fail = (field: string, message: string) => {
    errors[field] = [...(errors[field] ?? []), message];
  };
  const command =
    input.type === "limit" ? limitCommand(input, ctx, fail) : marketCommand(input, ctx, fail);
  if (Object.keys(errors).length > 0 || !command) {
    const first = Object.values(errors)[0]?.[0] ?? "Check the order.";
    throw new AppError(AppErrorCode.INVALID_INPUT, first, errors);
  }
  const beyond = beyondMaximum(command, ctx.market);
  if (beyond !== undefined) throw orderRejection(beyond, "", ctx.market);
  return command;
}

/** The maximum a command breaks, as the engine's reject code, in the engine's order of checks. */
function beyondMaximum(c: PlaceOrderCommand, market: MarketInfo): RejectCode | undefined {
  const { config: m, units } = market;
  if (c.orderType === "limit") {
    if (c.priceTicks > m.maxPriceTicks) return RejectCode.PriceAboveMax;
    if (c.qtyLots > m.maxQtyLots) return RejectCode.QuantityAboveMax;
    const notional = units.notional(c.priceTicks, c.qtyLots);
    return notional > m.maxNotionalAtoms ? RejectCode.NotionalAboveMax : undefined;
  }
  if (c.quoteAtoms !== undefined) {
    return c.quoteAtoms > m.maxNotionalAtoms ? RejectCode.NotionalAboveMax : undefined;
  }
  // A market buy's value at its protection price is the engine's to check: it sets that price.
  return (c.qtyLots ?? 0n) > m.maxQtyLots ? RejectCode.QuantityAboveMax : undefined;
}

type Fail = (field: string, message: string) => void;

function limitCommand(
  input: PlaceOrderInput,
  ctx: OrderContext,
  fail: Fail,
): PlaceLimitOrderCommand | undefined {
  const { units } = ctx.market;
  if (input.quoteAmount !== undefined)
    fail("quoteAmount", "A limit order takes a quantity, not an amount to spend.");
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

function marketCommand(
  input: PlaceOrderInput,
  ctx: OrderContext,
  fail: Fail,
): PlaceMarketOrderCommand | undefined {
  const { units } = ctx.market;
  if (input.price !== undefined) fail("price", "A market order takes no price.");
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

function common(input: PlaceOrderInput, ctx: OrderContext) {
  return {
    type: "order.place" as const,
    id: ctx.commandId,
    ts: ctx.ts,
    userId: ctx.userId,
    symbol: ctx.market.dto.symbol,
    side: input.side,
    ...(input.clientOrderId === undefined ? {} : { clientOrderId: input.clientOrderId }),
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
function positive(
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

function unitsMessage(field: string, error: UnitsError, market: MarketInfo): string {
  const { dto } = market;
  const step =
    field === "price" ? `${dto.priceTick} ${dto.quoteAsset}` : `${dto.lotSize} ${dto.baseAsset}`;
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
