import { AppError, AppErrorCode } from "@exchange/domains/errors";
import { describe, expect, it } from "vitest";
import { BinanceError, binanceErrors, toBinanceError } from "./binance-errors";

describe("Binance error answers", () => {
  it("have Binance's shape and statuses", () => {
    expect(binanceErrors.badSymbol().body).toEqual({ code: -1121, msg: "Invalid symbol." });
    expect(binanceErrors.badSymbol().status).toBe(400);
    expect(binanceErrors.tooMuchWeight(6000, 30).status).toBe(429);
    expect(binanceErrors.banned(Date.now(), 120).status).toBe(418);
    expect(binanceErrors.banned(Date.now(), 120).code).toBe(-1003);
    expect(binanceErrors.notFound().status).toBe(404);
    expect(new BinanceError(-2015, "Invalid API-key, IP, or permissions for action.").status).toBe(
      401,
    );
    expect(new BinanceError(-1022, "Signature for this request is not valid.").status).toBe(400);
  });

  it("map the domains' errors, and hide anything unexpected behind -1000", () => {
    const unknownMarket = new AppError(AppErrorCode.NOT_FOUND, "There is no market X.", {
      symbol: ["There is no market X."],
    });
    expect(toBinanceError(unknownMarket).body).toEqual({ code: -1121, msg: "Invalid symbol." });
    expect(toBinanceError(new AppError(AppErrorCode.ENGINE_UNAVAILABLE, "later")).status).toBe(503);
    const throttled = toBinanceError(
      new AppError(AppErrorCode.RATE_LIMITED, "slow", {}, undefined, 3),
    );
    expect([throttled.code, throttled.status, throttled.retryAfterS]).toEqual([-1015, 429, 3]);
    const rejected = toBinanceError(
      new AppError(AppErrorCode.ORDER_REJECTED, "Insufficient balance for this order."),
    );
    expect(rejected.body).toEqual({ code: -2010, msg: "Insufficient balance for this order." });
    const internal = toBinanceError(new Error("connection string postgres://secret"));
    expect(internal.body).toEqual({
      code: -1000,
      msg: "An unknown error occurred while processing the request.",
    });
    expect(internal.status).toBe(500);
  });
});
