import { describe, expect, it } from "vitest";
import type { Command } from "./commands";
import type { CommandResult } from "./events";
import type { ExchangeCore } from "./exchange-core";
import { RejectCode } from "./reject-code";
import {
  createTestCore,
  fundUsers,
  MAX_NOTIONAL_ATOMS,
  MAX_PRICE_TICKS,
  PERP_SYMBOL,
  placedId,
  type TestCommands,
} from "./test-kit";

type Trigger = (core: ExchangeCore, cmd: TestCommands) => CommandResult;

/** Answered by the engine, never by the core: a command set aside after it threw twice. */
type EngineOnlyCode = RejectCode.InternalError;
type CoreCode = Exclude<RejectCode, EngineOnlyCode>;

const NUMERIC_CODES = Object.values(RejectCode).filter(
  (v): v is CoreCode => typeof v === "number" && v !== RejectCode.InternalError,
);

/**
 * One way to provoke every reject code. The `Record` makes a new code without a trigger a type
 * error; each trigger must produce exactly its code.
 */
const TRIGGERS: Record<CoreCode, Trigger> = {
  [RejectCode.InvalidCommand]: (core, cmd) => core.apply({ ...cmd.deposit(1, "BTC", 1n), id: "" }),
  [RejectCode.UnknownCommandType]: (core, cmd) =>
    core.apply({ ...cmd.deposit(1, "BTC", 1n), type: "balance.steal" } as unknown as Command),
  [RejectCode.UnknownAsset]: (core, cmd) => core.apply(cmd.deposit(1, "XYZ", 1n)),
  [RejectCode.UnknownMarket]: (core, cmd) =>
    core.apply(cmd.limit(1, "buy", 1_000n, 1n, { symbol: "XYZUSDT" })),
  [RejectCode.AssetExists]: (core, cmd) =>
    core.apply(cmd.make({ type: "asset.add", code: "BTC", precision: 8 })),
  [RejectCode.MarketExists]: (core, cmd) => core.apply(ethBtc(cmd, { symbol: "BTCUSDT" })),
  [RejectCode.InvalidAssetConfig]: (core, cmd) =>
    core.apply(cmd.make({ type: "asset.add", code: "btc", precision: 8 })),
  [RejectCode.InvalidMarketConfig]: (core, cmd) => core.apply(ethBtc(cmd, { tickSizeAtoms: 1n })),
  [RejectCode.UnknownFeeTier]: (core, cmd) =>
    core.apply(cmd.make({ type: "feeTier.assign", userId: 1, tier: 9 })),
  [RejectCode.InvalidFeeTier]: (core, cmd) =>
    core.apply(
      cmd.make({ type: "feeTier.set", tier: 1, makerScalePpm: 2_000_000, takerScalePpm: 0 }),
    ),
  [RejectCode.MarketHalted]: (core, cmd) => {
    core.apply(cmd.make({ type: "market.setStatus", symbol: "BTCUSDT", status: "halted" }));
    return core.apply(cmd.limit(1, "buy", 1_000n, 1n));
  },
  [RejectCode.StatusChangeNotAllowed]: (core, cmd) =>
    core.apply(cmd.make({ type: "market.setStatus", symbol: "BTCUSDT", status: "preOpen" })),
  [RejectCode.MarketPreOpen]: (core, cmd) => {
    core.apply(ethBtc(cmd, { status: "preOpen" }));
    return core.apply(cmd.limit(1, "buy", 1_000n, 1n, { symbol: "ETHBTC" }));
  },
  [RejectCode.MarketClosed]: (core, cmd) => {
    core.apply(cmd.make({ type: "market.setStatus", symbol: "BTCUSDT", status: "closed" }));
    return core.apply(cmd.limit(1, "buy", 1_000n, 1n));
  },
  [RejectCode.MarketCancelOnly]: (core, cmd) => {
    core.apply(cmd.make({ type: "market.setStatus", symbol: "BTCUSDT", status: "cancelOnly" }));
    return core.apply(cmd.limit(1, "buy", 1_000n, 1n));
  },
  [RejectCode.InvalidPrice]: (core, cmd) => core.apply(cmd.limit(1, "buy", 0n, 1n)),
  [RejectCode.InvalidQuantity]: (core, cmd) => core.apply(cmd.limit(1, "buy", 1_000n, 0n)),
  [RejectCode.QuantityBelowMin]: (core, cmd) => {
    core.apply(ethBtc(cmd, { minQtyLots: 3n }));
    return core.apply(cmd.limit(1, "buy", 1_000n, 2n, { symbol: "ETHBTC" }));
  },
  [RejectCode.QuantityAboveMax]: (core, cmd) => core.apply(cmd.limit(1, "buy", 1_000n, 10_001n)),
  [RejectCode.NotionalBelowMin]: (core, cmd) => core.apply(cmd.limit(1, "buy", 10n, 1n)),
  [RejectCode.InvalidOrderOptions]: (core, cmd) =>
    core.apply(cmd.limit(1, "buy", 1_000n, 1n, { postOnly: true, timeInForce: "FOK" })),
  [RejectCode.PriceLimitRequired]: (core, cmd) => core.apply(cmd.market(1, "buy", { qtyLots: 1n })),
  [RejectCode.DuplicateClientOrderId]: (core, cmd) => {
    core.apply(cmd.limit(1, "buy", 1_000n, 1n, { clientOrderId: "a" }));
    return core.apply(cmd.limit(1, "buy", 1_000n, 1n, { clientOrderId: "a" }));
  },
  [RejectCode.PostOnlyWouldTake]: (core, cmd) => {
    core.apply(cmd.limit(2, "sell", 1_000n, 1n));
    return core.apply(cmd.limit(1, "buy", 1_000n, 1n, { postOnly: true }));
  },
  [RejectCode.FokNotFillable]: (core, cmd) =>
    core.apply(cmd.limit(1, "buy", 1_000n, 1n, { timeInForce: "FOK" })),
  [RejectCode.StopWouldTriggerNow]: (core, cmd) => {
    core.apply(cmd.limit(2, "sell", 1_000n, 1n));
    core.apply(cmd.limit(1, "buy", 1_000n, 1n));
    return core.apply(cmd.stop(1, "sell", "stopLimit", 1_000n, 990n, 1n));
  },
  [RejectCode.InvalidOcoPrices]: (core, cmd) =>
    core.apply(cmd.oco(1, "sell", 1n, 1_000n, 1_100n, 1_090n)),
  [RejectCode.AmendNotAllowed]: (core, cmd) => {
    const id = placedId(core.apply(cmd.limit(1, "buy", 1_000n, 2n)));
    return core.apply(cmd.amend(1, id, { qtyLots: 2n }));
  },
  [RejectCode.PriceAboveMax]: (core, cmd) =>
    core.apply(cmd.limit(1, "sell", MAX_PRICE_TICKS + 1n, 1n)),
  [RejectCode.NotionalAboveMax]: (core, cmd) =>
    core.apply(cmd.market(1, "buy", { quoteAtoms: MAX_NOTIONAL_ATOMS + 1n })),
  [RejectCode.TooManyOpenOrders]: (core, cmd) => {
    core.apply(ethBtc(cmd, { maxOpenOrders: 1 }));
    core.apply(cmd.limit(1, "buy", 1_000n, 1n, { symbol: "ETHBTC" }));
    return core.apply(cmd.limit(1, "buy", 999n, 1n, { symbol: "ETHBTC" }));
  },
  [RejectCode.OrderNotFound]: (core, cmd) => {
    const other = placedId(core.apply(cmd.limit(2, "buy", 1_000n, 1n)));
    return core.apply(cmd.cancel(1, other));
  },
  [RejectCode.InsufficientBalance]: (core, cmd) =>
    core.apply(cmd.transfer({ userId: 9 }, { userId: 1 }, "BTC", 1n)),
  [RejectCode.InvalidAmount]: (core, cmd) => core.apply(cmd.deposit(1, "BTC", 0n)),
  [RejectCode.WithdrawalNotFound]: (core, cmd) =>
    core.apply(
      cmd.make({
        type: "balance.withdrawRelease",
        business: "w",
        businessId: "1",
        withdrawalId: "none",
      }),
    ),
  [RejectCode.WithdrawalExists]: (core, cmd) => {
    const freeze = (businessId: string) =>
      cmd.make({
        type: "balance.withdrawFreeze",
        business: "w",
        businessId,
        withdrawalId: "w1",
        userId: 1,
        asset: "BTC",
        amountAtoms: 1n,
      });
    core.apply(freeze("a"));
    return core.apply(freeze("b"));
  },
  [RejectCode.InvalidTransfer]: (core, cmd) =>
    core.apply(cmd.transfer({ userId: 1 }, { system: "fee" }, "BTC", 1n)),
  [RejectCode.AmountAboveMax]: (core, cmd) => {
    core.apply(cmd.make({ type: "asset.add", code: "PTS", precision: 0, maxAmountAtoms: 10n }));
    return core.apply(cmd.deposit(1, "PTS", 11n));
  },
  [RejectCode.SavingsPositionExists]: (core, cmd) => {
    core.apply(cmd.subscribe(1, "sub-1", "USDT", 100n));
    // Another business key (a retry with the same one would return the first result).
    return core.apply({
      ...cmd.subscribe(2, "sub-1", "USDT", 100n),
      businessId: "again",
    } as Command);
  },
  [RejectCode.SavingsPositionNotFound]: (core, cmd) =>
    core.apply(cmd.payout("sub-none", "plan-1", 1n)),
  [RejectCode.LoanExists]: (core, cmd) => {
    lendingReady(core, cmd);
    core.apply(cmd.openLoan(1, "loan-1", BTC, 1_000_000_000n));
    return core.apply({ ...cmd.openLoan(1, "loan-1", BTC, 1n), businessId: "again" } as Command);
  },
  [RejectCode.LoanNotFound]: (core, cmd) => core.apply(cmd.repayLoan("none", "r-1", 1n)),
  [RejectCode.IndexMissing]: (core, cmd) => core.apply(cmd.openLoan(1, "loan-1", BTC, 1n)),
  [RejectCode.IndexStale]: (core, cmd) => {
    lendingReady(core, cmd);
    cmd.ts += 30_001;
    return core.apply(cmd.openLoan(1, "loan-1", BTC, 1n));
  },
  [RejectCode.LtvAboveInitial]: (core, cmd) => {
    lendingReady(core, cmd);
    return core.apply(cmd.openLoan(1, "loan-1", BTC, 24_000_000_001n));
  },
  [RejectCode.LoanPoolInsufficient]: (core, cmd) => {
    core.apply(cmd.index("BTC", "USDT", 30_000_000_000n));
    return core.apply(cmd.openLoan(1, "loan-1", BTC, 1n));
  },
  [RejectCode.RepayAboveDebt]: (core, cmd) => {
    lendingReady(core, cmd);
    core.apply(cmd.openLoan(1, "loan-1", BTC, 1_000n));
    return core.apply(cmd.repayLoan("loan-1", "r-1", 1_001n));
  },
  [RejectCode.NotLiquidatable]: (core, cmd) => {
    lendingReady(core, cmd);
    core.apply(cmd.openLoan(1, "loan-1", BTC, 1_000n));
    return core.apply(cmd.liquidate("loan-1"));
  },
  [RejectCode.SliceOutOfOrder]: (core, cmd) => {
    lendingReady(core, cmd);
    core.apply(cmd.openLoan(1, "loan-1", BTC, 1_000n, { maturesAt: cmd.ts }));
    core.apply(cmd.liquidate("loan-1", "maturity"));
    return core.apply(cmd.liquidationSell("loan-1", 2, BTC, 1n));
  },
  [RejectCode.LoanMarketMissing]: (core, cmd) => {
    lendingReady(core, cmd);
    core.apply(cmd.index("ETH", "USDT", 2_000_000_000n));
    core.apply(cmd.deposit(1, "ETH", 10n ** 18n));
    const eth = { collateralAsset: "ETH", maturesAt: cmd.ts };
    core.apply(cmd.openLoan(1, "loan-1", 10n ** 18n, 1_000n, eth));
    core.apply(cmd.liquidate("loan-1", "maturity"));
    return core.apply(cmd.liquidationSell("loan-1", 1, 10n ** 18n, 1n));
  },
  [RejectCode.LoanNotOpen]: (core, cmd) => {
    lendingReady(core, cmd);
    core.apply(cmd.openLoan(1, "loan-1", BTC, 1_000n));
    core.apply(cmd.repayLoan("loan-1", "r-1", 1_000n));
    return core.apply(cmd.addCollateral("loan-1", "t-1", 1n));
  },
  [RejectCode.IndexNotNewer]: (core, cmd) => {
    core.apply(cmd.index("BTC", "USDT", 30_000_000_000n));
    return core.apply({ ...cmd.index("BTC", "USDT", 1n), businessId: "again" } as Command);
  },
  [RejectCode.InvalidLoanTerms]: (core, cmd) => {
    lendingReady(core, cmd);
    return core.apply(cmd.openLoan(1, "loan-1", BTC, 1n, { liquidationLinePpm: 800_000 }));
  },
  [RejectCode.NotAContract]: (core, cmd) => core.apply(cmd.leverage(1, 10, "BTCUSDT")),
  [RejectCode.NotForContracts]: (core, cmd) => {
    core.apply(cmd.addContract());
    return core.apply(cmd.market(1, "buy", { symbol: PERP_SYMBOL, quoteAtoms: 10n ** 9n }));
  },
  [RejectCode.ReduceOnlyWouldIncrease]: (core, cmd) => {
    futuresReady(core, cmd);
    return core.apply(
      cmd.limit(1, "sell", 500_000n, 1n, {
        symbol: PERP_SYMBOL,
        reduceOnly: true,
        timeInForce: "IOC",
      }),
    );
  },
  [RejectCode.PositionOrOrdersOpen]: (core, cmd) => {
    futuresReady(core, cmd);
    core.apply(cmd.limit(1, "buy", 400_000n, 1n, { symbol: PERP_SYMBOL }));
    return core.apply(cmd.marginMode(1, "isolated"));
  },
  [RejectCode.LeverageNotAllowed]: (core, cmd) => {
    core.apply(cmd.addContract());
    return core.apply(cmd.leverage(1, 126));
  },
  [RejectCode.InsufficientMargin]: (core, cmd) => {
    futuresReady(core, cmd);
    return core.apply(cmd.limit(1, "buy", 500_000n, 1_000_000n, { symbol: PERP_SYMBOL }));
  },
  [RejectCode.FundingNotAllowed]: (core, cmd) => {
    core.apply(cmd.addContract());
    core.apply(cmd.mark(500_000n));
    return core.apply(cmd.funding(1_700_000_000_000, 3_001));
  },
  [RejectCode.MarkMissing]: (core, cmd) => {
    core.apply(cmd.addContract());
    return core.apply(cmd.funding(1_700_000_000_000, 100));
  },
};

/** The perpetual listed and user 1 with 1 000 USDT in the futures wallet. */
function futuresReady(core: ExchangeCore, cmd: TestCommands): void {
  core.apply(cmd.addContract());
  core.apply(cmd.futuresTransfer(1, "toFutures", 1_000_000_000n));
}

/** One whole BTC, in atoms. */
const BTC = 100_000_000n;

/** A funded USDT loan pool and a fresh BTC index of 30 000 USDT. */
function lendingReady(core: ExchangeCore, cmd: TestCommands): void {
  core.apply(cmd.transfer({ system: "operator" }, { system: "loan" }, "USDT", 10n ** 12n));
  core.apply(cmd.index("BTC", "USDT", 30_000_000_000n));
}

function ethBtc(cmd: TestCommands, overrides: Record<string, unknown>): Command {
  return cmd.make({
    type: "market.add",
    symbol: "ETHBTC",
    base: "ETH",
    quote: "BTC",
    tickSizeAtoms: 100n,
    lotSizeAtoms: 10n ** 16n,
    minQtyLots: 1n,
    maxQtyLots: 100n,
    minNotionalAtoms: 0n,
    makerFeePpm: 0,
    takerFeePpm: 0,
    ...overrides,
  } as Parameters<TestCommands["make"]>[0]);
}

describe("reject codes", () => {
  it("are grouped by range: 1xx command, 2xx reference data, 3xx status, 4xx orders, 5xx cancels, 6xx balances, 7xx savings, 8xx lending, 9xx derivatives", () => {
    const ranges = new Set(NUMERIC_CODES.map((code) => Math.floor(code / 100)));
    expect([...ranges].sort()).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(RejectCode.InvalidCommand).toBe(100);
    expect(RejectCode.OrderNotFound).toBe(500);
    expect(RejectCode.InsufficientBalance).toBe(600);
    expect(RejectCode.SavingsPositionExists).toBe(700);
  });

  it.each(NUMERIC_CODES.map((code) => [RejectCode[code], code] as const))(
    "%s can be provoked",
    (_name, code) => {
      const { core, cmd } = createTestCore();
      fundUsers(core, cmd, [1, 2]);
      const result = TRIGGERS[code](core, cmd);
      expect(result.accepted).toBe(false);
      if (result.accepted) return;
      expect(result.code).toBe(code);
      expect(result.message).toMatch(/\S/);
    },
  );

  it("leave state untouched: the hash before the rejected command equals the hash after", () => {
    for (const code of NUMERIC_CODES) {
      const { core, cmd } = createTestCore();
      fundUsers(core, cmd, [1, 2]);
      let hashBefore = "";
      const probe = new Proxy(core, {
        get(target, key, receiver) {
          if (key !== "apply") return Reflect.get(target, key, receiver);
          return (command: Command) => {
            hashBefore = target.stateHash();
            return target.apply(command);
          };
        },
      });
      TRIGGERS[code](probe, cmd);
      expect(core.stateHash(), RejectCode[code]).toBe(hashBefore);
    }
  }, 30_000);
});
