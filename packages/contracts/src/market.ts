import { canChangeMarketStatus, type MarketStatus as EngineMarketStatus } from "@exchange/core";
import { z } from "zod";
import { ZDecimal } from "./wire";

/**
 * Where a market is in its life (the database's `"MarketStatus"`; the engine's lifecycle in
 * packages/core market-lifecycle.ts): listed but not open, trading, cancels only, halted, closed.
 */
/**
 * A perpetual contract's symbol ends so (`BTCUSDT-PERP`); the engine refuses it on a spot market
 * and requires it of a contract, so the suffix alone tells the two apart.
 */
export const CONTRACT_SYMBOL_SUFFIX = "-PERP";

export function isContractSymbol(symbol: string): boolean {
  return symbol.endsWith(CONTRACT_SYMBOL_SUFFIX);
}

export const MARKET_STATUSES = ["PRE_OPEN", "TRADING", "CANCEL_ONLY", "HALTED", "CLOSED"] as const;
export const ZMarketStatus = z.enum(MARKET_STATUSES);
export type MarketStatus = z.infer<typeof ZMarketStatus>;

/** The engine's name of each status (packages/core MarketStatus). */
export const ENGINE_MARKET_STATUS: Record<MarketStatus, EngineMarketStatus> = {
  PRE_OPEN: "preOpen",
  TRADING: "trading",
  CANCEL_ONLY: "cancelOnly",
  HALTED: "halted",
  CLOSED: "closed",
};

/** The statuses a market may move to from `status`, by the engine's lifecycle. */
export function nextMarketStatuses(status: MarketStatus): MarketStatus[] {
  return MARKET_STATUSES.filter(
    (to) =>
      to !== status &&
      canChangeMarketStatus(ENGINE_MARKET_STATUS[status], ENGINE_MARKET_STATUS[to]),
  );
}

/** A market as traders see it: its assets, steps and limits as decimal strings (SPEC §3). */
export const ZMarket = z.object({
  symbol: z.string(),
  baseAsset: z.string(),
  quoteAsset: z.string(),
  basePrecision: z.number().int(),
  quotePrecision: z.number().int(),
  priceTick: ZDecimal,
  lotSize: ZDecimal,
  minQty: ZDecimal,
  maxQty: ZDecimal,
  /** Largest limit price accepted, in the quote asset. */
  maxPrice: ZDecimal,
  minNotional: ZDecimal,
  /** Largest order value (price × quantity, or a market buy's amount to spend), in the quote asset. */
  maxNotional: ZDecimal,
  /** Most open orders one trader may have in this market. */
  maxOpenOrders: z.number().int(),
  makerFeeRate: ZDecimal,
  takerFeeRate: ZDecimal,
  status: ZMarketStatus,
});
export type Market = z.infer<typeof ZMarket>;
