import type { Market } from "@exchange/contracts/market";
import { UnitsError } from "@exchange/contracts/money";
import { describe, expect, it } from "vitest";
import { engineMarketConfig } from "./market-config";

const btcUsdt: Market = {
  symbol: "BTCUSDT",
  baseAsset: "BTC",
  quoteAsset: "USDT",
  basePrecision: 8,
  quotePrecision: 6,
  priceTick: "0.01",
  lotSize: "0.00001",
  minQty: "0.00001",
  maxQty: "1000",
  maxPrice: "10000000",
  minNotional: "5",
  maxNotional: "2500000",
  maxOpenOrders: 200,
  makerFeeRate: "0.001",
  takerFeeRate: "0.0015",
  status: "CANCEL_ONLY",
};

describe("engineMarketConfig", () => {
  it("converts every decimal of a market exactly into engine units", () => {
    expect(engineMarketConfig(btcUsdt)).toEqual({
      symbol: "BTCUSDT",
      base: "BTC",
      quote: "USDT",
      tickSizeAtoms: 10_000n,
      lotSizeAtoms: 1_000n,
      minQtyLots: 1n,
      maxQtyLots: 100_000_000n,
      minNotionalAtoms: 5_000_000n,
      maxPriceTicks: 1_000_000_000n,
      maxNotionalAtoms: 2_500_000_000_000n,
      maxOpenOrders: 200,
      makerFeePpm: 1_000,
      takerFeePpm: 1_500,
      status: "cancelOnly",
    });
  });

  it("refuses a minimum quantity that is not a whole number of lots", () => {
    expect(() => engineMarketConfig({ ...btcUsdt, minQty: "0.000015" })).toThrow(UnitsError);
  });

  it("refuses a tick finer than the quote asset's precision rather than round it", () => {
    expect(() => engineMarketConfig({ ...btcUsdt, priceTick: "0.0000001" })).toThrow(/decimals/);
  });
});
