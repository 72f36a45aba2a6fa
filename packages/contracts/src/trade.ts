import type { Side, TradeEvent } from "@exchange/core";
import { z } from "zod";
import { epochMs, type MarketDecimals, ZDecimal, ZSide, ZTime } from "./wire";

/** A public trade: `<SYMBOL>@trades`, the recent-trades list. `side` is the taker's. */
export const ZPublicTrade = z.object({
  tradeId: z.number().int(),
  price: ZDecimal,
  quantity: ZDecimal,
  /** The taker's side: a "buy" trade lifted an ask. */
  side: ZSide,
  time: ZTime,
});
export type PublicTrade = z.output<typeof ZPublicTrade>;
export type PublicTradeWire = z.input<typeof ZPublicTrade>;

/** What a public trade shows, in engine units (packages/core TradeEvent has these fields). */
export interface PublicTradeFacts {
  tradeId: number;
  priceTicks: bigint;
  qtyLots: bigint;
  takerSide: Side;
  /** Epoch ms, or the trades read model's Date. */
  ts: number | Date;
}

export function encodePublicTrade(trade: PublicTradeFacts, units: MarketDecimals): PublicTradeWire {
  return {
    tradeId: trade.tradeId,
    price: units.price(trade.priceTicks),
    quantity: units.quantity(trade.qtyLots),
    side: trade.takerSide,
    time: epochMs(trade.ts),
  };
}

/** One of the user's own fills, with its fee and liquidity: `@account`, the trade history. */
export const ZFill = z.object({
  tradeId: z.number().int(),
  orderId: z.number().int(),
  symbol: z.string(),
  side: ZSide,
  liquidity: z.enum(["maker", "taker"]),
  price: ZDecimal,
  quantity: ZDecimal,
  quoteAmount: ZDecimal,
  fee: ZDecimal,
  feeAsset: z.string(),
  executedAt: ZTime,
});
export type Fill = z.output<typeof ZFill>;
export type FillWire = z.input<typeof ZFill>;

/**
 * Whether an `@account` push is a fill: the other pushes there (a notification, a loan's
 * change) are marked by `kind`, which a fill never carries.
 */
export function isFillPush(data: unknown): boolean {
  return typeof data === "object" && data !== null && !("kind" in data);
}

/** One side of a trade in engine units, as the user on that side sees it. */
export interface FillFacts {
  orderId: number;
  symbol: string;
  tradeId: number;
  side: Side;
  liquidity: "maker" | "taker";
  priceTicks: bigint;
  qtyLots: bigint;
  quoteAtoms: bigint;
  feeAtoms: bigint;
  feeAsset: string;
  /** Epoch ms, or the trades read model's Date. */
  ts: number | Date;
}

export function encodeFill(fill: FillFacts, units: MarketDecimals): FillWire {
  return {
    tradeId: fill.tradeId,
    orderId: fill.orderId,
    symbol: fill.symbol,
    side: fill.side,
    liquidity: fill.liquidity,
    price: units.price(fill.priceTicks),
    quantity: units.quantity(fill.qtyLots),
    quoteAmount: units.quote(fill.quoteAtoms),
    fee: units.amount(fill.feeAtoms, fill.feeAsset),
    feeAsset: fill.feeAsset,
    executedAt: epochMs(fill.ts),
  };
}

/** A trade in engine units, as the engine reports it or the trades read model keeps it. */
export type TradeSides = Pick<
  TradeEvent,
  | "symbol"
  | "tradeId"
  | "priceTicks"
  | "qtyLots"
  | "quoteAtoms"
  | "takerSide"
  | "takerOrderId"
  | "takerUserId"
  | "takerFeeAtoms"
  | "takerFeeAsset"
  | "makerOrderId"
  | "makerUserId"
  | "makerFeeAtoms"
  | "makerFeeAsset"
> & { ts: number | Date };

/** One side of a trade with the user on that side. */
export type UserFill = FillFacts & { userId: number };

/** Both sides of a trade as their users see them: the taker's fill, then the maker's. */
export function fillsOfTrade(trade: TradeSides): UserFill[] {
  const common = {
    symbol: trade.symbol,
    tradeId: trade.tradeId,
    priceTicks: trade.priceTicks,
    qtyLots: trade.qtyLots,
    quoteAtoms: trade.quoteAtoms,
    ts: trade.ts,
  };
  const makerSide: Side = trade.takerSide === "buy" ? "sell" : "buy";
  return [
    {
      ...common,
      userId: trade.takerUserId,
      orderId: trade.takerOrderId,
      side: trade.takerSide,
      liquidity: "taker",
      feeAtoms: trade.takerFeeAtoms,
      feeAsset: trade.takerFeeAsset,
    },
    {
      ...common,
      userId: trade.makerUserId,
      orderId: trade.makerOrderId,
      side: makerSide,
      liquidity: "maker",
      feeAtoms: trade.makerFeeAtoms,
      feeAsset: trade.makerFeeAsset,
    },
  ];
}
