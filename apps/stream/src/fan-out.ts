import { type Logger, streamBusChannel } from "@exchange/protocol";
import type { Redis } from "ioredis";
import { OutboundFrame } from "./outbound-frame";
import { eventFrame } from "./protocol";

/** Anything that can receive a frame: a client's subscription in production. */
export interface Subscriber {
  send(frame: OutboundFrame): void;
}

interface LocalChannel {
  clientChannel: string;
  subscribers: Set<Subscriber>;
  /** Settles once Redis has confirmed the SUBSCRIBE. */
  subscribed: Promise<void>;
}

/**
 * Local fan-out of Redis pub/sub. The gateway holds one Redis subscription per bus channel that
 * has at least one local subscriber, however many connections want it, and copies each message
 * to them. Every gateway instance does the same, so each delivers every event to its own
 * connections: instances share nothing but Redis.
 */
export class FanOut {
  private readonly local = new Map<string, LocalChannel>();

  constructor(
    private readonly subscriberRedis: Redis,
    private readonly prefix: string,
    private readonly log: Logger,
  ) {
    subscriberRedis.on("message", (channel: string, message: string) =>
      this.deliver(channel, message),
    );
  }

  /**
   * Resolves once `subscriber` receives every message published from now on: after Redis has
   * confirmed the subscription, also when another connection asked for it a moment earlier.
   * @param busName the bus channel (`BTCUSDT@depth`, or `<uid>@balance` for private ones)
   * @param clientChannel the name the client used, echoed in `event` (`@balance`)
   */
  async add(busName: string, clientChannel: string, subscriber: Subscriber): Promise<void> {
    const channel = streamBusChannel(this.prefix, busName);
    let entry = this.local.get(channel);
    if (!entry) {
      const created: LocalChannel = {
        clientChannel,
        subscribers: new Set(),
        subscribed: this.subscriberRedis.subscribe(channel).then(() => undefined),
      };
      created.subscribed.catch(() => {
        if (this.local.get(channel) === created) this.local.delete(channel);
      });
      this.local.set(channel, created);
      entry = created;
    }
    entry.subscribers.add(subscriber);
    await entry.subscribed;
  }

  async remove(busName: string, subscriber: Subscriber): Promise<void> {
    const channel = streamBusChannel(this.prefix, busName);
    const entry = this.local.get(channel);
    if (!entry?.subscribers.delete(subscriber) || entry.subscribers.size > 0) return;
    this.local.delete(channel);
    await this.subscriberRedis.unsubscribe(channel);
  }

  /** Number of distinct bus channels this instance listens to. */
  get channelCount(): number {
    return this.local.size;
  }

  private deliver(channel: string, message: string): void {
    const entry = this.local.get(channel);
    if (!entry) return;
    // Encoded and framed once for every subscriber: with thousands of them, per-socket work
    // dominates.
    const frame = OutboundFrame.of(eventFrame(entry.clientChannel, message));
    for (const subscriber of entry.subscribers) {
      try {
        subscriber.send(frame);
      } catch (error) {
        this.log.warn("delivery failed", { channel, error });
      }
    }
  }
}
