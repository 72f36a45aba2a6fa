import { AppErrorCode } from "@exchange/domains/errors";
import { closeServices, staffActor, testServices } from "@exchange/domains/testing/test-services";
import { createTestUser } from "@exchange/domains/testing/test-users";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callOverHttp, type HttpAnswer } from "./testing/http-api";
import { adminRouter } from "./trpc/admin/router";
import type { Actor, Services } from "./trpc/context";
import { traderRouter } from "./trpc/trader/router";

let services: Services;
let trader: Actor;
const admin = staffActor(1, "ADMIN");
const INT4_MAX = 2 ** 31 - 1;

beforeAll(async () => {
  services = await testServices();
  trader = { kind: "user", userId: (await createTestUser(services.db, { tag: "bounds" })).id };
});
afterAll(() => closeServices(services));

/** The answer is the typed refusal of bad input, naming the field, never an internal error. */
function expectInputRefused(answer: HttpAnswer, field: string): void {
  expect(answer.status).toBe(400);
  expect(answer.body.error?.data.appCode).toBe(AppErrorCode.INVALID_INPUT);
  expect(Object.keys(answer.body.error?.data.fieldErrors ?? {})).toContain(field);
}

describe("ids and cursors beyond their range", () => {
  it("are refused as bad input, not a database overflow, for a trader's orders and trades", async () => {
    const trade = (path: string, input: unknown, method: "GET" | "POST" = "GET") =>
      callOverHttp(traderRouter, { services, actor: trader }, { path, input, method });

    expectInputRefused(
      await trade("trading.cancelOrder", { symbol: "BTCUSDT", orderId: INT4_MAX + 1 }, "POST"),
      "orderId",
    );
    expectInputRefused(await trade("trading.orderHistory", { cursor: 2 ** 53 - 1 }), "cursor");
    expectInputRefused(await trade("trading.tradeHistory", { cursor: INT4_MAX + 1 }), "cursor");
    expectInputRefused(await trade("trading.openOrders", { symbol: "X".repeat(10_000) }), "symbol");
    const atTheLimit = await trade("trading.orderHistory", { cursor: INT4_MAX });
    expect(atTheLimit.status).toBe(200);
  });

  it("are refused as bad input for staff looking up submissions, users and audit pages", async () => {
    const look = (path: string, input: unknown) =>
      callOverHttp(adminRouter, { services, actor: admin }, { path, input });

    expectInputRefused(await look("kyc.submission", { id: INT4_MAX + 1 }), "id");
    expectInputRefused(await look("users.profile", { id: 2 ** 40 }), "id");
    expectInputRefused(await look("audit.list", { before: 2n ** 63n }), "before");
    expectInputRefused(await look("audit.list", { from: new Date(-8.64e15) }), "from");
    expect((await look("audit.list", { before: 2n ** 63n - 1n })).status).toBe(200);
  });

  it("are refused as bad input for a chart asking for candles before the year -271821", async () => {
    const answer = await callOverHttp(
      traderRouter,
      { services },
      {
        path: "marketData.klines",
        input: { symbol: "BTCUSDT", interval: "1m", before: new Date(-8.64e15) },
      },
    );
    expectInputRefused(answer, "before");
  });
});

describe("health", () => {
  it("does not tell anonymous callers why a component is down; staff read it", async () => {
    // No engine runs in this test: its probe times out.
    const anonymous = await callOverHttp(traderRouter, { services }, { path: "health" });
    const staff = await callOverHttp(adminRouter, { services, actor: admin }, { path: "health" });

    expect(anonymous.body.result?.data).toMatchObject({ ok: false, engine: { ok: false } });
    expect(JSON.stringify(anonymous.body)).not.toContain("error");
    expect(staff.body.result?.data).toMatchObject({
      engine: { ok: false, error: expect.any(String) },
    });
  });
});
