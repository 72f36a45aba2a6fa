import type { Market } from "@exchange/contracts/market";
import { z } from "zod";
import { binanceDecimal } from "../binance-decimal";
import { marketsOf } from "../binance-markets";
import { docParam } from "../binance-param-docs";
import { type RawQuery, symbolSelection } from "../binance-params";
import type { BinanceRoute } from "../binance-route";

/**
 * The order types the exchange's markets take, in Binance's names. The stop and take-profit
 * kinds are the core's newer orders; a route that does not take one yet answers -1116.
 */
export const BINANCE_ORDER_TYPES = [
  "LIMIT",
  "LIMIT_MAKER",
  "MARKET",
  "STOP_LOSS_LIMIT",
  "TAKE_PROFIT_LIMIT",
] as const;

/**
 * Our market states in Binance's words: pre-open is PRE_TRADING, cancel-only a BREAK (no new
 * orders), halted a HALT, and a closed market a BREAK, as Binance lists a delisted symbol.
 */
const STATUS: Record<Market["status"], "PRE_TRADING" | "TRADING" | "BREAK" | "HALT"> = {
  PRE_OPEN: "PRE_TRADING",
  TRADING: "TRADING",
  CANCEL_ONLY: "BREAK",
  HALTED: "HALT",
  CLOSED: "BREAK",
};

const ZFilter = z.looseObject({ filterType: z.string() });

export const ZBinanceSymbol = z.object({
  symbol: z.string(),
  status: z.enum(["PRE_TRADING", "TRADING", "BREAK", "HALT"]),
  baseAsset: z.string(),
  baseAssetPrecision: z.number().int(),
  quoteAsset: z.string(),
  quotePrecision: z.number().int(),
  quoteAssetPrecision: z.number().int(),
  baseCommissionPrecision: z.number().int(),
  quoteCommissionPrecision: z.number().int(),
  orderTypes: z.array(z.enum(BINANCE_ORDER_TYPES)),
  icebergAllowed: z.boolean(),
  ocoAllowed: z.boolean(),
  otoAllowed: z.boolean(),
  quoteOrderQtyMarketAllowed: z.boolean(),
  allowTrailingStop: z.boolean(),
  cancelReplaceAllowed: z.boolean(),
  isSpotTradingAllowed: z.boolean(),
  isMarginTradingAllowed: z.boolean(),
  filters: z.array(ZFilter),
  permissions: z.array(z.string()),
  permissionSets: z.array(z.array(z.string())),
  defaultSelfTradePreventionMode: z.string(),
  allowedSelfTradePreventionModes: z.array(z.string()),
});

export const ZBinanceExchangeInfo = z.object({
  timezone: z.literal("UTC"),
  serverTime: z.number().int(),
  rateLimits: z.array(
    z.object({
      rateLimitType: z.literal("REQUEST_WEIGHT"),
      interval: z.literal("MINUTE"),
      intervalNum: z.number().int(),
      limit: z.number().int(),
    }),
  ),
  exchangeFilters: z.array(ZFilter),
  symbols: z.array(ZBinanceSymbol),
});
type BinanceExchangeInfo = z.infer<typeof ZBinanceExchangeInfo>;

/** The request-weight budget as exchangeInfo announces it (the server's configured limit). */
export interface AnnouncedLimits {
  weightPerMinute: number;
}

/**
 * `GET /api/v3/exchangeInfo`: every market (or `symbol` / `symbols`) with its assets,
 * precisions, order types and filters. Weight 20.
 */
export function exchangeInfoRoute(limits: AnnouncedLimits): BinanceRoute<BinanceExchangeInfo> {
  return {
    method: "GET",
    path: "/api/v3/exchangeInfo",
    summary:
      "Markets with their filters (PRICE_FILTER, LOT_SIZE, MIN_NOTIONAL) and the rate limits.",
    params: z.object({ symbol: docParam.symbol.optional(), symbols: docParam.symbols.optional() }),
    security: { kind: "public" },
    weight: () => 20,
    answer: ZBinanceExchangeInfo,
    handle: async ({ services, nowMs }, query: RawQuery) => {
      const markets = await marketsOf(services, symbolSelection(query));
      return {
        timezone: "UTC" as const,
        serverTime: nowMs,
        rateLimits: [
          {
            rateLimitType: "REQUEST_WEIGHT" as const,
            interval: "MINUTE" as const,
            intervalNum: 1,
            limit: limits.weightPerMinute,
          },
        ],
        exchangeFilters: [],
        symbols: markets.map((m) => binanceSymbol(m.dto)),
      };
    },
  };
}

function binanceSymbol(market: Market): z.infer<typeof ZBinanceSymbol> {
  return {
    symbol: market.symbol,
    status: STATUS[market.status],
    baseAsset: market.baseAsset,
    baseAssetPrecision: market.basePrecision,
    quoteAsset: market.quoteAsset,
    quotePrecision: market.quotePrecision,
    quoteAssetPrecision: market.quotePrecision,
    baseCommissionPrecision: market.basePrecision,
    quoteCommissionPrecision: market.quotePrecision,
    orderTypes: [...BINANCE_ORDER_TYPES],
    icebergAllowed: false,
    ocoAllowed: true,
    otoAllowed: false,
    quoteOrderQtyMarketAllowed: false,
    allowTrailingStop: false,
    cancelReplaceAllowed: true,
    isSpotTradingAllowed: true,
    isMarginTradingAllowed: false,
    filters: binanceFilters(market),
    permissions: [],
    permissionSets: [["SPOT"]],
    defaultSelfTradePreventionMode: "NONE",
    allowedSelfTradePreventionModes: ["NONE"],
  };
}

/**
 * The market's rules as Binance's filters. The minimum notional is given both as MIN_NOTIONAL
 * (what older clients read) and NOTIONAL (Binance's current filter, with our maximum).
 */
function binanceFilters(market: Market) {
  return [
    {
      filterType: "PRICE_FILTER",
      minPrice: binanceDecimal(market.priceTick),
      maxPrice: binanceDecimal(market.maxPrice),
      tickSize: binanceDecimal(market.priceTick),
    },
    {
      filterType: "LOT_SIZE",
      minQty: binanceDecimal(market.minQty),
      maxQty: binanceDecimal(market.maxQty),
      stepSize: binanceDecimal(market.lotSize),
    },
    {
      filterType: "MIN_NOTIONAL",
      minNotional: binanceDecimal(market.minNotional),
      applyToMarket: true,
      avgPriceMins: 0,
    },
    {
      filterType: "NOTIONAL",
      minNotional: binanceDecimal(market.minNotional),
      applyMinToMarket: true,
      maxNotional: binanceDecimal(market.maxNotional),
      applyMaxToMarket: true,
      avgPriceMins: 0,
    },
    { filterType: "MAX_NUM_ORDERS", maxNumOrders: market.maxOpenOrders },
  ];
}
