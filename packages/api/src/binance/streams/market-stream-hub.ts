import type { Depth, DepthDiffWire, Level } from "@exchange/contracts/depth";
import type { KlinePushWire } from "@exchange/contracts/kline";
import type { TickerPushWire } from "@exchange/contracts/ticker";
import type { PublicTradeWire } from "@exchange/contracts/trade";
import type { Logger } from "@exchange/protocol";
import { binanceDecimal } from "../binance-decimal";
import type { BusFanOut, BusListener } from "./bus-fan-out";
import { LocalBook } from "./local-book";
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
    /** The market's depth snapshot (Redis), for the streams made from the whole book. */
    private readonly readSnapshot: (symbol: string) => Promise<Depth>,
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
    if (stream.kind === "bookTicker" || stream.kind === "partialDepth") {
      this.openBookStream(entry, stream, send);
      return entry;
    }
    entry.listener = (message) => send(eventOf(stream, message, this.now()));
    return entry;
  }

  /**
   * `@bookTicker` on each change of the top (an empty book's first one too: `lastTop` starts
   * apart from any); `@depth<n>` every interval the book moved.
   */
  private openBookStream(
    entry: StreamEntry,
    stream: Extract<MarketStream, { kind: "bookTicker" | "partialDepth" }>,
    send: (payload: object) => void,
  ): void {
    const load = () => {
      this.readSnapshot(stream.symbol).then(
        (snapshot) => book.load(snapshot),
        (error) => this.log.warn("depth snapshot not read", { error: String(error) }),
      );
    };
    let lastTop = "";
    const sendTop = () => {
      if (stream.kind !== "bookTicker") return;
      const { bids, asks } = book.top(1);
      const top = JSON.stringify([bids[0], asks[0]]);
      if (top === lastTop) return;
      lastTop = top;
      send(bookTickerEvent(stream.symbol, book.sequence ?? 0, bids[0], asks[0]));
    };
    const book = new LocalBook(load, sendTop);
    load();
    entry.listener = (message) => void book.apply(JSON.parse(message) as DepthDiffWire);
    if (stream.kind === "bookTicker") return;
    let sentSeq: number | undefined;
    entry.timer = setInterval(() => {
      const seq = book.sequence;
      if (seq === undefined || seq === sentSeq) return;
      sentSeq = seq;
      const { bids, asks } = book.top(stream.levels);
      send({ lastUpdateId: seq, bids: binanceLevels(bids), asks: binanceLevels(asks) });
    }, stream.intervalMs);
    entry.timer.unref();
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

function eventOf(
  stream: Extract<MarketStream, { kind: "trade" | "aggTrade" | "kline" | "ticker" }>,
  message: string,
  nowMs: number,
) {
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

/** `<symbol>@bookTicker`: `u` is the book sequence of the change. */
function bookTickerEvent(symbol: string, seq: number, bid?: Level, ask?: Level) {
  return {
    u: seq,
    s: symbol,
    b: binanceDecimal(bid?.[0] ?? null),
    B: binanceDecimal(bid?.[1] ?? null),
    a: binanceDecimal(ask?.[0] ?? null),
    A: binanceDecimal(ask?.[1] ?? null),
  };
}

function binanceLevels(levels: Level[]): [string, string][] {
  return levels.map(([price, quantity]) => [binanceDecimal(price), binanceDecimal(quantity)]);
}
