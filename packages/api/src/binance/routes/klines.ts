import { isKlineInterval, type KlinePushWire } from "@exchange/contracts/kline";
import { readKlinesInRange } from "@exchange/domains/market-data/market-data-klines";
import { z } from "zod";
import { binanceDecimal } from "../binance-decimal";
import { binanceErrors } from "../binance-errors";
import { marketOf } from "../binance-markets";
import { docParam } from "../binance-param-docs";
import { limitParam, requiredSymbol, requiredText, timeRangeParams } from "../binance-params";
import type { BinanceRoute } from "../binance-route";
import { epochOf, ZBinanceDecimal } from "../binance-wire";

/**
 * `GET /api/v3/klines`: candles of one interval, oldest first, Binance's 12-column rows. Only
 * the intervals the market-data job keeps (1m 5m 15m 1h 4h 1d); any other is -1120. Weight 2.
 */
/** Binance's 12-column kline row. */
export const ZBinanceKline = z.tuple([
  z.number().int(),
  ZBinanceDecimal,
  ZBinanceDecimal,
  ZBinanceDecimal,
  ZBinanceDecimal,
  ZBinanceDecimal,
  z.number().int(),
  ZBinanceDecimal,
  z.number().int(),
  ZBinanceDecimal,
  ZBinanceDecimal,
  z.literal("0"),
]);

export const klinesRoute: BinanceRoute<z.infer<typeof ZBinanceKline>[]> = {
  method: "GET",
  path: "/api/v3/klines",
  summary: "Candles of one market and interval, oldest first, in Binance's 12-column rows.",
  params: z.object({
    symbol: docParam.symbol,
    interval: docParam.interval,
    startTime: docParam.startTime.optional(),
    endTime: docParam.endTime.optional(),
    limit: docParam.limit(500, 1_000),
  }),
  security: { kind: "public" },
  weight: () => 2,
  answer: z.array(ZBinanceKline),
  handle: async ({ services }, query) => {
    const symbol = requiredSymbol(query);
    const interval = requiredText(query, "interval");
    if (!isKlineInterval(interval)) throw binanceErrors.badInterval();
    const { startTime, endTime } = timeRangeParams(query);
    const limit = limitParam(query, { fallback: 500, min: 1, max: 1_000 });
    await marketOf(services, symbol);
    const candles = await readKlinesInRange(services, {
      symbol,
      interval,
      limit,
      ...(startTime !== undefined ? { startTime: new Date(startTime) } : {}),
      ...(endTime !== undefined ? { endTime: new Date(endTime) } : {}),
    });
    return candles.map(klineRow);
  },
};

/**
 * Binance's row: open time, OHLC, base volume, close time, quote volume, trade count, taker-buy
 * base and quote volume (not kept here: always zero), and an unused field.
 */
function klineRow(candle: KlinePushWire): z.infer<typeof ZBinanceKline> {
  return [
    epochOf(candle.openTime),
    binanceDecimal(candle.open),
    binanceDecimal(candle.high),
    binanceDecimal(candle.low),
    binanceDecimal(candle.close),
    binanceDecimal(candle.volume),
    epochOf(candle.closeTime),
    binanceDecimal(candle.quoteVolume),
    candle.trades,
    binanceDecimal("0"),
    binanceDecimal("0"),
    "0",
  ];
}
