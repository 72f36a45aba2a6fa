/**
 * The demo market's settings. Prices and sizes are decimal strings in each market's units;
 * the job converts them exactly with MarketUnits.
 */
export interface DemoMarket {
  /** Where the mid price starts when the market has never traded. */
  startPrice: string;
  /** One quote's size; each level quotes 1–6 of these. */
  quoteSize: string;
  /** Largest size the order-flow account takes at once. */
  takeSize: string;
  /**
   * A market whose mid this one quotes around instead of wandering on its own: a perpetual
   * follows its spot market, so its mark (index plus basis) stays near the index.
   */
  follows?: string;
}

export const DEMO_MARKETS: Record<string, DemoMarket> = {
  BTCUSDT: { startPrice: "65000", quoteSize: "0.01", takeSize: "0.05" },
  ETHUSDT: { startPrice: "3200", quoteSize: "0.2", takeSize: "1" },
  "BTCUSDT-PERP": { startPrice: "65000", quoteSize: "0.01", takeSize: "0.05", follows: "BTCUSDT" },
  "ETHUSDT-PERP": { startPrice: "3200", quoteSize: "0.2", takeSize: "1", follows: "ETHUSDT" },
};

/** Levels quoted on each side, and their spacing in basis points of the mid price. */
export const LADDER_LEVELS = 10;
export const LADDER_SPACING_BPS = 5n;

/** What each demo account is given once (idempotent business keys), per asset, in whole units. */
export const DEMO_FUNDING: Record<string, Record<string, string>> = {
  "trader@exchange.local": { BTC: "5", ETH: "100", USDT: "250000" },
  "market-maker@exchange.local": { BTC: "1000", ETH: "20000", USDT: "100000000" },
  "order-flow@exchange.local": { BTC: "1000", ETH: "20000", USDT: "100000000" },
};

/**
 * What the demo accounts move into their futures wallets once (idempotent business keys), in
 * USDT: the perpetual's market maker and order flow trade on margin like anyone.
 */
export const DEMO_FUTURES: Record<string, string> = {
  "market-maker@exchange.local": "10000000",
  "order-flow@exchange.local": "10000000",
};

/**
 * What the demo loan pools are given once (operator → loan, idempotent business keys), per loan
 * asset, in whole units: enough for newcomers to borrow against BTC and ETH in `npm run dev`.
 */
export const DEMO_LOAN_POOLS: Record<string, string> = { USDT: "5000000" };
