import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { commandIds } from "./command-ids";

const UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

describe("command ids", () => {
  it("keep the exact strings earlier versions journaled", () => {
    expect(commandIds.placeOrder(42, "my-order-1")).toBe("order:42:my-order-1");
    expect(commandIds.addAsset("BTC")).toBe("ref:asset:BTC");
    expect(commandIds.addMarket("BTC-USDT", "9f2c")).toBe("ref:market:BTC-USDT:9f2c");
    expect(commandIds.setMarketStatus("0b6c-4e")).toBe("market:status:0b6c-4e");
    expect(commandIds.setFeeTier(2, 7, -250_000, 500_000)).toBe("fee:tier:2:7:-250000:500000");
    expect(commandIds.assignFeeTier(42, 3, 1)).toBe("fee:assign:42:3:1");
    expect(commandIds.deposit("e2e:7:USDT")).toBe("deposit:e2e:7:USDT");
    const withdrawal = "0b7e2f2c-4a3e-4b6e-9c1e-5d2f9a8b7c6d";
    expect(commandIds.withdrawFreeze(withdrawal)).toBe(`withdraw:freeze:${withdrawal}`);
    expect(commandIds.withdrawSettle(withdrawal)).toBe(`withdraw:settle:${withdrawal}`);
    expect(commandIds.withdrawRelease(withdrawal)).toBe(`withdraw:release:${withdrawal}`);
    expect(commandIds.savingsSubscribe(withdrawal)).toBe(`savings:subscribe:${withdrawal}`);
    expect(commandIds.savingsPayout(withdrawal)).toBe(`savings:payout:${withdrawal}`);
    expect(commandIds.savingsRedeem(withdrawal)).toBe(`savings:redeem:${withdrawal}`);
    expect(commandIds.placeOrder(42)).toMatch(new RegExp(`^order:42:${UUID}$`));
    expect(commandIds.cancelOrder(42)).toMatch(new RegExp(`^cancel:42:${UUID}$`));
    expect(commandIds.cancelAllOrders(42)).toMatch(new RegExp(`^cancelAll:42:${UUID}$`));
    expect(commandIds.placeOco(42, "my-list-1")).toBe("oco:42:my-list-1");
    expect(commandIds.placeOco(42)).toMatch(new RegExp(`^oco:42:${UUID}$`));
    expect(commandIds.amendOrder(42)).toMatch(new RegExp(`^amend:42:${UUID}$`));
    expect(commandIds.indexSet("BTC", "USDT", 1_700_000_000_000)).toBe(
      "index:BTC:USDT:1700000000000",
    );
    expect(commandIds.loanOpen(withdrawal)).toBe(`loan:open:${withdrawal}`);
    expect(commandIds.loanRepay(withdrawal)).toBe(`loan:repay:${withdrawal}`);
    expect(commandIds.loanAddCollateral(withdrawal)).toBe(`loan:topup:${withdrawal}`);
    expect(commandIds.loanAccrue(withdrawal, 3)).toBe(`loan:accrue:${withdrawal}:3`);
    expect(commandIds.loanLiquidate(withdrawal)).toBe(`loan:liquidate:${withdrawal}`);
    expect(commandIds.loanLiquidationSell(withdrawal, 2)).toBe(`loan:sell:${withdrawal}:2`);
    expect(commandIds.ping()).toMatch(new RegExp(`^ping:${UUID}$`));
    expect(commandIds.demo()).toMatch(new RegExp(`^demo:${UUID}$`));
  });

  it("derive a retried placement's id from its key alone, and never share one across traders", () => {
    fc.assert(
      fc.property(fc.nat(), fc.nat(), fc.string({ minLength: 1 }), (a, b, key) => {
        expect(commandIds.placeOrder(a, key)).toBe(commandIds.placeOrder(a, key));
        if (a !== b) expect(commandIds.placeOrder(a, key)).not.toBe(commandIds.placeOrder(b, key));
      }),
    );
  });

  it("give every unkeyed send an id of its own", () => {
    expect(commandIds.placeOrder(1)).not.toBe(commandIds.placeOrder(1));
    expect(commandIds.cancelOrder(1)).not.toBe(commandIds.cancelOrder(1));
  });
});
