import { isKlineInterval, type KlineInterval } from "./kline";
import { SYMBOL_PATTERN } from "./wire";

/**
 * WebSocket channel names. Public: `<SYMBOL>@<topic>` (BTCUSDT@depth, BTCUSDT@kline_1m), one
 * shape per topic (depth.ts, trade.ts, ticker.ts, kline.ts, markprice.ts). Private: `@<topic>`,
 * which the gateway maps to the bus name `<uid>@<topic>` of the authenticated user only, so one
 * user can never subscribe to another's events.
 *
 * A new public type is a file beside the others with its schema and its encoder, and its topic
 * here.
 */
export const PUBLIC_TOPICS = ["depth", "trades", "ticker", "markprice"] as const;
export type PublicTopic = (typeof PUBLIC_TOPICS)[number];

/**
 * `@order` (order.ts), `@balance` (balance.ts), `@account` (the user's fills, trade.ts; and,
 * marked by `kind`, their new notifications, notification.ts, loan changes, lending.ts, and
 * futures wallet changes, position.ts),
 * `@wallet` (deposits and withdrawals, wallet.ts), `@position` (perpetual positions,
 * position.ts).
 */
export const PRIVATE_TOPICS = ["balance", "order", "account", "wallet", "position"] as const;
export type PrivateTopic = (typeof PRIVATE_TOPICS)[number];

const KLINE_PREFIX = "kline_";

export const channels = {
  depth: (symbol: string) => `${symbol}@depth`,
  trades: (symbol: string) => `${symbol}@trades`,
  ticker: (symbol: string) => `${symbol}@ticker`,
  markprice: (symbol: string) => `${symbol}@markprice`,
  kline: (symbol: string, interval: KlineInterval) => `${symbol}@${KLINE_PREFIX}${interval}`,
  /** What a client subscribes to for its own `topic`. */
  private: (topic: PrivateTopic) => `@${topic}`,
  /** The bus name a private channel of `userId` is published on. */
  user: (userId: number, topic: PrivateTopic) => `${userId}@${topic}`,
};

export function isPublicTopic(topic: string): boolean {
  if ((PUBLIC_TOPICS as readonly string[]).includes(topic)) return true;
  return topic.startsWith(KLINE_PREFIX) && isKlineInterval(topic.slice(KLINE_PREFIX.length));
}

export function isPrivateTopic(topic: string): topic is PrivateTopic {
  return (PRIVATE_TOPICS as readonly string[]).includes(topic);
}

export function isSymbol(text: string): boolean {
  return SYMBOL_PATTERN.test(text);
}

/** The topic of a channel or bus name: "depth" of `BTCUSDT@depth`, "order" of `7@order`. */
export function topicOf(channel: string): string {
  return channel.slice(channel.lastIndexOf("@") + 1);
}
