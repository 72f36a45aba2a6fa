import type { Services } from "@exchange/domains/services";
import { createLogger, ManualClock } from "@exchange/protocol";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { type BinanceOpenApiDocument, binanceOpenApiDocument } from "./binance-openapi";
import type { BinanceRoute } from "./binance-route";
import { routeDocOf } from "./binance-route-docs";
import { createBinanceServer } from "./binance-server";
import { publicBinanceRoutes, signedBinanceRoutes } from "./routes";
import { userDataStreamRoutes } from "./streams/user-data-stream-routes";

// The reference reads nothing of the stores: the services carry only the clock.
const services = { clock: new ManualClock(1_700_000_000_000) } as unknown as Services;

const signedOrder: BinanceRoute = {
  method: "POST",
  path: "/api/v3/order",
  security: { kind: "signed", permission: "trade" },
  weight: () => 1,
  answer: z.object({ orderId: z.number().int() }),
  params: z.object({ symbol: z.string().describe("The market.") }),
  handle: async () => ({ orderId: 1 }),
};

/** A route as another part of the gateway may add it: no summary, no parameters declared. */
const undocumented: BinanceRoute = {
  method: "GET",
  path: "/api/v3/rateLimit/order",
  security: { kind: "public" },
  weight: () => 2,
  answer: z.object({}),
  handle: async () => ({}),
};

async function servedDocument(extraRoutes: BinanceRoute[]) {
  const app = createBinanceServer({
    services,
    limiter: { charge: async (_address, weight) => ({ kind: "allowed", usedWeight: weight }) },
    weightPerMinute: 6_000,
    trustedProxyHops: 0,
    log: createLogger("test", "fatal"),
    extraRoutes,
    publicUrl: "https://api.example.test",
  });
  const answer = await app.inject({ url: "/api/v3/openapi.json" });
  const short = await app.inject({ url: "/openapi.json" });
  expect(short.json()).toEqual(answer.json());
  return { app, status: answer.statusCode, document: answer.json() as BinanceOpenApiDocument };
}

describe("the API reference", () => {
  it("lists every route the gateway registers, with the method it answers", async () => {
    const routes = [...publicBinanceRoutes({ weightPerMinute: 6_000 }), signedOrder, undocumented];
    const { app, status, document } = await servedDocument([signedOrder, undocumented]);
    expect(status).toBe(200);
    expect(document.openapi).toBe("3.1.0");
    expect(document.servers).toEqual([{ url: "https://api.example.test" }]);
    for (const route of routes) {
      expect(document.paths[route.path]?.[route.method.toLowerCase()], route.path).toBeDefined();
    }
    const documented = Object.entries(document.paths).flatMap(([path, operations]) =>
      Object.keys(operations).map((method) => ({ path, method: method.toUpperCase() })),
    );
    expect(documented).toHaveLength(routes.length);
    for (const { path, method } of documented) {
      expect(app.hasRoute({ url: path, method: method as "GET" }), `${method} ${path}`).toBe(true);
    }
    expect(document.paths["/api/v3/rateLimit/order"]?.get?.summary).toBe(
      "GET /api/v3/rateLimit/order",
    );
  });

  it("documents every route the gateway serves: summary, parameters and answer", () => {
    const document = binanceOpenApiDocument({
      routes: publicBinanceRoutes({ weightPerMinute: 6_000 }),
      serverUrl: "/",
      version: "test",
    });
    const depth = document.paths["/api/v3/depth"]?.get;
    expect(depth?.parameters.map((p) => [p.name, p.required])).toEqual([
      ["symbol", true],
      ["limit", false],
    ]);
    expect(depth?.parameters[1]?.schema).toMatchObject({ default: 100, maximum: 5_000 });
    expect(depth?.["x-weight"]).toBe(5);
    expect(depth?.security).toEqual([]);
    expect(depth?.responses["200"]).toMatchObject({
      content: { "application/json": { schema: { required: ["lastUpdateId", "bids", "asks"] } } },
    });
    const served = [
      ...publicBinanceRoutes({ weightPerMinute: 6_000 }),
      ...signedBinanceRoutes(),
      ...userDataStreamRoutes,
    ];
    for (const route of served) {
      const doc = routeDocOf(route);
      expect(doc.summary, `${route.method} ${route.path}`).toBeTruthy();
      expect(doc.params, `${route.method} ${route.path}`).toBeDefined();
    }
    const signedOrder = binanceOpenApiDocument({ routes: served, serverUrl: "/", version: "t" })
      .paths["/api/v3/order"]?.post;
    expect(signedOrder?.parameters.find((p) => p.name === "type")?.schema).toMatchObject({
      enum: expect.arrayContaining(["STOP_LOSS_LIMIT"]),
    });
  });

  it("marks signed routes with the key header, the signature and the signed parameters", () => {
    const document = binanceOpenApiDocument({
      routes: [signedOrder],
      serverUrl: "/",
      version: "t",
    });
    const order = document.paths["/api/v3/order"]?.post;
    expect(order?.security).toEqual([{ ApiKey: [], Signature: [] }]);
    expect(order?.["x-permission"]).toBe("trade");
    expect(order?.parameters.map((p) => p.name)).toEqual([
      "symbol",
      "timestamp",
      "recvWindow",
      "signature",
    ]);
    expect(order?.responses["401"]).toBeDefined();
    expect(document.components.securitySchemes.ApiKey).toMatchObject({
      in: "header",
      name: "X-MBX-APIKEY",
    });
    expect(document.components.schemas.Error).toMatchObject({ required: ["code", "msg"] });
  });

  it("has one operation per route whatever the routes are", () => {
    const route = fc.record({
      method: fc.constantFrom("GET", "POST", "PUT", "DELETE" as const),
      path: fc.stringMatching(/^\/api\/v[1-3]\/[A-Za-z/]{1,20}$/),
      signed: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.uniqueArray(route, { selector: (r) => `${r.method} ${r.path}` }), (specs) => {
        const routes: BinanceRoute[] = specs.map((spec) => ({
          method: spec.method,
          path: spec.path,
          security: spec.signed ? { kind: "signed", permission: "read" } : { kind: "public" },
          weight: () => 1,
          answer: z.unknown(),
          handle: async () => null,
        }));
        const document = binanceOpenApiDocument({ routes, serverUrl: "/", version: "t" });
        const operations = Object.values(document.paths).flatMap((ops) => Object.values(ops));
        expect(operations).toHaveLength(routes.length);
        const ids = operations.map((operation) => operation.operationId);
        expect(new Set(ids).size).toBe(ids.length);
      }),
    );
  });
});
