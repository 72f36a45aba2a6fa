import { z } from "zod";
import { type MarketDecimals, ZDecimal, ZTime } from "./wire";

/** 24 h rolling statistics of one market. Prices are null before the first trade in the window. */
export const ZTicker = z.object({
  symbol: z.string(),
  open: ZDecimal.nullable(),
  high: ZDecimal.nullable(),
  low: ZDecimal.nullable(),
  last: ZDecimal.nullable(),
  /** Base volume over 24 h. */
  volume: ZDecimal,
  /** Quote volume over 24 h. */
  quoteVolume: ZDecimal,
  /** last - open, and that as a percentage of open with two decimals; null without trades. */
  change: ZDecimal.nullable(),
  changePercent: ZDecimal.nullable(),
  trades: z.number().int(),
});
export type Ticker = z.output<typeof ZTicker>;

/** `<SYMBOL>@ticker` and the stored ticker: the statistics and when they were computed. */
export const ZTickerPush = ZTicker.extend({ time: ZTime });
export type TickerPushWire = z.input<typeof ZTickerPush>;

/** 24 h statistics of one market in engine units; prices null when the window has no trade. */
export interface TickerFacts {
  symbol: string;
  openTicks: bigint | null;
  highTicks: bigint | null;
  lowTicks: bigint | null;
  /** The last trade's price, however old; null before the market's first trade. */
  lastTicks: bigint | null;
  volumeLots: bigint;
  quoteAtoms: bigint;
  trades: number;
}

/** The ticker for the wire; `timeMs` is when it was computed. */
export function encodeTicker(
  facts: TickerFacts,
  units: MarketDecimals,
  timeMs: number,
): TickerPushWire {
  const price = (ticks: bigint | null) => (ticks === null ? null : units.price(ticks));
  const change =
    facts.openTicks === null || facts.lastTicks === null
      ? null
      : units.price(facts.lastTicks - facts.openTicks);
  return {
    symbol: facts.symbol,
    open: price(facts.openTicks),
    high: price(facts.highTicks),
    low: price(facts.lowTicks),
    last: price(facts.lastTicks),
    volume: units.quantity(facts.volumeLots),
    quoteVolume: units.quote(facts.quoteAtoms),
    change,
    changePercent: changePercent(facts.openTicks, facts.lastTicks),
    trades: facts.trades,
    time: timeMs,
  };
}

/**
 * (last − open) / open in percent, truncated toward zero to two decimals ("-1.25"); null when
 * either price is missing. Display only: it moves no money, but stays exact in integers.
 */
export function changePercent(openTicks: bigint | null, lastTicks: bigint | null): string | null {
  if (openTicks === null || lastTicks === null || openTicks === 0n) return null;
  const hundredths = ((lastTicks - openTicks) * 10_000n) / openTicks;
  const sign = hundredths < 0n ? "-" : "";
  const magnitude = hundredths < 0n ? -hundredths : hundredths;
  const whole = magnitude / 100n;
  const fraction = (magnitude % 100n).toString().padStart(2, "0");
  return `${sign}${whole}.${fraction}`;
}
