import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MarketConnection } from "./market-connection";
import type { MarketStreamHub } from "./market-stream-hub";

/** A hub that only counts who listens to what. */
function fakeHub() {
  const listeners = new Map<string, number>();
  const hub = {
    add: async (name: string) => void listeners.set(name, (listeners.get(name) ?? 0) + 1),
    remove: async (name: string) => void listeners.set(name, (listeners.get(name) ?? 1) - 1),
  } as unknown as MarketStreamHub;
  return { hub, listeners };
}

function connection(nowMs: () => number) {
  const sent: string[] = [];
  const closes: number[] = [];
  const { hub, listeners } = fakeHub();
  const sink = {
    send: (text: string) => sent.push(text),
    close: (code: number) => closes.push(code),
  };
  return { conn: new MarketConnection(hub, sink, false, nowMs), sent, closes, listeners };
}

describe("a market-stream connection", () => {
  it("answers every frame with JSON, whatever arrives, and never throws", async () => {
    let clock = 0;
    const frames = fc.array(
      fc.oneof(
        fc.string(),
        fc.jsonValue().map((v) => JSON.stringify(v)),
        fc
          .record({
            method: fc.constantFrom(
              "SUBSCRIBE",
              "UNSUBSCRIBE",
              "LIST_SUBSCRIPTIONS",
              "SET_PROPERTY",
            ),
            params: fc.array(
              fc.oneof(fc.string(), fc.constantFrom("btcusdt@trade", "combined", true)),
            ),
            id: fc.oneof(fc.nat(), fc.string()),
          })
          .map((r) => JSON.stringify(r)),
      ),
      { maxLength: 5 },
    );
    await fc.assert(
      fc.asyncProperty(frames, async (texts) => {
        clock += 10_000;
        const { conn, sent, closes } = connection(() => clock);
        for (const text of texts) await conn.receive(text);
        expect(closes).toEqual([]);
        expect(sent).toHaveLength(texts.length);
        for (const answer of sent) expect(() => JSON.parse(answer)).not.toThrow();
      }),
      { numRuns: 300 },
    );
  });

  it("closes a client past 5 messages a second, and refuses the 1025th stream", async () => {
    const clock = 1_000;
    const { conn, closes } = connection(() => clock);
    for (let i = 0; i < 6; i++) await conn.receive('{"method":"LIST_SUBSCRIPTIONS","id":1}');
    expect(closes).toEqual([1008]);

    let later = 0;
    const many = connection(() => (later += 1_000));
    const names = Array.from(
      { length: 1024 },
      (_, i) => `s${String(i).padStart(4, "0")}usdt@trade`,
    );
    await many.conn.receive(JSON.stringify({ method: "SUBSCRIBE", params: names, id: 1 }));
    expect(JSON.parse(many.sent[0] as string)).toEqual({ result: null, id: 1 });
    await many.conn.receive('{"method":"SUBSCRIBE","params":["btcusdt@trade"],"id":2}');
    expect(JSON.parse(many.sent[1] as string)).toMatchObject({ error: { code: 2 }, id: 2 });
    expect(many.conn.streamCount).toBe(1024);
    await many.conn.close();
    expect([...many.listeners.values()].every((n) => n === 0)).toBe(true);
  });
});
