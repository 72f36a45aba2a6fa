import { z } from "zod";
import { type MarketDecimals, ZDecimal, ZTime } from "./wire";

/** Candle intervals, shortest first: `<SYMBOL>@kline_<interval>`, the klines query, the chart. */
export const KLINE_INTERVALS = ["1m", "5m", "15m", "1h", "4h", "1d"] as const;
export const ZKlineInterval = z.enum(KLINE_INTERVALS);
export type KlineInterval = z.infer<typeof ZKlineInterval>;

const MINUTE_MS = 60_000;
/** Length of each interval's candle. */
export const INTERVAL_MS: Readonly<Record<KlineInterval, number>> = {
  "1m": MINUTE_MS,
  "5m": 5 * MINUTE_MS,
  "15m": 15 * MINUTE_MS,
  "1h": 60 * MINUTE_MS,
  "4h": 240 * MINUTE_MS,
  "1d": 1_440 * MINUTE_MS,
};

export function isKlineInterval(value: string): value is KlineInterval {
  return (KLINE_INTERVALS as readonly string[]).includes(value);
}

/** One candle (kline). */
export const ZKline = z.object({
  openTime: ZTime,
  open: ZDecimal,
  high: ZDecimal,
  low: ZDecimal,
  close: ZDecimal,
  volume: ZDecimal,
  quoteVolume: ZDecimal,
  trades: z.number().int(),
});
export type Kline = z.output<typeof ZKline>;

/** `<SYMBOL>@kline_<interval>`: the candle in its latest state (replaces, never adds to). */
export const ZKlinePush = ZKline.extend({
  symbol: z.string(),
  interval: ZKlineInterval,
  /** The candle's last millisecond. */
  closeTime: ZTime,
});
export type KlinePushWire = z.input<typeof ZKlinePush>;

/** A candle in engine units. */
export interface KlineFacts {
  symbol: string;
  interval: KlineInterval;
  /** Epoch ms. */
  openTime: number;
  openTicks: bigint;
  highTicks: bigint;
  lowTicks: bigint;
  closeTicks: bigint;
  volumeLots: bigint;
  quoteAtoms: bigint;
  tradeCount: number;
}

export function encodeKline(candle: KlineFacts, units: MarketDecimals): KlinePushWire {
  return {
    symbol: candle.symbol,
    interval: candle.interval,
    openTime: candle.openTime,
    closeTime: candle.openTime + INTERVAL_MS[candle.interval] - 1,
    open: units.price(candle.openTicks),
    high: units.price(candle.highTicks),
    low: units.price(candle.lowTicks),
    close: units.price(candle.closeTicks),
    volume: units.quantity(candle.volumeLots),
    quoteVolume: units.quote(candle.quoteAtoms),
    trades: candle.tradeCount,
  };
}
