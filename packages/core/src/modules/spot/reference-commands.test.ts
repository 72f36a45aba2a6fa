import { describe, expect, it } from "vitest";
import type { AddMarketCommand } from "../../commands";
import { ExchangeCore } from "../../exchange-core";
import { MAX_OPEN_ORDERS_CEILING, MAX_UNITS } from "../../limits";
import { RejectCode } from "../../reject-code";
import {
  createTestCore,
  eventsOf,
  expectAccepted,
  expectRejected,
  fundUsers,
  TestCommands,
} from "../../test-kit";

type MarketBody = Omit<AddMarketCommand, "id" | "ts">;

const ETHBTC: MarketBody = {
  type: "market.add",
  symbol: "ETHBTC",
  base: "ETH",
  quote: "BTC",
  tickSizeAtoms: 100n,
  lotSizeAtoms: 10n ** 16n,
  minQtyLots: 1n,
  maxQtyLots: 100n,
  minNotionalAtoms: 0n,
  maxPriceTicks: 10n ** 9n,
  maxNotionalAtoms: 10n ** 12n,
  maxOpenOrders: 200,
  makerFeePpm: 500,
  takerFeePpm: 700,
};

describe("asset.add", () => {
  it("adds an asset while running; users can hold it at once", () => {
    const core = new ExchangeCore();
    const cmd = new TestCommands();
    const result = expectAccepted(
      core.apply(cmd.make({ type: "asset.add", code: "SOL", precision: 9 })),
    );
    expect(result.events).toEqual([
      { type: "asset.added", code: "SOL", precision: 9, maxAmountAtoms: MAX_UNITS },
    ]);
    expectAccepted(core.apply(cmd.deposit(1, "SOL", 5n)));
    expect(core.assetCodes()).toEqual(["SOL"]);
  });

  it("takes a maximum amount up to the hard ceiling", () => {
    const core = new ExchangeCore();
    const cmd = new TestCommands();
    const add = (maxAmountAtoms: bigint) =>
      core.apply(cmd.make({ type: "asset.add", code: "SOL", precision: 9, maxAmountAtoms }));
    expect(expectRejected(add(MAX_UNITS + 1n)).code).toBe(RejectCode.InvalidAssetConfig);
    expect(expectRejected(add(0n)).code).toBe(RejectCode.InvalidAssetConfig);
    expectAccepted(add(MAX_UNITS));
    expect(core.asset("SOL")?.maxAmountAtoms).toBe(MAX_UNITS);
  });

  it.each([
    ["a lower-case code", { code: "sol", precision: 9 }],
    ["an empty code", { code: "", precision: 9 }],
    ["a negative precision", { code: "SOL", precision: -1 }],
    ["a fractional precision", { code: "SOL", precision: 2.5 }],
    ["a precision above 36", { code: "SOL", precision: 37 }],
  ])("rejects %s", (_name, body) => {
    const core = new ExchangeCore();
    const result = core.apply(new TestCommands().make({ type: "asset.add", ...body }));
    expect(expectRejected(result).code).toBe(RejectCode.InvalidAssetConfig);
  });
});

describe("market.add", () => {
  it("adds a market while running, trading unless told otherwise", () => {
    const { core, cmd } = createTestCore();
    const result = expectAccepted(core.apply(cmd.make(ETHBTC)));
    expect(result.events).toEqual([{ ...ETHBTC, type: "market.added", status: "trading" }]);
    expect(core.market("ETHBTC")).toMatchObject({
      status: "trading",
      quotePerTickLot: 1n,
      bookSeq: 0,
    });
    fundUsers(core, cmd, [1]);
    expect(core.symbols()).toEqual(["BTCUSDT", "ETHBTC"]);
  });

  it("gives a market journaled before the limits existed the ceilings", () => {
    const { core, cmd } = createTestCore();
    const { maxPriceTicks, maxNotionalAtoms, maxOpenOrders, ...legacy } = ETHBTC;
    expectAccepted(core.apply(cmd.make(legacy)));
    expect(core.market("ETHBTC")).toMatchObject({
      maxPriceTicks: MAX_UNITS,
      maxNotionalAtoms: MAX_UNITS,
      maxOpenOrders: MAX_OPEN_ORDERS_CEILING,
    });
  });

  it("can start halted", () => {
    const { core, cmd } = createTestCore();
    expectAccepted(core.apply(cmd.make({ ...ETHBTC, status: "halted" })));
    expect(core.market("ETHBTC")?.status).toBe("halted");
  });

  it.each<[string, Partial<MarketBody>, RejectCode]>([
    ["a bad symbol", { symbol: "eth-btc" }, RejectCode.InvalidMarketConfig],
    ["an unknown base", { base: "DOGE" }, RejectCode.UnknownAsset],
    ["an unknown quote", { quote: "DOGE" }, RejectCode.UnknownAsset],
    ["the same base and quote", { quote: "ETH" }, RejectCode.InvalidMarketConfig],
    ["a zero tick", { tickSizeAtoms: 0n }, RejectCode.InvalidMarketConfig],
    ["a negative lot", { lotSizeAtoms: -1n }, RejectCode.InvalidMarketConfig],
    [
      "a tick-lot worth a fraction of an atom",
      { tickSizeAtoms: 1n },
      RejectCode.InvalidMarketConfig,
    ],
    ["a zero minimum quantity", { minQtyLots: 0n }, RejectCode.InvalidMarketConfig],
    [
      "a maximum below the minimum",
      { minQtyLots: 5n, maxQtyLots: 4n },
      RejectCode.InvalidMarketConfig,
    ],
    ["a negative min notional", { minNotionalAtoms: -1n }, RejectCode.InvalidMarketConfig],
    ["a fee above 10 %", { takerFeePpm: 100_001 }, RejectCode.InvalidMarketConfig],
    ["a fractional fee", { makerFeePpm: 1.5 }, RejectCode.InvalidMarketConfig],
    [
      "a number where a bigint belongs",
      { lotSizeAtoms: 10 as unknown as bigint },
      RejectCode.InvalidMarketConfig,
    ],
    ["an unknown status", { status: "open" as never }, RejectCode.InvalidMarketConfig],
    ["a closed status", { status: "closed" }, RejectCode.InvalidMarketConfig],
    ["an existing symbol", { symbol: "BTCUSDT" }, RejectCode.MarketExists],
    [
      "a max price above the ceiling",
      { maxPriceTicks: MAX_UNITS + 1n },
      RejectCode.InvalidMarketConfig,
    ],
    ["a zero max price", { maxPriceTicks: 0n }, RejectCode.InvalidMarketConfig],
    [
      "a max notional above the ceiling",
      { maxNotionalAtoms: MAX_UNITS + 1n },
      RejectCode.InvalidMarketConfig,
    ],
    [
      "a max notional below the min notional",
      { minNotionalAtoms: 10n, maxNotionalAtoms: 9n },
      RejectCode.InvalidMarketConfig,
    ],
    [
      "a max quantity above the ceiling",
      { maxQtyLots: MAX_UNITS + 1n },
      RejectCode.InvalidMarketConfig,
    ],
    ["no open order allowed", { maxOpenOrders: 0 }, RejectCode.InvalidMarketConfig],
    [
      "a max open orders above the ceiling",
      { maxOpenOrders: MAX_OPEN_ORDERS_CEILING + 1 },
      RejectCode.InvalidMarketConfig,
    ],
  ])("rejects %s", (_name, overrides, code) => {
    const { core, cmd } = createTestCore();
    expect(expectRejected(core.apply(cmd.make({ ...ETHBTC, ...overrides }))).code).toBe(code);
  });
});

describe("market.setStatus", () => {
  it("reports the change with the previous status, and nothing when unchanged", () => {
    const { core, cmd } = createTestCore();
    const result = expectAccepted(
      core.apply(cmd.make({ type: "market.setStatus", symbol: "BTCUSDT", status: "cancelOnly" })),
    );
    expect(result.events).toEqual([
      {
        type: "market.statusChanged",
        symbol: "BTCUSDT",
        status: "cancelOnly",
        previous: "trading",
      },
    ]);
    const same = expectAccepted(
      core.apply(cmd.make({ type: "market.setStatus", symbol: "BTCUSDT", status: "cancelOnly" })),
    );
    expect(same.events).toEqual([]);
  });

  it("rejects an unknown market or status", () => {
    const { core, cmd } = createTestCore();
    const unknown = core.apply(
      cmd.make({ type: "market.setStatus", symbol: "XYZ", status: "halted" }),
    );
    expect(expectRejected(unknown).code).toBe(RejectCode.UnknownMarket);
    const bad = core.apply(
      cmd.make({ type: "market.setStatus", symbol: "BTCUSDT", status: "open" as never }),
    );
    expect(expectRejected(bad).code).toBe(RejectCode.InvalidCommand);
  });

  it("lets trading resume after a halt", () => {
    const { core, cmd } = createTestCore();
    fundUsers(core, cmd, [1]);
    core.apply(cmd.make({ type: "market.setStatus", symbol: "BTCUSDT", status: "halted" }));
    core.apply(cmd.make({ type: "market.setStatus", symbol: "BTCUSDT", status: "trading" }));
    expectAccepted(core.apply(cmd.limit(1, "buy", 1_000n, 1n)));
  });
});

describe("fee tiers", () => {
  it("redefining a tier changes the fees of users already in it", () => {
    const { core, cmd } = createTestCore();
    fundUsers(core, cmd, [1, 2]);
    core.apply(
      cmd.make({
        type: "feeTier.set",
        tier: 1,
        makerScalePpm: 1_000_000,
        takerScalePpm: 1_000_000,
      }),
    );
    core.apply(cmd.make({ type: "feeTier.assign", userId: 1, tier: 1 }));
    const set = expectAccepted(
      core.apply(cmd.make({ type: "feeTier.set", tier: 1, makerScalePpm: 0, takerScalePpm: 0 })),
    );
    expect(set.events).toEqual([
      { type: "feeTier.set", tier: 1, makerScalePpm: 0, takerScalePpm: 0 },
    ]);
    core.apply(cmd.limit(2, "sell", 1_000n, 10n));
    const trade = eventsOf(core.apply(cmd.limit(1, "buy", 1_000n, 10n)), "trade")[0];
    expect(trade).toMatchObject({ takerFeeAtoms: 0n, makerFeeAtoms: 10n });
  });

  it("assigning reports the tier; unknown tiers and bad scales are rejected", () => {
    const { core, cmd } = createTestCore();
    const assigned = expectAccepted(
      core.apply(cmd.make({ type: "feeTier.assign", userId: 3, tier: 0 })),
    );
    expect(assigned.events).toEqual([{ type: "feeTier.assigned", userId: 3, tier: 0 }]);
    expect(
      expectRejected(core.apply(cmd.make({ type: "feeTier.assign", userId: 3, tier: 4 }))).code,
    ).toBe(RejectCode.UnknownFeeTier);
    const negative = cmd.make({
      type: "feeTier.set",
      tier: -1,
      makerScalePpm: 0,
      takerScalePpm: 0,
    });
    expect(expectRejected(core.apply(negative)).code).toBe(RejectCode.InvalidFeeTier);
  });
});

describe("command envelope", () => {
  it("rejects a missing id or a bad timestamp before anything else", () => {
    const { core, cmd } = createTestCore();
    const base = cmd.deposit(1, "BTC", 1n);
    expect(expectRejected(core.apply({ ...base, id: "" })).code).toBe(RejectCode.InvalidCommand);
    expect(expectRejected(core.apply({ ...base, ts: -1 })).code).toBe(RejectCode.InvalidCommand);
    expect(expectRejected(core.apply({ ...base, ts: 1.5 })).code).toBe(RejectCode.InvalidCommand);
  });
});
