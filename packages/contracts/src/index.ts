/**
 * Every public shape once: what the trading UI, the admin console, the WebSocket gateway and the
 * APIs for bots show of the exchange. Browser-safe: zod and the pure core only.
 *
 * Each public type is one file with one zod schema (`Z<Type>`, what a reader parses) and one
 * encoder (`encode<Type>`, engine units → the wire): order.ts, trade.ts (public trade and the
 * user's own fill), balance.ts, ticker.ts, depth.ts, kline.ts, markprice.ts. A new one (a
 * position) is one more such file plus its topic in channels.ts. Import by subpath:
 * `@exchange/contracts/order`.
 */
export * from "./balance";
export * from "./channels";
export * from "./depth";
export * from "./kline";
export * from "./market";
export * from "./market-data-keys";
export * from "./markprice";
export * from "./order";
export * from "./order-life";
export * from "./stream-errors";
export * from "./ticker";
export * from "./trade";
export * from "./wire";
