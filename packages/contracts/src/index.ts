/**
 * Every public shape once: what the trading UI, the admin console, the WebSocket gateway and the
 * APIs for bots show of the exchange. Browser-safe: zod and the pure core only.
 */
export {};
