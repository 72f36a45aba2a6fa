import { describe, expect, it } from "vitest";
import { planSlice, type SliceInput, sliceCap } from "./liquidation-slices";

const USDT = 10n ** 8n;
const BTC = 10n ** 8n;
const LOT = 10n ** 4n; // 0.0001 BTC

function input(overrides: Partial<SliceInput> = {}): SliceInput {
  const collateralAtoms = overrides.collateralAtoms ?? BTC;
  return {
    debtAtoms: 24_000n * USDT,
    liquidationFeePpm: 0n,
    proceedsAtoms: 0n,
    collateralAtoms,
    sliceCapAtoms: sliceCap(collateralAtoms),
    collateralPrecision: 8,
    indexPriceAtoms: 24_600n * USDT,
    bids: [{ priceAtoms: 24_500n * USDT, qtyAtoms: 10n * BTC }],
    lotSizeAtoms: LOT,
    minQtyAtoms: LOT,
    tickSizeAtoms: USDT / 100n,
    minNotionalAtoms: 5n * USDT,
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

  it("sell a quarter of the starting collateral each time: four slices, not a shrinking tail", () => {
    // Half the collateral sold already: the next slice is still a quarter of the starting 1 BTC.
    const later = input({
      collateralAtoms: BTC / 2n,
      sliceCapAtoms: sliceCap(BTC),
      debtAtoms: 12_000n * USDT,
    });
    expect(planSlice(later)).toMatchObject({ kind: "sell", qtyAtoms: BTC / 4n });
    // The last quarter goes whole when the debt needs it all.
    const last = input({
      collateralAtoms: BTC / 4n,
      sliceCapAtoms: sliceCap(BTC),
      debtAtoms: 6_000n * USDT,
    });
    expect(planSlice(last)).toMatchObject({ kind: "sell", qtyAtoms: BTC / 4n });
  });

  it("sell no more than what is still owed needs (debt, fee and a 1 % taker margin): the rest goes back", () => {
    // 20 400 owed (20 000 + 2 %) less 15 000 in, × 1.01 = 5 454 at the limit 20 900 (22 000 less
    // 5 %) = 0.2610 BTC in whole lots, rounded up; the other 0.089 BTC stays the borrower's.
    const last = input({
      debtAtoms: 20_000n * USDT,
      liquidationFeePpm: 20_000n,
      proceedsAtoms: 15_000n * USDT,
      collateralAtoms: BTC / 4n + BTC / 10n,
      sliceCapAtoms: BTC,
      indexPriceAtoms: 22_000n * USDT,
      bids: [{ priceAtoms: 21_000n * USDT, qtyAtoms: 10n * BTC }],
    });
    expect(planSlice(last)).toEqual({
      kind: "sell",
      qtyAtoms: 26_100_000n,
      limitPriceAtoms: 20_900n * USDT,
    });
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
    // 0.0002 BTC is worth 4.92 at the index: under the market's minimum order of 5 USDT.
    const dust = input({ collateralAtoms: 2n * LOT, debtAtoms: USDT });
    expect(planSlice(dust)).toMatchObject({ kind: "settle", qtyAtoms: 2n * LOT });
  });

  // Found by the loan monitor's integration test: the quarter of a small rest was an order under
  // the minimum value, refused at every step, and the liquidation never ended.
  it("never plans an order under the market's minimum value", () => {
    // A quarter of 0.001 BTC is 0.0002 BTC, 4.67 USDT at 23 370: lifted to 0.0003 BTC.
    const small = input({ collateralAtoms: 10n * LOT, debtAtoms: 12n * USDT });
    expect(planSlice(small)).toEqual({
      kind: "sell",
      qtyAtoms: 3n * LOT,
      limitPriceAtoms: 23_370n * USDT,
    });
    // Selling 0.0003 of 0.0004 BTC would leave dust behind: the slice takes it along.
    const tail = input({ collateralAtoms: 4n * LOT, debtAtoms: 5n * USDT });
    expect(planSlice(tail)).toMatchObject({ kind: "sell", qtyAtoms: 4n * LOT });
  });

  it("raise the limit to where the whole rest makes an order, when the band would not", () => {
    // 0.00021 BTC: 5.17 USDT at the index, 4.91 at the banded 23 370.
    const rest = input({
      collateralAtoms: 21_000n,
      debtAtoms: USDT,
      lotSizeAtoms: 1_000n,
      minQtyAtoms: 1_000n,
    });
    expect(planSlice(rest)).toEqual({
      kind: "sell",
      qtyAtoms: 21_000n,
      limitPriceAtoms: 2_380_952_380_953n,
    });
    const below = { ...rest, bids: [{ priceAtoms: 23_500n * USDT, qtyAtoms: BTC }] };
    expect(planSlice(below)).toMatchObject({ kind: "wait" });
  });
});
