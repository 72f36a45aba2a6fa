import { marketDataKeys } from "@exchange/contracts/market-data-keys";
import { type Ticker, ZTickerPush } from "@exchange/contracts/ticker";
import { marketDirectory } from "../markets/market-directory";
import type { Services } from "../services";

/** One market's 24 h ticker. */
export async function readTicker(services: Services, symbol: string): Promise<Ticker> {
  await marketDirectory(services).get(symbol);
  const text = await services.redis.get(marketDataKeys(services.redisPrefix).ticker(symbol));
  return tickerOf(symbol, text);
}

/** Every market's 24 h ticker, in the markets' display order; one Redis round trip. */
export async function readTickers(services: Services): Promise<Ticker[]> {
  const symbols = [...(await marketDirectory(services).all()).values()].map((m) => m.dto.symbol);
  if (symbols.length === 0) return [];
  const keys = marketDataKeys(services.redisPrefix);
  const texts = await services.redis.mget(...symbols.map((s) => keys.ticker(s)));
  return symbols.map((symbol, i) => tickerOf(symbol, texts[i] ?? null));
}

function tickerOf(symbol: string, text: string | null): Ticker {
  if (text === null) return emptyTicker(symbol);
  const { time: _time, ...ticker } = ZTickerPush.parse(JSON.parse(text));
  return ticker;
}

/** A market that has not traded (or whose market data has not started yet). */
function emptyTicker(symbol: string): Ticker {
  return {
    symbol,
    open: null,
    high: null,
    low: null,
    last: null,
    volume: "0",
    quoteVolume: "0",
    change: null,
    changePercent: null,
    trades: 0,
  };
}
