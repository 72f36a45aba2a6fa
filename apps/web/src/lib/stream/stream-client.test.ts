import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { type SocketLike, StreamClient, type StreamClientOptions } from "./stream-client";

/** A scripted gateway connection: records what the client sends and answers on demand. */
class FakeSocket implements SocketLike {
  readyState = 0;
  sent: Record<string, unknown>[] = [];
  onopen: SocketLike["onopen"] = null;
  onmessage: SocketLike["onmessage"] = null;
  onclose: SocketLike["onclose"] = null;
  onerror: SocketLike["onerror"] = null;

  send(data: string) {
    this.sent.push(JSON.parse(data));
  }
  close() {
    this.readyState = 3;
  }
  open() {
    this.readyState = 1;
    this.onopen?.({});
  }
  push(frame: unknown) {
    this.onmessage?.({ data: JSON.stringify(frame) });
  }
  ok() {
    this.push({ result: true });
  }
  drop() {
    this.readyState = 3;
    this.onclose?.({});
  }
}

let sockets: FakeSocket[];

function client(options: Partial<StreamClientOptions> = {}) {
  return new StreamClient({
    url: "ws://gateway/exchange-stream",
    createSocket: () => {
      const socket = new FakeSocket();
      sockets.push(socket);
      return socket;
    },
    random: () => 1,
    ...options,
  });
}

/** Answers every operation in flight with success until the client has nothing left to send. */
function answerAll(socket: FakeSocket) {
  let answered = 0;
  while (socket.sent.length > answered) {
    answered += 1;
    socket.ok();
  }
}

beforeEach(() => {
  vi.useFakeTimers();
  sockets = [];
});
afterEach(() => vi.useRealTimers());

describe("StreamClient", () => {
  it("subscribes one operation at a time and delivers pushes to each channel's listeners", () => {
    const stream = client();
    const depth = vi.fn();
    const trades = vi.fn();
    stream.subscribe("BTCUSDT@depth", depth);
    stream.subscribe("BTCUSDT@trades", trades);
    stream.start();
    const socket = sockets[0] as FakeSocket;
    socket.open();

    // The second subscribe waits for the first reply: replies carry no id.
    expect(socket.sent).toEqual([{ op: "subscribe", channel: "BTCUSDT@depth" }]);
    socket.ok();
    expect(socket.sent).toHaveLength(2);
    socket.ok();

    socket.push({ event: "BTCUSDT@trades", data: { price: "1" } });
    expect(trades).toHaveBeenCalledWith({ price: "1" });
    expect(depth).not.toHaveBeenCalled();
  });

  it("asks again for a book the gateway has no snapshot of yet, and goes live when it has", async () => {
    // A market listed a moment ago: the worker has not written its empty book yet.
    const stream = client();
    const depth = vi.fn();
    stream.subscribe("NEWUSDT@depth", depth);
    stream.start();
    const socket = sockets[0] as FakeSocket;
    socket.open();
    const refuse = () => socket.push({ code: 10, msg: "No depth snapshot for NEWUSDT@depth" });
    const subscribes = () => socket.sent.filter((op) => op.op === "subscribe").length;

    refuse();
    await vi.advanceTimersByTimeAsync(999);
    expect(subscribes()).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(subscribes()).toBe(2);
    // Refused again: the next try waits twice as long.
    refuse();
    await vi.advanceTimersByTimeAsync(1_999);
    expect(subscribes()).toBe(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(subscribes()).toBe(3);

    socket.ok();
    const snapshot = { type: "snapshot", seq: 0, bids: [], asks: [] };
    socket.push({ event: "NEWUSDT@depth", data: snapshot });
    expect(depth).toHaveBeenCalledWith(snapshot);
    expect(stream.getState()).toMatchObject({ status: "open", flowing: true });
  });

  it("sends private subscriptions only after a successful auth with a fresh token", async () => {
    const fetchToken = vi.fn(async () => "token-1");
    const stream = client({ fetchToken });
    stream.subscribe("@order", vi.fn());
    stream.start();
    const socket = sockets[0] as FakeSocket;
    socket.open();
    await vi.waitFor(() => expect(socket.sent).toEqual([{ op: "auth", token: "token-1" }]));
    socket.ok();
    await vi.waitFor(() =>
      expect(socket.sent.at(-1)).toEqual({ op: "subscribe", channel: "@order" }),
    );
    expect(stream.getState().authenticated).toBe(true);
  });

  it("reconnects after a drop, subscribes everything again and tells the page", async () => {
    const fetchToken = vi.fn(async () => `token-${fetchToken.mock.calls.length}`);
    const stream = client({ fetchToken, reconnectBaseMs: 100 });
    const reconnected = vi.fn();
    stream.onReconnect(reconnected);
    stream.subscribe("BTCUSDT@depth", vi.fn());
    stream.subscribe("@balance", vi.fn());
    stream.start();
    const first = sockets[0] as FakeSocket;
    first.open();
    await vi.waitFor(() => expect(first.sent).toHaveLength(1));
    answerAll(first);
    await vi.waitFor(() => expect(first.sent).toHaveLength(3));
    answerAll(first);

    first.drop();
    expect(stream.getState()).toMatchObject({ status: "reconnecting", authenticated: false });
    vi.advanceTimersByTime(100);
    const second = sockets[1] as FakeSocket;
    second.open();
    expect(reconnected).toHaveBeenCalledTimes(1);
    await vi.waitFor(() => expect(fetchToken).toHaveBeenCalledTimes(2));
    for (let i = 0; i < 5; i += 1) {
      answerAll(second);
      await Promise.resolve();
    }
    await vi.waitFor(() =>
      expect(second.sent).toEqual(
        expect.arrayContaining([
          { op: "subscribe", channel: "BTCUSDT@depth" },
          { op: "auth", token: "token-2" },
          { op: "subscribe", channel: "@balance" },
        ]),
      ),
    );
  });

  it("probes a silent connection and replaces it when the probe goes unanswered", () => {
    const stream = client({ idleProbeMs: 1_000, replyTimeoutMs: 500, reconnectBaseMs: 100 });
    stream.start();
    const socket = sockets[0] as FakeSocket;
    socket.open();
    vi.advanceTimersByTime(1_000);
    expect(socket.sent).toEqual([{ op: "unsubscribe", channel: "HEARTBEAT@ticker" }]);
    vi.advanceTimersByTime(500);
    expect(stream.getState().status).toBe("reconnecting");
    vi.advanceTimersByTime(100);
    expect(sockets).toHaveLength(2);
  });

  it("stops the gateway subscription when the last listener leaves", () => {
    const stream = client();
    stream.start();
    const socket = sockets[0] as FakeSocket;
    socket.open();
    const a = stream.subscribe("ETHUSDT@ticker", vi.fn());
    const b = stream.subscribe("ETHUSDT@ticker", vi.fn());
    socket.ok();
    a();
    expect(socket.sent).toHaveLength(1);
    b();
    expect(socket.sent.at(-1)).toEqual({ op: "unsubscribe", channel: "ETHUSDT@ticker" });
  });

  it("backs off further after each failed attempt", () => {
    const stream = client({ reconnectBaseMs: 100, reconnectMaxMs: 1_000 });
    stream.start();
    (sockets[0] as FakeSocket).drop();
    vi.advanceTimersByTime(100);
    (sockets[1] as FakeSocket).drop();
    vi.advanceTimersByTime(199);
    expect(sockets).toHaveLength(2);
    vi.advanceTimersByTime(1);
    expect(sockets).toHaveLength(3);
    stream.stop();
    expect(stream.getState().status).toBe("closed");
  });
});

describe("StreamClient, opening and closing", () => {
  it("never closes a socket mid-handshake: it waits for the open, then closes it", () => {
    const stream = client();
    stream.start();
    const socket = sockets[0] as FakeSocket;
    const close = vi.spyOn(socket, "close");
    stream.stop();
    // Closing now would make the browser warn "closed before the connection is established".
    expect(close).not.toHaveBeenCalled();
    socket.open();
    expect(close).toHaveBeenCalledTimes(1);
    expect(socket.sent).toEqual([]);
    expect(stream.getState().status).toBe("closed");
  });

  it("says data is flowing only once the connection delivered some, not when it opened", () => {
    const stream = client();
    stream.subscribe("BTCUSDT@depth", () => {});
    stream.start();
    const socket = sockets[0] as FakeSocket;
    socket.open();
    expect(stream.getState()).toMatchObject({ status: "open", flowing: false });
    socket.ok();
    expect(stream.getState().flowing).toBe(false);
    socket.push({ event: "BTCUSDT@depth", data: { type: "snapshot" } });
    expect(stream.getState().flowing).toBe(true);
    socket.drop();
    expect(stream.getState()).toMatchObject({ status: "reconnecting", flowing: false });
  });
});
