import { describe, expect, it } from "vitest";
import { loanIndexSymbol, loanLtvPpm, ZLoanPush } from "./lending";
import { isNotificationPush } from "./notification";
import { isFillPush } from "./trade";

describe("a loan's LTV at a pushed index", () => {
  it("is the seed's example: 24 000 USDT against 1 BTC at 30 000 is 80 %", () => {
    expect(loanLtvPpm("24000", "1", "30000")).toBe(800_000);
  });

  it("moves with the index, rounded up like the server's", () => {
    // 24 000 / 28 235.29 = 0.850000… → 850 001 ppm (up), past an 85 % warning line.
    expect(loanLtvPpm("24000", "1", "28235.29")).toBe(850_001);
    expect(loanLtvPpm("24000.5", "0.5", "30000")).toBe(1_600_034);
    expect(loanLtvPpm("1", "3", "1")).toBe(333_334);
  });

  it("does not depend on how many places each figure is written with", () => {
    expect(loanLtvPpm("24000.00000000", "1.000000", "30000.00")).toBe(800_000);
  });

  it("has none without collateral, an index, or a decimal", () => {
    expect(loanLtvPpm("100", "0", "30000")).toBeNull();
    expect(loanLtvPpm("100", "1", "0")).toBeNull();
    expect(loanLtvPpm("100", "x", "30000")).toBeNull();
  });

  it("reads a pair's index from its market: base then quote", () => {
    expect(loanIndexSymbol("BTC", "USDT")).toBe("BTCUSDT");
  });
});

describe("what @account carries", () => {
  it("tells fills from notifications and loan changes", () => {
    const loan = { kind: "loan", loanId: "00000000-0000-4000-8000-000000000001", status: "OPEN" };
    expect(ZLoanPush.parse(loan)).toEqual(loan);
    expect(isFillPush(loan)).toBe(false);
    expect(isNotificationPush(loan)).toBe(false);
    expect(isFillPush({ kind: "notification" })).toBe(false);
    expect(isFillPush({ tradeId: 1, orderId: 2 })).toBe(true);
    expect(isFillPush(null)).toBe(false);
  });
});
