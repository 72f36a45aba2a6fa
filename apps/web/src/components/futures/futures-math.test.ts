import { decimal, formatDecimal } from "@exchange/contracts/money";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { countdown, halfSize, orderCost, pnlTone, protectionPrice } from "./futures-math";

const text = (value: { units: bigint; scale: number }) => formatDecimal(value);

describe("orderCost", () => {
  it("a 10× buy of 0.1 BTC at 50 000 (mark 50 000, taker 0.05 %) holds 500 margin + 2.5 fee = 502.5 USDT", () => {
    const cost = orderCost({
      side: "buy",
      price: decimal("50000"),
      quantity: decimal("0.1"),
      leverage: 10,
      feeRate: "0.0005",
      markPrice: decimal("50000"),
      precision: 6,
    });
    expect(text(cost.initialMargin)).toBe("500.000000");
    expect(text(cost.fee)).toBe("2.500000");
    expect(text(cost.openingLoss)).toBe("0.000000");
    expect(text(cost.total)).toBe("502.500000");
  });

  it("a buy at 50 100 with the mark at 50 000 holds 501 margin + 2.505 fee + the 10 USDT it opens in loss (0.1 BTC × 100) = 513.505", () => {
    const cost = orderCost({
      side: "buy",
      price: decimal("50100"),
      quantity: decimal("0.1"),
      leverage: 10,
      feeRate: "0.0005",
      markPrice: decimal("50000"),
      precision: 6,
    });
    expect(text(cost.openingLoss)).toBe("10.000000");
    expect(text(cost.total)).toBe("513.505000");
  });

  it("a sell below the mark opens in loss, a sell above it does not", () => {
    const at = (price: string) =>
      text(
        orderCost({
          side: "sell",
          price: decimal(price),
          quantity: decimal("1"),
          leverage: 5,
          feeRate: "0",
          markPrice: decimal("100"),
          precision: 6,
        }).openingLoss,
      );
    expect(at("99.5")).toBe("0.500000");
    expect(at("101")).toBe("0.000000");
  });

  it("a 3× margin of 100.000001 USDT notional rounds UP to 33.333334", () => {
    const cost = orderCost({
      side: "buy",
      price: decimal("100.000001"),
      quantity: decimal("1"),
      leverage: 3,
      feeRate: "0",
      markPrice: null,
      precision: 6,
    });
    expect(text(cost.initialMargin)).toBe("33.333334");
  });

  it("margin × leverage always covers the notional, and never by a whole atom per leverage more (property)", () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 1n, max: 10n ** 12n }),
        fc.bigInt({ min: 1n, max: 10n ** 6n }),
        fc.integer({ min: 1, max: 125 }),
        (priceUnits, qtyUnits, leverage) => {
          const price = { units: priceUnits, scale: 1 };
          const quantity = { units: qtyUnits, scale: 3 };
          const cost = orderCost({
            side: "buy",
            price,
            quantity,
            leverage,
            feeRate: "0",
            markPrice: null,
            precision: 6,
          });
          // notional in atoms of 6 decimals (price 1 dp × qty 3 dp = 4 dp, ×100)
          const notionalAtoms = priceUnits * qtyUnits * 100n;
          const margin = cost.initialMargin.units;
          expect(margin * BigInt(leverage) >= notionalAtoms).toBe(true);
          expect((margin - 1n) * BigInt(leverage) < notionalAtoms).toBe(true);
        },
      ),
    );
  });
});

describe("halfSize", () => {
  it("half of 0.1 BTC in lots of 0.001 is 0.05", () => {
    expect(halfSize("0.1", "0.001")).toBe("0.05");
  });
  it("half of 0.003 BTC is 0.001 (down to the lot)", () => {
    expect(halfSize("0.003", "0.001")).toBe("0.001");
  });
  it("a single lot has no half", () => {
    expect(halfSize("0.001", "0.001")).toBeNull();
  });
});

describe("countdown", () => {
  it("shows 1 h 2 min 3 s before funding as 01:02:03", () => {
    expect(countdown(3_723_000, 0)).toBe("01:02:03");
  });
  it("shows 00:00:00 once funding time has passed", () => {
    expect(countdown(1_000, 5_000)).toBe("00:00:00");
  });
});

describe("pnlTone", () => {
  it("reads a profit, a loss and nothing", () => {
    expect(pnlTone("12.5")).toBe("up");
    expect(pnlTone("-0.000001")).toBe("down");
    expect(pnlTone("0")).toBe("flat");
  });
});

describe("protectionPrice", () => {
  const btc = { priceTick: "0.1", maxPrice: "1000000" };
  it("puts a stop-loss sell triggered at 49 000 to close a long at 46 550 (5 % below), a take-profit buy at 45 000 on a short at 47 250", () => {
    expect(protectionPrice("49000", "sell", btc)).toBe("46550");
    expect(protectionPrice("45000", "buy", btc)).toBe("47250");
  });
  it("rounds to the tick toward the trigger: 5 % below 49 000.3 is 46 550.285, so 46 550.3", () => {
    expect(protectionPrice("49000.3", "sell", btc)).toBe("46550.3");
    expect(protectionPrice("49000.3", "buy", btc)).toBe("51450.3");
  });
  it("keeps within the market: at least one tick, at most its maximum price, nothing for no trigger", () => {
    expect(protectionPrice("0.1", "sell", btc)).toBe("0.1");
    expect(protectionPrice("999999", "buy", btc)).toBe("1000000");
    expect(protectionPrice("", "sell", btc)).toBeNull();
    expect(protectionPrice("abc", "sell", btc)).toBeNull();
    expect(protectionPrice("-5", "sell", btc)).toBeNull();
  });
});
