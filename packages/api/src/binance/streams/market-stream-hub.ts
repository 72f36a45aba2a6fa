import type { DepthDiffWire } from "@exchange/contracts/depth";
import type { KlinePushWire } from "@exchange/contracts/kline";
import type { TickerPushWire } from "@exchange/contracts/ticker";
import type { PublicTradeWire } from "@exchange/contracts/trade";
import type { Logger } from "@exchange/protocol";
import type { BusFanOut, BusListener } from "./bus-fan-out";
import { aggTradeEvent, DepthMerge, klineEvent, tickerEvent, tradeEvent } from "./market-events";
import { busNameOf, type MarketStream } from "./stream-names";

/**
 * One event of a stream, serialized once for every connection that wants it: the raw form
 * (`/ws/<stream>`) and the combined one (`{"stream":…,"data":…}`), each built on first use.
 */
export class StreamEvent {
  private combinedText: string | undefined;

  constructor(
    readonly stream: string,
    readonly raw: string,
  ) {}

  get combined(): string {
    this.combinedText ??= `{"stream":${JSON.stringify(this.stream)},"data":${this.raw}}`;
    return this.combinedText;
  }
}

export interface StreamSubscriber {
  deliver(event: StreamEvent): void;
}

interface StreamEntry {
  subscribers: Set<StreamSubscriber>;
  listener: BusListener;
  busName: string;
  timer?: NodeJS.Timeout;
}

/**
 * The market streams of one gateway instance: each stream name that a local connection wants
 * listens once to its bus channel and turns each push into Binance's event once for all of
 * them. Depth streams gather the book's diffs and send them every 100 or 1000 ms.
 */
export class MarketStreamHub {
  private readonly streams = new Map<string, StreamEntry>();

  constructor(
    private readonly bus: BusFanOut,
    private readonly now: () => number,
    private readonly log: Logger,
  ) {}

  /** Resolves once `subscriber` receives every event of `name` from now on. */
  async add(name: string, stream: MarketStream, subscriber: StreamSubscriber): Promise<void> {
    let entry = this.streams.get(name);
    if (!entry) {
      entry = this.open(name, stream);
      this.streams.set(name, entry);
    }
    entry.subscribers.add(subscriber);
    await this.bus.listen(entry.busName, entry.listener);
  }

  async remove(name: string, subscriber: StreamSubscriber): Promise<void> {
    const entry = this.streams.get(name);
    if (!entry?.subscribers.delete(subscriber) || entry.subscribers.size > 0) return;
    this.streams.delete(name);
    if (entry.timer) clearInterval(entry.timer);
    await this.bus.unlisten(entry.busName, entry.listener);
  }

  /** Stops every depth timer (at shutdown). */
  close(): void {
    for (const entry of this.streams.values()) if (entry.timer) clearInterval(entry.timer);
    this.streams.clear();
  }

  get streamCount(): number {
    return this.streams.size;
  }

  private open(name: string, stream: MarketStream): StreamEntry {
    const entry: StreamEntry = {
      subscribers: new Set(),
      busName: busNameOf(stream),
      listener: () => undefined,
    };
    const send = (payload: object) =>
      this.send(entry, new StreamEvent(name, JSON.stringify(payload)));
    if (stream.kind === "depth") {
      const merge = new DepthMerge();
      entry.listener = (message) => merge.add(JSON.parse(message) as DepthDiffWire);
      entry.timer = setInterval(() => {
        const event = merge.take(stream.symbol, this.now());
        if (event) send(event);
      }, stream.intervalMs);
      entry.timer.unref();
      return entry;
    }
    entry.listener = (message) => send(eventOf(stream, message, this.now()));
    return entry;
  }

  private send(entry: StreamEntry, event: StreamEvent): void {
    for (const subscriber of entry.subscribers) {
      try {
        subscriber.deliver(event);
      } catch (error) {
        this.log.warn("stream event not delivered", { stream: event.stream, error: String(error) });
      }
    }
  }
}

function eventOf(stream: Exclude<MarketStream, { kind: "depth" }>, message: string, nowMs: number) {
  switch (stream.kind) {
    case "trade":
      return tradeEvent(stream.symbol, JSON.parse(message) as PublicTradeWire, nowMs);
    case "aggTrade":
      return aggTradeEvent(stream.symbol, JSON.parse(message) as PublicTradeWire, nowMs);
    case "kline":
      return klineEvent(JSON.parse(message) as KlinePushWire, nowMs);
    case "ticker":
      return tickerEvent(JSON.parse(message) as TickerPushWire, nowMs);
  }
}
