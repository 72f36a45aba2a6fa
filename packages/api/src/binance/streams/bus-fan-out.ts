import { type Logger, streamBusChannel } from "@exchange/protocol";
import type { Redis } from "ioredis";

/** Receives each message of a bus channel, as published (JSON text). */
export type BusListener = (message: string) => void;

interface BusChannel {
  listeners: Set<BusListener>;
  /** Settles once Redis has confirmed the SUBSCRIBE. */
  subscribed: Promise<void>;
}

/**
 * One Redis subscription per bus channel that at least one local listener wants, however many
 * connections want it (as the stream gateway's fan-out does): the instances share nothing but
 * Redis, and each delivers every push to its own connections.
 */
export class BusFanOut {
  private readonly channels = new Map<string, BusChannel>();

  constructor(
    private readonly subscriber: Redis,
    private readonly prefix: string,
    private readonly log: Logger,
  ) {
    subscriber.on("message", (channel: string, message: string) => this.deliver(channel, message));
  }

  /** Resolves once `listener` receives every message published on `busName` from now on. */
  async listen(busName: string, listener: BusListener): Promise<void> {
    const channel = streamBusChannel(this.prefix, busName);
    let entry = this.channels.get(channel);
    if (!entry) {
      const created: BusChannel = {
        listeners: new Set(),
        subscribed: this.subscriber.subscribe(channel).then(() => undefined),
      };
      created.subscribed.catch(() => {
        if (this.channels.get(channel) === created) this.channels.delete(channel);
      });
      this.channels.set(channel, created);
      entry = created;
    }
    entry.listeners.add(listener);
    await entry.subscribed;
  }

  async unlisten(busName: string, listener: BusListener): Promise<void> {
    const channel = streamBusChannel(this.prefix, busName);
    const entry = this.channels.get(channel);
    if (!entry?.listeners.delete(listener) || entry.listeners.size > 0) return;
    this.channels.delete(channel);
    await this.subscriber.unsubscribe(channel).catch(() => undefined);
  }

  /** Bus channels this instance listens to. */
  get channelCount(): number {
    return this.channels.size;
  }

  private deliver(channel: string, message: string): void {
    const entry = this.channels.get(channel);
    if (!entry) return;
    for (const listener of entry.listeners) {
      try {
        listener(message);
      } catch (error) {
        this.log.warn("stream delivery failed", { channel, error: String(error) });
      }
    }
  }
}
