import type { MarketStreamHub, StreamEvent, StreamSubscriber } from "./market-stream-hub";
import { parseMarketStream } from "./stream-names";
import {
  isRequestError,
  parseStreamRequest,
  type RequestId,
  StreamErrorCode,
  type StreamRequest,
} from "./stream-requests";

/** Binance's limits of one market-stream connection. */
export const MARKET_STREAM_LIMITS = {
  /** Streams one connection may listen to. */
  streamsMax: 1024,
  /** Client messages per second; one more closes the connection. */
  messagesPerSecond: 5,
};

/** What a connection writes to: the WebSocket in production. */
export interface TextSink {
  send(text: string): void;
  /** Closes with a WebSocket close code and reason. */
  close(code: number, reason: string): void;
}

/** Policy violation (RFC 6455 §7.4.1): what Binance closes an over-talkative client with. */
export const CLOSE_POLICY_VIOLATION = 1008;

/**
 * One market-stream connection: its subscriptions, in raw form (`/ws`) or combined
 * (`/stream`, or after `SET_PROPERTY combined true`), and the live subscribe protocol.
 */
export class MarketConnection implements StreamSubscriber {
  private readonly subscribed = new Set<string>();
  private windowStartMs = 0;
  private messagesInWindow = 0;
  private closed = false;

  constructor(
    private readonly hub: MarketStreamHub,
    private readonly sink: TextSink,
    private combined: boolean,
    private readonly now: () => number,
  ) {}

  deliver(event: StreamEvent): void {
    if (!this.closed) this.sink.send(this.combined ? event.combined : event.raw);
  }

  /**
   * Subscribes the streams named in the URL. Names that are not streams are passed over, as
   * Binance does: ccxt opens `/ws/<n>` (a connection number) and then sends SUBSCRIBE.
   */
  async open(names: readonly string[]): Promise<void> {
    const streams = names.filter((name) => parseMarketStream(name));
    await this.subscribe(streams.slice(0, MARKET_STREAM_LIMITS.streamsMax));
  }

  /** One text frame from the client: answered, or the connection closed past the rate limit. */
  async receive(text: string): Promise<void> {
    if (!this.admit()) {
      this.sink.close(CLOSE_POLICY_VIOLATION, "Too many messages");
      return;
    }
    const request = parseStreamRequest(text);
    if (isRequestError(request)) {
      this.sink.send(JSON.stringify(request));
      return;
    }
    this.sink.send(JSON.stringify(await this.answer(request)));
  }

  /** Leaves every stream (the socket closed). */
  async close(): Promise<void> {
    this.closed = true;
    const names = [...this.subscribed];
    this.subscribed.clear();
    await Promise.all(names.map((name) => this.hub.remove(name, this)));
  }

  get streamCount(): number {
    return this.subscribed.size;
  }

  private async answer(request: StreamRequest): Promise<object> {
    switch (request.method) {
      case "SUBSCRIBE":
        return this.subscribeRequest(request.streams, request.id);
      case "UNSUBSCRIBE":
        await Promise.all(
          request.streams.map((name) => {
            this.subscribed.delete(name);
            return this.hub.remove(name, this);
          }),
        );
        return { result: null, id: request.id };
      case "LIST_SUBSCRIPTIONS":
        return { result: [...this.subscribed], id: request.id };
      case "SET_PROPERTY":
        this.combined = request.combined;
        return { result: null, id: request.id };
      case "GET_PROPERTY":
        return { result: this.combined, id: request.id };
    }
  }

  private async subscribeRequest(names: string[], id: RequestId): Promise<object> {
    const unknown = names.find((name) => !parseMarketStream(name));
    if (unknown !== undefined) return invalidRequest(id, `unknown stream ${unknown}`);
    const fresh = new Set(names.filter((name) => !this.subscribed.has(name)));
    if (this.subscribed.size + fresh.size > MARKET_STREAM_LIMITS.streamsMax)
      return invalidRequest(id, `at most ${MARKET_STREAM_LIMITS.streamsMax} streams`);
    await this.subscribe([...fresh]);
    return { result: null, id };
  }

  private async subscribe(names: readonly string[]): Promise<void> {
    for (const name of names) this.subscribed.add(name);
    await Promise.all(
      names.map((name) => {
        const stream = parseMarketStream(name);
        return stream ? this.hub.add(name, stream, this) : undefined;
      }),
    );
  }

  /** Counts a message in the current one-second window; false past the limit. */
  private admit(): boolean {
    const nowMs = this.now();
    if (nowMs - this.windowStartMs >= 1_000) {
      this.windowStartMs = nowMs;
      this.messagesInWindow = 0;
    }
    this.messagesInWindow += 1;
    return this.messagesInWindow <= MARKET_STREAM_LIMITS.messagesPerSecond;
  }
}

function invalidRequest(id: RequestId, detail: string): object {
  return {
    error: { code: StreamErrorCode.INVALID_REQUEST, msg: `Invalid request: ${detail}` },
    id,
  };
}
