import { describe, expect, it } from "vitest";
import type { Command } from "../../commands";
import type { ExchangeCore } from "../../exchange-core";
import { RejectCode } from "../../reject-code";
import { restoreState } from "../../snapshot";
import {
  createTestCore,
  eventsOf,
  expectAccepted,
  expectRejected,
  fundUsers,
  PERP_SYMBOL,
  type TestCommands,
} from "../../test-kit";
import { SYSTEM_ACCOUNTS } from "../../types";

/**
 * BTCUSDT-PERP as the seed lists it: ticks of 0.1 USDT, lots of 0.001 BTC, so one lot at one
 * tick is 100 USDT atoms (k = 100) and 50 000 USDT is 500 000 ticks; 1 BTC is 1 000 lots.
 * Fees 0.02 % maker and 0.05 % taker. Tiers: 0.4 % maintenance to 50 000 USDT (125×), 0.5 % to
 * 250 000 USDT (100×), 1 % to 1 000 000 USDT (50×).
 */
const USDT = 1_000_000n;
const SYMBOL = PERP_SYMBOL;
const BTC_LOTS = 1_000n;
const ticks = (usdt: number) => BigInt(Math.round(usdt * 10));

/** Users 1-3 funded on spot, the contract listed, each with 10 000 USDT in their futures wallet. */
function perpetuals(): { core: ExchangeCore; cmd: TestCommands } {
  const env = createTestCore();
  const { core, cmd } = env;
  fundUsers(core, cmd, [1, 2, 3]);
  expectAccepted(core.apply(cmd.addContract()));
  for (const user of [1, 2, 3]) {
    expectAccepted(core.apply(cmd.futuresTransfer(user, "toFutures", 10_000n * USDT)));
  }
  return env;
}

function limit(
  cmd: TestCommands,
  userId: number,
  side: "buy" | "sell",
  priceUsdt: number,
  lots: bigint,
  options: Record<string, unknown> = {},
): Command {
  return cmd.limit(userId, side, ticks(priceUsdt), lots, { symbol: SYMBOL, ...options });
}

function mark(cmd: TestCommands, priceUsdt: number): Command {
  return cmd.mark(ticks(priceUsdt));
}

function leverage(cmd: TestCommands, userId: number, value: number): Command {
  return cmd.leverage(userId, value);
}

function isolated(cmd: TestCommands, userId: number): Command {
  return cmd.marginMode(userId, "isolated");
}

function rejects(core: ExchangeCore, command: Command, code: RejectCode): void {
  const before = core.stateHash();
  const result = expectRejected(core.apply(command));
  expect(result.code, result.message).toBe(code);
  expect(core.stateHash()).toBe(before);
}

/** Every asset's ledger sums to zero, and futuresMargin holds exactly the wallets and isolated margins. */
function expectLedgerBalanced(core: ExchangeCore, users: number[]): void {
  for (const asset of core.assetCodes()) {
    let sum = 0n;
    for (const account of SYSTEM_ACCOUNTS) sum += core.systemBalance(asset, account);
    for (const user of core.userIds()) {
      const b = core.balance(user, asset);
      sum += b.availableAtoms + b.frozenAtoms;
    }
    expect(sum, `${asset} sums to zero`).toBe(0n);
  }
  let held = 0n;
  for (const user of users) {
    held += core.futuresWallet(user, "USDT");
    held += core.position(user, SYMBOL)?.isolatedMarginAtoms ?? 0n;
  }
  expect(core.systemBalance("USDT", "futuresMargin")).toBe(held);
  const openCost = core.openPositions(SYMBOL).reduce((sum, p) => sum + p.costAtoms, 0n);
  expect(core.systemBalance("USDT", "futuresPnl")).toBe(-openCost);
}

describe("perpetual contracts", () => {
  it("lists BTCUSDT-PERP as a market of its own, and refuses a tier schedule that liquidates at once", () => {
    const { core, cmd } = perpetuals();
    expect(core.market(SYMBOL)?.status).toBe("trading");
    expect(core.contract(SYMBOL)?.k).toBe(100n);
    const onlyTier = {
      maxNotionalAtoms: 10n * USDT,
      maintenanceMarginPpm: 10_000,
      maxLeverage: 125,
    };
    rejects(
      core,
      cmd.addContract({ symbol: "ETHUSDT-PERP", riskTiers: [onlyTier] }),
      RejectCode.InvalidMarketConfig,
    );
    rejects(core, cmd.addContract({ symbol: "BTCUSDT" }), RejectCode.InvalidMarketConfig);
    rejects(core, cmd.addContract(), RejectCode.MarketExists);
  });

  it("a 10× long of 1 BTC at 50 000 against a resting short: both positions, fees 25 and 10 USDT, the ledger balanced", () => {
    const { core, cmd } = perpetuals();
    expectAccepted(core.apply(leverage(cmd, 1, 10)));
    const placed = expectAccepted(core.apply(limit(cmd, 2, "sell", 50_000, BTC_LOTS)));
    // 20× by default: 2 500 USDT initial margin and 25 USDT of taker fee reserved.
    expect(eventsOf(placed, "order.accepted")[0]?.frozenAtoms).toBe(2_525n * USDT);
    expect(core.position(2, SYMBOL)?.orderMarginAtoms).toBe(2_525n * USDT);
    expectAccepted(core.apply(limit(cmd, 1, "buy", 50_000, BTC_LOTS, { timeInForce: "IOC" })));
    expect(core.position(1, SYMBOL)).toMatchObject({ qtyLots: 1_000n, costAtoms: 50_000n * USDT });
    expect(core.position(2, SYMBOL)).toMatchObject({
      qtyLots: -1_000n,
      costAtoms: -50_000n * USDT,
      orderMarginAtoms: 0n,
    });
    expect(core.futuresWallet(1, "USDT")).toBe(9_975n * USDT);
    expect(core.futuresWallet(2, "USDT")).toBe(9_990n * USDT);
    expect(core.systemBalance("USDT", "fee")).toBe(35n * USDT);
    expectLedgerBalanced(core, [1, 2, 3]);
  });

  it("realises +500 USDT closing half of a long bought at 50 000 at 51 000, reduce-only", () => {
    const { core, cmd } = perpetuals();
    expectAccepted(core.apply(limit(cmd, 2, "sell", 50_000, BTC_LOTS)));
    expectAccepted(core.apply(limit(cmd, 1, "buy", 50_000, BTC_LOTS, { timeInForce: "IOC" })));
    expectAccepted(core.apply(limit(cmd, 3, "buy", 51_000, 500n)));
    const closed = expectAccepted(
      core.apply(limit(cmd, 1, "sell", 51_000, 500n, { timeInForce: "IOC", reduceOnly: true })),
    );
    const mine = eventsOf(closed, "position.changed").find((e) => e.userId === 1);
    expect(mine?.realisedPnlAtoms).toBe(500n * USDT);
    expect(core.position(1, SYMBOL)).toMatchObject({ qtyLots: 500n, costAtoms: 25_000n * USDT });
    // 10 000 − 25 (open fee) + 500 − 12.75 (0.05 % of 25 500).
    expect(core.futuresWallet(1, "USDT")).toBe(10_462_250_000n);
    rejects(
      core,
      limit(cmd, 1, "sell", 51_000, 501n, { timeInForce: "IOC", reduceOnly: true }),
      RejectCode.ReduceOnlyWouldIncrease,
    );
    rejects(
      core,
      limit(cmd, 1, "sell", 51_000, 100n, { reduceOnly: true }),
      RejectCode.InvalidOrderOptions,
    );
    expectLedgerBalanced(core, [1, 2, 3]);
  });

  it("refuses an order whose margin exceeds the wallet, and a move back to spot of margin in use", () => {
    const { core, cmd } = perpetuals();
    // 10 BTC at 50 000 and 20×: 25 000 USDT of margin against 10 000.
    rejects(core, limit(cmd, 1, "buy", 50_000, 10n * BTC_LOTS), RejectCode.InsufficientMargin);
    expectAccepted(core.apply(limit(cmd, 1, "buy", 50_000, BTC_LOTS)));
    rejects(core, cmd.futuresTransfer(1, "toSpot", 8_000n * USDT), RejectCode.InsufficientBalance);
    expectAccepted(core.apply(cmd.futuresTransfer(1, "toSpot", 7_000n * USDT)));
    rejects(
      core,
      limit(cmd, 1, "buy", 50_000, 1n, { reduceOnly: true, timeInForce: "IOC" }),
      RejectCode.ReduceOnlyWouldIncrease,
    );
    rejects(
      core,
      { ...limit(cmd, 1, "buy", 50_000, 1n), symbol: "BTCUSDT", reduceOnly: true } as Command,
      RejectCode.InvalidOrderOptions,
    );
  });

  it("refuses to lower the leverage under a resting order priced at the higher one: an isolated 20× buy of 3 BTC at 50 000 filled at 1× would take the whole 10 000 USDT wallet and leave its 30 USDT maker fee to the insurance fund", () => {
    const { core, cmd } = perpetuals();
    expectAccepted(core.apply(isolated(cmd, 1)));
    // 150 000 USDT at 20×: 7 500 of margin and the 75 of taker fee reserved.
    expectAccepted(core.apply(limit(cmd, 1, "buy", 50_000, 3n * BTC_LOTS)));
    expect(core.position(1, SYMBOL)?.orderMarginAtoms).toBe(7_575n * USDT);
    rejects(core, leverage(cmd, 1, 1), RejectCode.LeverageNotAllowed);
    expectAccepted(core.apply(limit(cmd, 2, "sell", 50_000, 3n * BTC_LOTS)));
    expect(core.position(1, SYMBOL)?.isolatedMarginAtoms).toBe(7_500n * USDT);
    expect(core.futuresWallet(1, "USDT")).toBe(2_470n * USDT);
    expect(core.systemBalance("USDT", "insurance")).toBe(0n);
    expectLedgerBalanced(core, [1, 2, 3]);
    // With nothing resting, lowering it is the position's business alone.
    expectAccepted(core.apply(leverage(cmd, 1, 1)));
  });

  it("reserves the loss an order opens with: a 10× buy of 1 BTC at 55 000 with the mark at 50 000 reserves 5 500 + 27.5 fee + 5 000, and an isolated fill takes it as margin", () => {
    const { core, cmd } = perpetuals();
    expectAccepted(core.apply(isolated(cmd, 1)));
    expectAccepted(core.apply(leverage(cmd, 1, 10)));
    expectAccepted(core.apply(mark(cmd, 50_000)));
    // 10 000 USDT cannot carry it; 20 000 can.
    rejects(core, limit(cmd, 1, "buy", 55_000, BTC_LOTS), RejectCode.InsufficientMargin);
    expectAccepted(core.apply(cmd.futuresTransfer(1, "toFutures", 10_000n * USDT)));
    const placed = expectAccepted(core.apply(limit(cmd, 1, "buy", 55_000, BTC_LOTS)));
    expect(eventsOf(placed, "order.accepted")[0]?.frozenAtoms).toBe(10_527_500_000n);
    expectAccepted(core.apply(limit(cmd, 2, "sell", 55_000, BTC_LOTS, { timeInForce: "IOC" })));
    // Equity at the mark is the initial margin: 10 500 − 5 000 of open loss = 5 500.
    expect(core.position(1, SYMBOL)?.isolatedMarginAtoms).toBe(10_500n * USDT);
    expectLedgerBalanced(core, [1, 2, 3]);
  });

  it("a transfer back to spot raises a cross long's liquidation price: 1 BTC from 50 000 on 10 000 USDT is liquidated at 40 185.7, on 5 000 at 45 205.8", () => {
    const { core, cmd } = perpetuals();
    expectAccepted(core.apply(limit(cmd, 2, "sell", 50_000, BTC_LOTS)));
    expectAccepted(core.apply(limit(cmd, 1, "buy", 50_000, BTC_LOTS, { timeInForce: "IOC" })));
    expect(core.position(1, SYMBOL)?.liquidationPriceTicks).toBe(ticks(40_185.7));
    const moved = expectAccepted(core.apply(cmd.futuresTransfer(1, "toSpot", 5_000n * USDT)));
    expect(core.position(1, SYMBOL)?.liquidationPriceTicks).toBe(ticks(45_205.8));
    expect(eventsOf(moved, "position.changed")).toMatchObject([
      {
        userId: 1,
        qtyLots: BTC_LOTS,
        liquidationPriceTicks: ticks(45_205.8),
        cause: "futures.transfer",
      },
    ]);
    expect(
      eventsOf(expectAccepted(core.apply(mark(cmd, 45_205.8))), "position.liquidated"),
    ).toMatchObject([{ userId: 1 }]);
  });

  it("liquidates an isolated 10× long of 1 BTC from 50 000 when the mark falls to 45 180: the book takes it at 45 500, the 500 left goes to the insurance fund", () => {
    const { core, cmd } = perpetuals();
    expectAccepted(core.apply(isolated(cmd, 1)));
    expectAccepted(core.apply(leverage(cmd, 1, 10)));
    expectAccepted(core.apply(limit(cmd, 2, "sell", 50_000, BTC_LOTS)));
    expectAccepted(core.apply(limit(cmd, 1, "buy", 50_000, BTC_LOTS, { timeInForce: "IOC" })));
    expect(core.position(1, SYMBOL)?.isolatedMarginAtoms).toBe(5_000n * USDT);
    // 5 000 + (M − 50 000) ≤ 0.4 % × M  ⇔  M ≤ 45 180.72…: the line is the tick 45 180.7.
    expect(core.position(1, SYMBOL)?.liquidationPriceTicks).toBe(ticks(45_180.7));
    expectAccepted(core.apply(limit(cmd, 3, "buy", 45_500, BTC_LOTS)));
    expect(
      eventsOf(expectAccepted(core.apply(mark(cmd, 45_180.8))), "position.liquidated"),
    ).toEqual([]);
    const result = expectAccepted(core.apply(mark(cmd, 45_180.7)));
    const [liquidated] = eventsOf(result, "position.liquidated");
    expect(liquidated).toMatchObject({
      userId: 1,
      qtyLots: 1_000n,
      bankruptcyPriceTicks: ticks(45_000),
      bookLots: 1_000n,
      deleveragedLots: 0n,
      insuranceAtoms: 500n * USDT,
    });
    expect(core.position(1, SYMBOL)).toMatchObject({ qtyLots: 0n, isolatedMarginAtoms: 0n });
    // The wallet lost the isolated margin and the opening fee: 10 000 − 5 000 − 25.
    expect(core.futuresWallet(1, "USDT")).toBe(4_975n * USDT);
    expect(core.position(3, SYMBOL)?.qtyLots).toBe(1_000n);
    expectLedgerBalanced(core, [1, 2, 3]);
  });

  it("auto-deleverages the most profitable short when an empty book leaves a liquidation unfilled", () => {
    const { core, cmd } = perpetuals();
    expectAccepted(core.apply(isolated(cmd, 1)));
    expectAccepted(core.apply(leverage(cmd, 1, 10)));
    expectAccepted(core.apply(limit(cmd, 2, "sell", 50_000, BTC_LOTS)));
    expectAccepted(core.apply(limit(cmd, 1, "buy", 50_000, BTC_LOTS, { timeInForce: "IOC" })));
    const result = expectAccepted(core.apply(mark(cmd, 45_000)));
    expect(eventsOf(result, "position.liquidated")[0]).toMatchObject({
      bookLots: 0n,
      deleveragedLots: 1_000n,
      insuranceAtoms: 0n,
    });
    expect(eventsOf(result, "position.deleveraged")).toEqual([
      {
        type: "position.deleveraged",
        userId: 2,
        symbol: SYMBOL,
        qtyLots: 1_000n,
        priceTicks: ticks(45_000),
        liquidatedUserId: 1,
      },
    ]);
    expect(core.position(2, SYMBOL)).toMatchObject({
      qtyLots: 0n,
      realisedPnlAtoms: 5_000n * USDT,
    });
    expect(core.openPositions(SYMBOL)).toEqual([]);
    expectLedgerBalanced(core, [1, 2, 3]);
  });

  it("settles funding of +0.01 % at a mark of 51 000: the long of 1 BTC pays 5.1 USDT, the shorts receive it", () => {
    const { core, cmd } = perpetuals();
    expectAccepted(core.apply(limit(cmd, 2, "sell", 50_000, 600n)));
    expectAccepted(core.apply(limit(cmd, 3, "sell", 50_000, 400n)));
    expectAccepted(core.apply(limit(cmd, 1, "buy", 50_000, BTC_LOTS, { timeInForce: "IOC" })));
    expectAccepted(core.apply(mark(cmd, 51_000)));
    const wallets = [1, 2, 3].map((u) => core.futuresWallet(u, "USDT"));
    const funding = (fundingTime: number, ratePpm: number) => cmd.funding(fundingTime, ratePpm);
    const result = expectAccepted(core.apply(funding(1_700_028_800_000, 100)));
    expect(eventsOf(result, "funding.settled")[0]).toMatchObject({
      paidAtoms: 5_100_000n,
      receivedAtoms: 5_100_000n,
      roundingAtoms: 0n,
      positions: 3,
    });
    // Each wallet reported after the payment, so the read models copy it.
    expect(
      eventsOf(result, "futures.walletChanged").map((e) => [e.userId, e.walletAtoms, e.cause]),
    ).toEqual([1, 2, 3].map((u) => [u, core.futuresWallet(u, "USDT"), "funding"]));
    expect(eventsOf(result, "position.changed").map((e) => [e.userId, e.cause])).toEqual([
      [1, "funding"],
      [2, "funding"],
      [3, "funding"],
    ]);
    expect(core.futuresWallet(1, "USDT")).toBe((wallets[0] as bigint) - 5_100_000n);
    expect(core.futuresWallet(2, "USDT")).toBe((wallets[1] as bigint) + 3_060_000n);
    expect(core.futuresWallet(3, "USDT")).toBe((wallets[2] as bigint) + 2_040_000n);
    expect(expectAccepted(core.apply(funding(1_700_028_800_000, 100))).repeated).toBe(true);
    rejects(core, funding(1_700_000_000_000, 100), RejectCode.FundingNotAllowed);
    rejects(core, funding(1_700_057_600_000, 3_001), RejectCode.FundingNotAllowed);
    expectLedgerBalanced(core, [1, 2, 3]);
  });

  it("keeps positions, reservations, marks and the liquidation index through a snapshot", () => {
    const { core, cmd } = perpetuals();
    expectAccepted(core.apply(isolated(cmd, 1)));
    expectAccepted(core.apply(limit(cmd, 2, "sell", 50_000, BTC_LOTS)));
    expectAccepted(core.apply(limit(cmd, 1, "buy", 50_000, 600n, { timeInForce: "IOC" })));
    expectAccepted(core.apply(mark(cmd, 50_500)));
    const state = restoreState(core.snapshot(), "fast");
    const perpetual = state.markets.get(SYMBOL)?.perpetual;
    expect(perpetual?.positions.get(1)?.qtyLots).toBe(600n);
    expect(perpetual?.positions.get(2)?.orderMarginAtoms).toBe(
      core.position(2, SYMBOL)?.orderMarginAtoms,
    );
    expect(perpetual?.liquidations.priceOf(1)).toBe(
      core.position(1, SYMBOL)?.liquidationPriceTicks,
    );
    expect(perpetual?.markTicks).toBe(ticks(50_500));
  });
});
