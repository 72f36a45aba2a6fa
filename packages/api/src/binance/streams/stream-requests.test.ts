import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { busNameOf, parseMarketStream } from "./stream-names";
import { isRequestError, parseStreamRequest } from "./stream-requests";
import { parseWsApiRequest, signedPayload } from "./ws-api-requests";

describe("market stream names", () => {
  it("reads Binance's lower-case names onto the bus channels", () => {
    expect(parseMarketStream("btcusdt@depth")).toEqual({
      kind: "depth",
      symbol: "BTCUSDT",
      intervalMs: 1000,
    });
    expect(parseMarketStream("btcusdt@depth@100ms")).toMatchObject({ intervalMs: 100 });
    const kline = parseMarketStream("ethusdt@kline_1m");
    expect(kline && busNameOf(kline)).toBe("ETHUSDT@kline_1m");
    const trade = parseMarketStream("btcusdt@trade");
    expect(trade && busNameOf(trade)).toBe("BTCUSDT@trades");
    expect(parseMarketStream("btcusdt@aggTrade")?.kind).toBe("aggTrade");
  });

  it("refuses what Binance would not serve", () => {
    for (const name of [
      "BTCUSDT@trade",
      "btcusdt@kline_2m",
      "btcusdt",
      "@trade",
      "btcusdt@depth@250ms",
    ])
      expect(parseMarketStream(name)).toBeUndefined();
  });

  it("never throws, whatever the name", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 100 }), (name) => {
        parseMarketStream(name);
      }),
    );
  });
});

describe("the subscribe protocol", () => {
  it("reads SUBSCRIBE, UNSUBSCRIBE and LIST_SUBSCRIPTIONS with their ids", () => {
    expect(parseStreamRequest('{"method":"SUBSCRIBE","params":["btcusdt@trade"],"id":1}')).toEqual({
      method: "SUBSCRIBE",
      streams: ["btcusdt@trade"],
      id: 1,
    });
    expect(parseStreamRequest('{"method":"LIST_SUBSCRIPTIONS","id":"a"}')).toEqual({
      method: "LIST_SUBSCRIPTIONS",
      id: "a",
    });
  });

  it("answers bad JSON and unknown methods with Binance's error frame", () => {
    expect(parseStreamRequest("{")).toEqual({
      error: { code: 3, msg: "Invalid JSON" },
      id: null,
    });
    expect(parseStreamRequest('{"method":"NOPE","id":7}')).toEqual({
      error: { code: 2, msg: "Invalid request" },
      id: 7,
    });
    expect(parseStreamRequest('{"method":"SUBSCRIBE","params":[1],"id":7}')).toMatchObject({
      error: { code: 2 },
    });
    expect(parseStreamRequest('{"method":"SUBSCRIBE","params":[],"id":-1}')).toMatchObject({
      error: { code: 2 },
      id: null,
    });
  });

  it("turns any text or JSON value into a request or an error, never a crash", () => {
    const anyText = fc.oneof(
      fc.string(),
      fc.json(),
      fc.jsonValue().map((v) => JSON.stringify(v)),
    );
    fc.assert(
      fc.property(anyText, (text) => {
        const parsed = parseStreamRequest(text);
        if (isRequestError(parsed)) expect(typeof parsed.error.code).toBe("number");
        else
          expect([
            "SUBSCRIBE",
            "UNSUBSCRIBE",
            "LIST_SUBSCRIPTIONS",
            "SET_PROPERTY",
            "GET_PROPERTY",
          ]).toContain(parsed.method);
      }),
      { numRuns: 500 },
    );
    const request = fc.record({
      method: fc.constantFrom("SUBSCRIBE", "UNSUBSCRIBE", "LIST_SUBSCRIPTIONS", 5, null),
      params: fc.anything(),
      id: fc.anything(),
    });
    fc.assert(
      fc.property(request, (body) => {
        parseStreamRequest(JSON.stringify(body) ?? "");
      }),
    );
  });
});

describe("the WebSocket API's requests", () => {
  it("signs the parameters sorted by name, signature left out", () => {
    expect(
      signedPayload({ timestamp: 1700000000000, apiKey: "k", signature: "s", recvWindow: 5000 }),
    ).toBe("apiKey=k&recvWindow=5000&timestamp=1700000000000");
  });

  it("never throws, whatever arrives", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.jsonValue().map((v) => JSON.stringify(v)),
        ),
        (text) => {
          const parsed = parseWsApiRequest(text);
          expect(parsed).toHaveProperty("id");
        },
      ),
      { numRuns: 500 },
    );
  });
});
