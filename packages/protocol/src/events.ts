import type { CoreEvent } from "@exchange/core";
import { z } from "zod";
import { ZBigint, ZSafeInt } from "./codecs";
import {
  ZAccountName,
  ZMarketStatus,
  ZSelfTradePrevention,
  ZSide,
  ZTimeInForce,
} from "./vocabulary";

/**
 * The core's events on the wire (packages/core events.ts), bigints as decimal strings. The
 * engine serialises them once per command (`stringifyWire`) and the same text goes to the
 * journal, to `engine.events` and to the sender's reply; consumers decode with these schemas.
 */
const side = ZSide;
const marketStatus = ZMarketStatus;
const accountName = ZAccountName;

const ZPosting = z.object({
  account: accountName,
  userId: ZSafeInt,
  asset: z.string(),
  amountAtoms: ZBigint,
  balanceAtoms: ZBigint,
});

const orderProgress = {
  symbol: z.string(),
  orderId: ZSafeInt,
  userId: ZSafeInt,
  filledLots: ZBigint,
  remainingLots: ZBigint,
  filledQuoteAtoms: ZBigint,
};

export const ZCoreEvent = z.discriminatedUnion("type", [
  z.object({
    type: z.literal("order.accepted"),
    symbol: z.string(),
    orderId: ZSafeInt,
    userId: ZSafeInt,
    clientOrderId: z.string().nullable(),
    side,
    orderType: z.enum(["limit", "market"]),
    priceTicks: ZBigint,
    qtyLots: ZBigint,
    quoteAtoms: ZBigint,
    timeInForce: ZTimeInForce,
    postOnly: z.boolean(),
    stp: ZSelfTradePrevention,
    frozenAtoms: ZBigint,
    ts: ZSafeInt,
    // Present only on stop orders, OCO orders and amendment replacements.
    stopOrderType: z.enum(["stopLimit", "takeProfitLimit"]).optional(),
    stopPriceTicks: ZBigint.optional(),
    listId: ZSafeInt.optional(),
    replacesOrderId: ZSafeInt.optional(),
  }),
  z.object({
    type: z.literal("order.triggered"),
    symbol: z.string(),
    orderId: ZSafeInt,
    userId: ZSafeInt,
    stopPriceTicks: ZBigint,
    lastPriceTicks: ZBigint,
    frozenAtoms: ZBigint,
    ts: ZSafeInt,
    takenOverFromOrderId: ZSafeInt.optional(),
  }),
  z.object({
    type: z.literal("order.amended"),
    symbol: z.string(),
    orderId: ZSafeInt,
    userId: ZSafeInt,
    newOrderId: ZSafeInt,
    keptPriority: z.boolean(),
    priceTicks: ZBigint,
    qtyLots: ZBigint,
    remainingLots: ZBigint,
    ts: ZSafeInt,
  }),
  z.object({
    type: z.literal("order.rejected"),
    symbol: z.string(),
    userId: ZSafeInt,
    clientOrderId: z.string().nullable(),
    code: ZSafeInt,
    message: z.string(),
  }),
  z.object({ type: z.literal("order.partiallyFilled"), ...orderProgress }),
  z.object({ type: z.literal("order.filled"), ...orderProgress }),
  z.object({
    type: z.literal("order.cancelled"),
    ...orderProgress,
    reason: z.enum(["user", "cancelAll", "expired", "selfTrade", "amended", "oco", "marketClosed"]),
  }),
  z.object({
    type: z.literal("trade"),
    symbol: z.string(),
    tradeId: ZSafeInt,
    priceTicks: ZBigint,
    qtyLots: ZBigint,
    quoteAtoms: ZBigint,
    takerSide: side,
    takerOrderId: ZSafeInt,
    takerUserId: ZSafeInt,
    takerFeeAtoms: ZBigint,
    takerFeeAsset: z.string(),
    makerOrderId: ZSafeInt,
    makerUserId: ZSafeInt,
    makerFeeAtoms: ZBigint,
    makerFeeAsset: z.string(),
    ts: ZSafeInt,
  }),
  z.object({
    type: z.literal("balance.changed"),
    cause: z.enum([
      "order.freeze",
      "order.release",
      "trade",
      "deposit",
      "withdraw.freeze",
      "withdraw.settle",
      "withdraw.release",
      "transfer",
      "adjust",
      "savings.subscribe",
      "savings.payout",
      "savings.redeem",
      "loan.open",
      "loan.repay",
      "loan.addCollateral",
      "loan.liquidationSell",
      "futures.transfer",
    ]),
    orderId: ZSafeInt,
    tradeId: ZSafeInt,
    business: z.string(),
    businessId: z.string(),
    postings: z.array(ZPosting),
  }),
  z.object({
    type: z.literal("book.levelChanged"),
    symbol: z.string(),
    side,
    priceTicks: ZBigint,
    qtyLots: ZBigint,
    seq: ZSafeInt,
  }),
  z.object({
    type: z.literal("market.statusChanged"),
    symbol: z.string(),
    status: marketStatus,
    previous: marketStatus,
  }),
  z.object({
    type: z.literal("asset.added"),
    code: z.string(),
    precision: ZSafeInt,
    maxAmountAtoms: ZBigint,
  }),
  z.object({
    type: z.literal("market.added"),
    symbol: z.string(),
    base: z.string(),
    quote: z.string(),
    tickSizeAtoms: ZBigint,
    lotSizeAtoms: ZBigint,
    minQtyLots: ZBigint,
    maxQtyLots: ZBigint,
    minNotionalAtoms: ZBigint,
    maxPriceTicks: ZBigint,
    maxNotionalAtoms: ZBigint,
    maxOpenOrders: ZSafeInt,
    makerFeePpm: ZSafeInt,
    takerFeePpm: ZSafeInt,
    status: marketStatus,
  }),
  z.object({
    type: z.literal("feeTier.set"),
    tier: ZSafeInt,
    makerScalePpm: ZSafeInt,
    takerScalePpm: ZSafeInt,
  }),
  z.object({ type: z.literal("feeTier.assigned"), userId: ZSafeInt, tier: ZSafeInt }),
  z.object({
    type: z.literal("loan.changed"),
    loanId: z.string(),
    userId: ZSafeInt,
    collateralAsset: z.string(),
    loanAsset: z.string(),
    status: z.enum(["open", "liquidating", "closed", "liquidated"]),
    principalAtoms: ZBigint,
    interestAtoms: ZBigint,
    collateralAtoms: ZBigint,
    proceedsAtoms: ZBigint,
    cause: z.enum([
      "loan.open",
      "loan.repay",
      "loan.addCollateral",
      "loan.accrue",
      "loan.liquidate",
      "loan.liquidationSell",
    ]),
  }),
  z.object({
    type: z.literal("index.changed"),
    asset: z.string(),
    quote: z.string(),
    priceAtoms: ZBigint,
    at: ZSafeInt,
  }),
  z.object({
    type: z.literal("futures.walletChanged"),
    userId: ZSafeInt,
    asset: z.string(),
    walletAtoms: ZBigint,
    cause: z.enum(["futures.transfer"]),
  }),
]);

export type WireCoreEvent = z.output<typeof ZCoreEvent>;

// Decoded wire events must be the core's own event type.
type AssertAssignable<T extends U, U> = T;
export type _CoreEventsMatch = AssertAssignable<WireCoreEvent, CoreEvent>;
