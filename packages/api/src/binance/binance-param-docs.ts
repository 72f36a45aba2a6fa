import { KLINE_INTERVALS } from "@exchange/contracts/kline";
import { z } from "zod";

/**
 * The parameters a route reads, as the API reference shows them. Documentation only: each
 * handler still reads its query with the parameter readers (binance-params.ts), which answer
 * Binance's exact error for each mistake; these describe the same rules for people and tools.
 */
export const docParam = {
  symbol: z
    .string()
    .regex(/^[A-Z0-9\-_.]{1,20}$/)
    .describe("A market in Binance's form, base then quote asset: `BTCUSDT`."),
  symbols: z
    .string()
    .describe('A JSON array of markets, such as `["BTCUSDT","ETHUSDT"]`; exclusive with `symbol`.'),
  limit: (fallback: number, max: number) =>
    z
      .number()
      .int()
      .min(1)
      .max(max)
      .default(fallback)
      .describe(`How many rows to answer (default ${fallback}, at most ${max}).`),
  startTime: z.number().int().min(0).describe("Earliest time to include (epoch milliseconds)."),
  endTime: z.number().int().min(0).describe("Latest time to include (epoch milliseconds)."),
  interval: z.enum(KLINE_INTERVALS).describe("The candle's length: only the ones kept here."),
  fromId: z.number().int().min(0).describe("The first trade id to answer."),
  side: z.enum(["BUY", "SELL"]).describe("Buy or sell."),
  decimal: (what: string) =>
    z
      .string()
      .regex(/^\d+(\.\d+)?$/)
      .describe(what),
  orderId: z.number().int().min(1).describe("The order's id, as placing it answered."),
  clientOrderId: (what: string) =>
    z
      .string()
      .regex(/^[a-zA-Z0-9-_.]{1,36}$/)
      .describe(what),
  timeInForce: z.enum(["GTC", "IOC", "FOK"]).describe("How long the order works (default GTC)."),
};

/**
 * What every signed request carries besides its own parameters (Binance's SIGNED scheme): the
 * signature is HMAC-SHA256 of the query string and body exactly as sent, keyed by the secret.
 */
export const signedDocParams = z.object({
  timestamp: z
    .number()
    .int()
    .describe("When the request was made (epoch milliseconds); refused outside `recvWindow`."),
  recvWindow: z
    .number()
    .int()
    .min(1)
    .max(60_000)
    .default(5_000)
    .describe("How long after `timestamp` the request may still be accepted (ms)."),
  signature: z
    .string()
    .regex(/^[0-9a-fA-F]{64}$/)
    .describe(
      "HMAC-SHA256 (hex) of the query string and form body as sent, with the key's secret; for an Ed25519 key, the base64 signature.",
    ),
});
