import type { Services } from "@exchange/domains/services";
import { createLogger, ManualClock } from "@exchange/protocol";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import type { WeightCharge, WeightVerdict } from "./binance-rate-limit";
import type { BinanceRoute, SignedRequest } from "./binance-route";
import { createBinanceServer } from "./binance-server";

const clock = new ManualClock(1_700_000_000_000);
// The routes below read nothing of the stores: the services carry only the clock.
const services = { clock } as unknown as Services;
const log = createLogger("test", "fatal");

/** A weight budget that answers the verdicts given, in turn, then allows. */
function scriptedLimiter(verdicts: WeightVerdict[]): WeightCharge & { charged: number[] } {
  const charged: number[] = [];
  return {
    charged,
    charge: async (_address, weight) => {
      charged.push(weight);
      return verdicts.shift() ?? { kind: "allowed", usedWeight: weight };
    },
  };
}

const signedEcho: BinanceRoute = {
  method: "POST",
  path: "/api/v3/order/test",
  security: { kind: "signed", permission: "trade" },
  weight: () => 1,
  answer: z.unknown(),
  handle: async ({ caller }, params) => ({ caller, params }),
};

const failing: BinanceRoute = {
  method: "GET",
  path: "/api/v3/broken",
  security: { kind: "public" },
  weight: () => 1,
  answer: z.unknown(),
  handle: async () => {
    throw new Error("password=hunter2 in a stack trace");
  },
};

function server(options: { limiter?: WeightCharge; signed?: boolean } = {}) {
  const seen: SignedRequest[] = [];
  const app = createBinanceServer({
    services,
    limiter: options.limiter ?? scriptedLimiter([]),
    weightPerMinute: 6_000,
    trustedProxyHops: 0,
    log,
    extraRoutes: [signedEcho, failing],
    ...(options.signed
      ? {
          signedCheck: async (request: SignedRequest) => {
            seen.push(request);
            return { userId: 7, apiKeyId: 3, permissions: ["READ"] };
          },
        }
      : {}),
  });
  return { app, seen };
}

describe("the Binance REST server", () => {
  it("charges each route's weight and says what was used", async () => {
    const limiter = scriptedLimiter([{ kind: "allowed", usedWeight: 25 }]);
    const { app } = server({ limiter });
    const answer = await app.inject({ url: "/api/v3/depth?symbol=BTCUSDT&limit=300" });
    expect(limiter.charged).toEqual([25]);
    expect(answer.headers["x-mbx-used-weight-1m"]).toBe("25");
  });

  it("refuses with 429 past the budget and 418 once banned, with Retry-After", async () => {
    const limiter = scriptedLimiter([
      { kind: "limited", usedWeight: 6_001, retryAfterMs: 12_300 },
      { kind: "banned", usedWeight: 6_002, retryAfterMs: 120_000 },
    ]);
    const { app } = server({ limiter });
    const limited = await app.inject({ url: "/api/v3/ping" });
    expect(limited.statusCode).toBe(429);
    expect(limited.headers["retry-after"]).toBe("13");
    expect(limited.json()).toMatchObject({ code: -1003 });
    const banned = await app.inject({ url: "/api/v3/ping" });
    expect(banned.statusCode).toBe(418);
    expect(banned.headers["retry-after"]).toBe("120");
    expect(banned.json().msg).toContain(`IP banned until ${clock.now() + 120_000}`);
  });

  it("answers an unknown path with Binance's 404 and an unexpected failure without its details", async () => {
    const { app } = server();
    const missing = await app.inject({ url: "/sapi/v1/capital/config/getall" });
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toEqual({
      code: -1099,
      msg: "Not found, unauthenticated, or unauthorized.",
    });
    const broken = await app.inject({ url: "/api/v3/broken" });
    expect(broken.statusCode).toBe(500);
    expect(broken.body).not.toContain("hunter2");
    expect(broken.json()).toMatchObject({ code: -1000 });
  });

  it("refuses a body it cannot read as the caller's mistake (4XX), never a 500", async () => {
    const { app } = server({ signed: true });
    for (const [type, payload] of [
      ["application/json", "{"],
      ["application/x-www-form-urlencoded", "x".repeat(20_000)],
      ["text/xml", "<order/>"],
    ] as const) {
      const answer = await app.inject({
        method: "POST",
        url: "/api/v3/order/test",
        headers: { "content-type": type },
        payload,
      });
      expect(answer.statusCode).toBeGreaterThanOrEqual(400);
      expect(answer.statusCode).toBeLessThan(500);
      expect(answer.json()).toMatchObject({ code: -1000, msg: "Malformed request." });
    }
  });

  it("keeps signed routes shut (-1002) until their check is wired", async () => {
    const { app } = server();
    const answer = await app.inject({ method: "POST", url: "/api/v3/order/test" });
    expect(answer.statusCode).toBe(401);
    expect(answer.json()).toEqual({
      code: -1002,
      msg: "You are not authorized to execute this request.",
    });
  });

  it("hands the signed check the query string and form body as sent, and the route its caller", async () => {
    const { app, seen } = server({ signed: true });
    const answer = await app.inject({
      method: "POST",
      url: "/api/v3/order/test?recvWindow=5000&symbol=ETHUSDT",
      headers: { "content-type": "application/x-www-form-urlencoded", "x-mbx-apikey": "k" },
      payload: "symbol=BTCUSDT&side=BUY&timestamp=1&signature=ab%2Bcd",
    });
    expect(answer.statusCode).toBe(200);
    expect(seen[0]).toMatchObject({
      queryString: "recvWindow=5000&symbol=ETHUSDT",
      body: "symbol=BTCUSDT&side=BUY&timestamp=1&signature=ab%2Bcd",
      headers: expect.objectContaining({ "x-mbx-apikey": "k" }),
    });
    // The query string's value wins over the body's, as Binance reads them.
    expect(answer.json()).toEqual({
      caller: { userId: 7, apiKeyId: 3, permissions: ["READ"] },
      params: {
        symbol: "ETHUSDT",
        side: "BUY",
        timestamp: "1",
        signature: "ab+cd",
        recvWindow: "5000",
      },
    });
  });
});
