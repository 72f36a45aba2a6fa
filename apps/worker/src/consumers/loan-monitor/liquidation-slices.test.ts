import { describe, expect, it } from "vitest";
import { planSlice, type SliceInput } from "./liquidation-slices";

const USDT = 10n ** 8n;
const BTC = 10n ** 8n;
const LOT = 10n ** 4n; // 0.0001 BTC

function input(overrides: Partial<SliceInput> = {}): SliceInput {
  return {
    debtAtoms: 24_000n * USDT,
    proceedsAtoms: 0n,
    collateralAtoms: BTC,
    collateralPrecision: 8,
    indexPriceAtoms: 24_600n * USDT,
    bids: [{ priceAtoms: 24_500n * USDT, qtyAtoms: 10n * BTC }],
    lotSizeAtoms: LOT,
    minQtyAtoms: LOT,
    belowBankruptcyApproved: false,
    ...overrides,
  };
}

describe("liquidation slices", () => {
  it("sell a quarter of the collateral at the index less 5 %, when above the bankruptcy price", () => {
    // 24 600 × 0.95 = 23 370 < bankruptcy 24 000: the floor wins.
    expect(planSlice(input())).toEqual({
      kind: "sell",
      qtyAtoms: BTC / 4n,
      limitPriceAtoms: 24_000n * USDT,
    });
    const far = planSlice(input({ debtAtoms: 12_000n * USDT }));
    expect(far).toEqual({ kind: "sell", qtyAtoms: BTC / 4n, limitPriceAtoms: 23_370n * USDT });
  });

  it("sell no more than the bids at or above the limit absorb, in whole lots", () => {
    const thin = input({
      bids: [
        { priceAtoms: 24_100n * USDT, qtyAtoms: 10_000_123n },
        { priceAtoms: 23_000n * USDT, qtyAtoms: 5n * BTC },
      ],
    });
    expect(planSlice(thin)).toMatchObject({ kind: "sell", qtyAtoms: 10_000_000n });
  });

  it("wait when no bid stands at or above the bankruptcy price, until an operator approves", () => {
    const gap = input({ bids: [{ priceAtoms: 23_500n * USDT, qtyAtoms: 10n * BTC }] });
    expect(planSlice(gap)).toEqual({ kind: "wait", bankruptcyPriceAtoms: 24_000n * USDT });
    const approved = planSlice({ ...gap, belowBankruptcyApproved: true });
    expect(approved).toEqual({
      kind: "sell",
      qtyAtoms: BTC / 4n,
      limitPriceAtoms: 23_370n * USDT,
    });
  });

  it("count the proceeds already in when pricing the floor", () => {
    const half = input({ proceedsAtoms: 12_000n * USDT, collateralAtoms: BTC / 2n });
    // (24 000 − 12 000) / 0.5 = 24 000 per BTC.
    expect(planSlice(half)).toMatchObject({ limitPriceAtoms: 24_000n * USDT });
  });

  it("settle with the next slice once what is left makes no order", () => {
    expect(planSlice(input({ collateralAtoms: LOT - 1n }))).toMatchObject({ kind: "settle" });
  });
});
