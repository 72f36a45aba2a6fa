import { marketDataKeys as storedKeys } from "@exchange/contracts/market-data-keys";
import { streamBusChannel } from "@exchange/protocol";

/**
 * The market-data keys (packages/contracts market-data-keys.ts documents them) and the pub/sub
 * channel the gateways relay to subscribers.
 */
export function marketDataKeys(prefix: string) {
  return {
    ...storedKeys(prefix),
    /** The pub/sub channel the gateways relay to subscribers of `channel`. */
    channel: (channel: string) => streamBusChannel(prefix, channel),
  };
}
export type MarketDataKeys = ReturnType<typeof marketDataKeys>;
