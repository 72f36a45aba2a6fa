/**
 * Redis keys of the market data written by the worker's market-data job (apps/worker
 * src/market-data/market-data-keys.ts documents them; change both together).
 */
export function marketDataKeys(prefix: string) {
  return {
    /** Hash: `seq`, and `b:`/`a:` + ticks padded to 40 digits → `<price>:<quantity>`. */
    depth: (symbol: string) => `${prefix}md:depth:${symbol}`,
    /** List of trade JSON, newest first. */
    trades: (symbol: string) => `${prefix}md:trades:${symbol}`,
    /** The latest ticker JSON. */
    ticker: (symbol: string) => `${prefix}md:ticker:${symbol}`,
  };
}

/** How many trades the job keeps in the recent-trades list. */
export const RECENT_TRADES_KEPT = 200;
