import { channels, isPrivateTopic, isPublicTopic, isSymbol } from "@exchange/contracts/channels";
import { StreamErrorCode } from "@exchange/contracts/stream-errors";

/**
 * Which bus name a subscription listens to (packages/contracts channels.ts names them). A
 * private `@<topic>` resolves to the authenticated user's own `<uid>@<topic>` only, so one user
 * can never subscribe to another's events.
 */
export type ResolvedChannel =
  | { ok: true /** the bus name this subscription listens to */; busName: string }
  | { ok: false; code: StreamErrorCode; msg: string };

export function resolveChannel(channel: string, userId: number | undefined): ResolvedChannel {
  const at = channel.indexOf("@");
  if (at < 0 || at !== channel.lastIndexOf("@")) return invalid(channel);
  const owner = channel.slice(0, at);
  const topic = channel.slice(at + 1);
  if (owner === "") return resolvePrivate(channel, topic, userId);
  if (!isSymbol(owner) || !isPublicTopic(topic)) return invalid(channel);
  return { ok: true, busName: channel };
}

function resolvePrivate(
  channel: string,
  topic: string,
  userId: number | undefined,
): ResolvedChannel {
  if (!isPrivateTopic(topic)) return invalid(channel);
  if (userId === undefined)
    return { ok: false, code: StreamErrorCode.NOT_AUTHENTICATED, msg: "Not Auth" };
  return { ok: true, busName: channels.user(userId, topic) };
}

function invalid(channel: string): ResolvedChannel {
  return { ok: false, code: StreamErrorCode.INVALID_CHANNEL, msg: `Invalid channel: ${channel}` };
}
