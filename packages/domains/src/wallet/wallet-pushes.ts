import { channels } from "@exchange/contracts/channels";
import type { WalletUpdateInput } from "@exchange/contracts/wallet";
import { streamBusChannel } from "@exchange/protocol";
import type { Redis } from "ioredis";

/**
 * Pushes a deposit's or withdrawal's latest state to its owner's `@wallet` channel (the
 * gateway delivers it to that user's sockets only). Best effort: a lost push is repaired by
 * the page's next read, so a failure here never fails the money move that caused it.
 */
export async function pushWalletUpdate(
  redis: Redis,
  redisPrefix: string,
  userId: number,
  update: WalletUpdateInput,
): Promise<void> {
  const channel = streamBusChannel(redisPrefix, channels.user(userId, "wallet"));
  await redis.publish(channel, JSON.stringify(update)).catch(() => undefined);
}
