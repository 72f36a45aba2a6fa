import { StreamErrorCode } from "./protocol";

/**
 * Channel names. Public: `<SYMBOL>@<topic>` (BTCUSDT@depth, BTCUSDT@kline_1m). Private:
 * `@<topic>` — the gateway maps it to `<uid>@<topic>` of the authenticated user only, so one
 * user can never subscribe to another's events.
 */
export const PUBLIC_TOPICS = new Set(["depth", "trades", "ticker", "markprice"]);
export const KLINE_INTERVALS = new Set(["1m", "5m", "15m", "1h", "4h", "1d"]);
export const PRIVATE_TOPICS = new Set(["balance", "order", "account", "position"]);
/** Private topics whose domain (perpetual contracts) does not exist yet. */
const UNAVAILABLE_TOPICS = new Set(["position"]);

const SYMBOL = /^[A-Z0-9]{2,20}$/;

export type ResolvedChannel =
  | { ok: true /** the bus name this subscription listens to */; busName: string }
  | { ok: false; code: StreamErrorCode; msg: string };

export function resolveChannel(channel: string, userId: number | undefined): ResolvedChannel {
  const at = channel.indexOf("@");
  if (at < 0 || at !== channel.lastIndexOf("@")) return invalid(channel);
  const owner = channel.slice(0, at);
  const topic = channel.slice(at + 1);
  if (owner === "") return resolvePrivate(channel, topic, userId);
  if (!SYMBOL.test(owner) || !isPublicTopic(topic)) return invalid(channel);
  return { ok: true, busName: channel };
}

function resolvePrivate(
  channel: string,
  topic: string,
  userId: number | undefined,
): ResolvedChannel {
  if (!PRIVATE_TOPICS.has(topic)) return invalid(channel);
  if (userId === undefined)
    return { ok: false, code: StreamErrorCode.NOT_AUTHENTICATED, msg: "Not Auth" };
  if (UNAVAILABLE_TOPICS.has(topic)) {
    return {
      ok: false,
      code: StreamErrorCode.CHANNEL_UNAVAILABLE,
      msg: `${channel} is not available: this exchange has no contract positions yet`,
    };
  }
  return { ok: true, busName: `${userId}@${topic}` };
}

function isPublicTopic(topic: string): boolean {
  if (PUBLIC_TOPICS.has(topic)) return true;
  return topic.startsWith("kline_") && KLINE_INTERVALS.has(topic.slice("kline_".length));
}

function invalid(channel: string): ResolvedChannel {
  return { ok: false, code: StreamErrorCode.INVALID_CHANNEL, msg: `Invalid channel: ${channel}` };
}
