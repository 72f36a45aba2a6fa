import type {
  AmendOrderCommand,
  Command,
  ContractAddCommand,
  LoanOpenCommand,
  PlaceLimitOrderCommand,
  PlaceMarketOrderCommand,
  PlaceOcoOrderCommand,
  PlaceStopOrderCommand,
  TransferAccount,
} from "./commands";
import type {
  AcceptedResult,
  CommandResult,
  CoreEvent,
  CoreEventType,
  RejectedResult,
} from "./events";
import { ExchangeCore } from "./exchange-core";
import type { BookKind } from "./modules/spot/book/order-book";
import type { Side, StopOrderType } from "./types";

/**
 * Builders for tests (not exported by the package). The standard market, BTCUSDT, has a tick of
 * 0.01 USDT and a lot of 0.0001 BTC, so one lot at one tick is exactly 1 USDT atom: a trade of
 * `q` lots at `p` ticks moves `p × q` USDT atoms and `q × 10_000` BTC atoms.
 */

export const BTC_PER_LOT = 10_000n;
/** The perpetual contract `addContract` lists. */
export const PERP_SYMBOL = "BTCUSDT-PERP";

/** Everything but `id` and `ts`, which `TestCommands` fills in. */
type WithoutEnvelope<T> = T extends Command ? Omit<T, "id" | "ts"> : never;

export class TestCommands {
  private count = 0;
  ts = 1_700_000_000_000;

  /** Stamps a command with a fresh id and the current test time. */
  make(body: WithoutEnvelope<Command>): Command {
    this.count += 1;
    return { ...body, id: `cmd-${this.count}`, ts: this.ts } as Command;
  }

  deposit(userId: number, asset: string, amountAtoms: bigint, businessId?: string): Command {
    const key = businessId ?? `dep-${this.count + 1}`;
    return this.make({
      type: "balance.deposit",
      business: "deposit",
      businessId: key,
      userId,
      asset,
      amountAtoms,
    });
  }

  limit(
    userId: number,
    side: Side,
    priceTicks: bigint,
    qtyLots: bigint,
    options: Partial<PlaceLimitOrderCommand> = {},
  ): Command {
    return this.make({
      type: "order.place",
      orderType: "limit",
      userId,
      symbol: "BTCUSDT",
      side,
      priceTicks,
      qtyLots,
      ...options,
    } as WithoutEnvelope<PlaceLimitOrderCommand>);
  }

  /** A stop-loss (`"stopLimit"`) or take-profit limit order on BTCUSDT. */
  stop(
    userId: number,
    side: Side,
    orderType: StopOrderType,
    stopPriceTicks: bigint,
    priceTicks: bigint,
    qtyLots: bigint,
    options: Partial<PlaceStopOrderCommand> = {},
  ): Command {
    return this.make({
      type: "order.place",
      orderType,
      userId,
      symbol: "BTCUSDT",
      side,
      stopPriceTicks,
      priceTicks,
      qtyLots,
      ...options,
    } as WithoutEnvelope<PlaceStopOrderCommand>);
  }

  /** An OCO on BTCUSDT: limit at `priceTicks`, stop at `stopPriceTicks` working at `stopLimitPriceTicks`. */
  oco(
    userId: number,
    side: Side,
    qtyLots: bigint,
    priceTicks: bigint,
    stopPriceTicks: bigint,
    stopLimitPriceTicks: bigint,
    options: Partial<PlaceOcoOrderCommand> = {},
  ): Command {
    return this.make({
      type: "order.placeOco",
      userId,
      symbol: "BTCUSDT",
      side,
      qtyLots,
      priceTicks,
      stopPriceTicks,
      stopLimitPriceTicks,
      ...options,
    } as WithoutEnvelope<PlaceOcoOrderCommand>);
  }

  /** `order.amend` of a BTCUSDT order by id. */
  amend(
    userId: number,
    orderId: number,
    change: { qtyLots?: bigint; priceTicks?: bigint },
  ): Command {
    return this.make({
      type: "order.amend",
      userId,
      symbol: "BTCUSDT",
      orderId,
      ...change,
    } as WithoutEnvelope<AmendOrderCommand>);
  }

  market(userId: number, side: Side, options: Partial<PlaceMarketOrderCommand>): Command {
    return this.make({
      type: "order.place",
      orderType: "market",
      userId,
      symbol: "BTCUSDT",
      side,
      ...options,
    } as WithoutEnvelope<PlaceMarketOrderCommand>);
  }

  cancel(userId: number, orderId: number, symbol = "BTCUSDT"): Command {
    return this.make({ type: "order.cancel", userId, symbol, orderId });
  }

  /** Opens savings position `subscriptionId`; its business id is the subscription's id. */
  subscribe(userId: number, subscriptionId: string, asset: string, amountAtoms: bigint): Command {
    return this.make({
      type: "savings.subscribe",
      business: "savings.subscribe",
      businessId: subscriptionId,
      subscriptionId,
      userId,
      asset,
      amountAtoms,
    });
  }

  /** Pays plan `planId` (its business id) of a savings position. */
  payout(
    subscriptionId: string,
    planId: string,
    interestAtoms: bigint,
    principalAtoms = 0n,
  ): Command {
    return this.make({
      type: "savings.payout",
      business: "savings.payout",
      businessId: planId,
      subscriptionId,
      interestAtoms,
      principalAtoms,
    });
  }

  /** Redeems a savings position early; its business id is the subscription's id. */
  redeem(subscriptionId: string, forfeitInterest: boolean, penaltyAtoms = 0n): Command {
    return this.make({
      type: "savings.redeem",
      business: "savings.redeem",
      businessId: subscriptionId,
      subscriptionId,
      forfeitInterest,
      penaltyAtoms,
    });
  }

  /** Sets the index price of `asset` in `quote` at `at` (the test time by default). */
  index(asset: string, quote: string, priceAtoms: bigint, at = this.ts): Command {
    return this.make({
      type: "index.set",
      business: "index.set",
      businessId: `${asset}:${quote}:${at}`,
      asset,
      quote,
      priceAtoms,
      at,
    });
  }

  /** Moves USDT between user `userId`'s spot balance and futures wallet; keyed by `transferId`. */
  futuresTransfer(
    userId: number,
    direction: "toFutures" | "toSpot",
    amountAtoms: bigint,
    transferId = `ft-${this.count + 1}`,
  ): Command {
    return this.make({
      type: "futures.transfer",
      business: "futures.transfer",
      businessId: transferId,
      userId,
      asset: "USDT",
      amountAtoms,
      direction,
    });
  }

  /**
   * Lists BTCUSDT-PERP as the seed does: ticks of 0.1 USDT, lots of 0.001 BTC (one lot at one
   * tick is 100 USDT atoms, 50 000 USDT is 500 000 ticks, 1 BTC is 1 000 lots), fees 0.02 %
   * maker and 0.05 % taker, up to 125×, tiers of 0.4 % maintenance to 50 000 USDT (125×), 0.5 %
   * to 250 000 (100×) and 1 % to 1 000 000 (50×), funding every 8 h capped at 0.3 %.
   */
  addContract(overrides: Partial<ContractAddCommand> = {}): Command {
    const usdt = 1_000_000n;
    return this.make({
      type: "contract.add",
      symbol: PERP_SYMBOL,
      base: "BTC",
      quote: "USDT",
      tickSizeAtoms: 100_000n,
      lotSizeAtoms: 100_000n,
      minQtyLots: 1n,
      maxQtyLots: 1_000_000n,
      minNotionalAtoms: 0n,
      maxPriceTicks: 100_000_000n,
      makerFeePpm: 200,
      takerFeePpm: 500,
      maxLeverage: 125,
      riskTiers: [
        { maxNotionalAtoms: 50_000n * usdt, maintenanceMarginPpm: 4_000, maxLeverage: 125 },
        { maxNotionalAtoms: 250_000n * usdt, maintenanceMarginPpm: 5_000, maxLeverage: 100 },
        { maxNotionalAtoms: 1_000_000n * usdt, maintenanceMarginPpm: 10_000, maxLeverage: 50 },
      ],
      fundingIntervalMs: 8 * 3_600_000,
      fundingCapPpm: 3_000,
      interestPpm: 100,
      ...overrides,
    });
  }

  /** The contract's mark (and index) at `markTicks`, sampled 1 s after the last test time. */
  mark(markTicks: bigint, symbol = PERP_SYMBOL): Command {
    this.ts += 1_000;
    return this.make({
      type: "mark.set",
      business: "mark.set",
      businessId: `${symbol}:${this.ts}`,
      symbol,
      markPriceTicks: markTicks,
      indexPriceTicks: markTicks,
      at: this.ts,
    });
  }

  /** Funding of the contract at `fundingTime` and `ratePpm`. */
  funding(fundingTime: number, ratePpm: number, symbol = PERP_SYMBOL): Command {
    return this.make({
      type: "funding.settle",
      business: "funding.settle",
      businessId: `${symbol}:${fundingTime}`,
      symbol,
      fundingTime,
      ratePpm,
    });
  }

  leverage(userId: number, leverage: number, symbol = PERP_SYMBOL): Command {
    return this.make({ type: "position.setLeverage", userId, symbol, leverage });
  }

  marginMode(userId: number, mode: "cross" | "isolated", symbol = PERP_SYMBOL): Command {
    return this.make({ type: "position.setMarginMode", userId, symbol, mode });
  }

  /**
   * Opens loan `loanId` of `principalAtoms` USDT against `collateralAtoms` BTC on the seed's
   * lines (80 % initial LTV, warning 85 %, liquidation 82 %, fee 1 %), open-ended by default.
   */
  openLoan(
    userId: number,
    loanId: string,
    collateralAtoms: bigint,
    principalAtoms: bigint,
    options: Partial<LoanOpenCommand> = {},
  ): Command {
    return this.make({
      type: "loan.open",
      business: "loan.open",
      businessId: loanId,
      loanId,
      userId,
      collateralAsset: "BTC",
      collateralAtoms,
      loanAsset: "USDT",
      principalAtoms,
      initialLtvPpm: 800_000,
      warningLinePpm: 850_000,
      liquidationLinePpm: 820_000,
      liquidationFeePpm: 10_000,
      maturesAt: 0,
      ...options,
    } as WithoutEnvelope<LoanOpenCommand>);
  }

  repayLoan(loanId: string, repaymentId: string, amountAtoms: bigint): Command {
    return this.make({
      type: "loan.repay",
      business: "loan.repay",
      businessId: repaymentId,
      loanId,
      repaymentId,
      amountAtoms,
    });
  }

  addCollateral(loanId: string, topUpId: string, amountAtoms: bigint): Command {
    return this.make({
      type: "loan.addCollateral",
      business: "loan.addCollateral",
      businessId: topUpId,
      loanId,
      topUpId,
      amountAtoms,
    });
  }

  accrue(loanId: string, periodNo: number, interestAtoms: bigint): Command {
    const accrualId = `${loanId}:${periodNo}`;
    return this.make({
      type: "loan.accrue",
      business: "loan.accrue",
      businessId: accrualId,
      loanId,
      accrualId,
      interestAtoms,
    });
  }

  liquidate(loanId: string, reason: "ltv" | "maturity" = "ltv"): Command {
    return this.make({
      type: "loan.liquidate",
      business: "loan.liquidate",
      businessId: loanId,
      loanId,
      reason,
    });
  }

  liquidationSell(
    loanId: string,
    slice: number,
    qtyAtoms: bigint,
    limitPriceAtoms: bigint,
    belowBankruptcyApproved = false,
  ): Command {
    return this.make({
      type: "loan.liquidationSell",
      business: "loan.liquidationSell",
      businessId: `${loanId}:${slice}`,
      loanId,
      slice,
      qtyAtoms,
      limitPriceAtoms,
      belowBankruptcyApproved,
    });
  }

  transfer(
    from: TransferAccount,
    to: TransferAccount,
    asset: string,
    amountAtoms: bigint,
  ): Command {
    return this.make({
      type: "balance.transfer",
      business: "transfer",
      businessId: `tr-${this.count + 1}`,
      asset,
      amountAtoms,
      from,
      to,
    });
  }
}

/** BTCUSDT's maximum price: 100 million USDT. */
export const MAX_PRICE_TICKS = 10n ** 10n;
/** BTCUSDT's maximum order value: 10 million USDT. */
export const MAX_NOTIONAL_ATOMS = 10n ** 13n;

/** A core with BTC, USDT and ETH and the BTCUSDT market (maker 0.1 %, taker 0.2 %). */
export function createTestCore(book: BookKind = "fast"): { core: ExchangeCore; cmd: TestCommands } {
  const core = new ExchangeCore({ book });
  const cmd = new TestCommands();
  const setup: Command[] = [
    cmd.make({ type: "asset.add", code: "BTC", precision: 8 }),
    cmd.make({ type: "asset.add", code: "USDT", precision: 6 }),
    cmd.make({ type: "asset.add", code: "ETH", precision: 18 }),
    cmd.make({
      type: "market.add",
      symbol: "BTCUSDT",
      base: "BTC",
      quote: "USDT",
      tickSizeAtoms: 10_000n,
      lotSizeAtoms: BTC_PER_LOT,
      minQtyLots: 1n,
      maxQtyLots: 10_000n,
      minNotionalAtoms: 100n,
      maxPriceTicks: MAX_PRICE_TICKS,
      maxNotionalAtoms: MAX_NOTIONAL_ATOMS,
      maxOpenOrders: 1_000,
      makerFeePpm: 1_000,
      takerFeePpm: 2_000,
    }),
  ];
  for (const command of setup) expectAccepted(core.apply(command));
  return { core, cmd };
}

/** Gives users 1..n plenty of BTC and USDT. */
export function fundUsers(core: ExchangeCore, cmd: TestCommands, users: number[]): void {
  for (const userId of users) {
    expectAccepted(core.apply(cmd.deposit(userId, "BTC", 100_000_000_000n)));
    expectAccepted(core.apply(cmd.deposit(userId, "USDT", 100_000_000_000_000n)));
  }
}

export function expectAccepted(result: CommandResult): AcceptedResult {
  if (!result.accepted) {
    throw new Error(`expected acceptance, got ${result.code}: ${result.message}`);
  }
  return result;
}

export function expectRejected(result: CommandResult): RejectedResult {
  if (result.accepted) throw new Error("expected a rejection, got acceptance");
  return result;
}

/** The events of one type, narrowed. */
export function eventsOf<T extends CoreEventType>(
  result: CommandResult,
  type: T,
): Extract<CoreEvent, { type: T }>[] {
  return result.events.filter((e): e is Extract<CoreEvent, { type: T }> => e.type === type);
}

/** The id of the order a `order.place` result accepted. */
export function placedId(result: CommandResult): number {
  const accepted = eventsOf(result, "order.accepted")[0];
  if (accepted === undefined) throw new Error("no order.accepted event");
  return accepted.orderId;
}

/** Event types in order, for asserting the shape of a result. */
export function typesOf(result: CommandResult): CoreEventType[] {
  return result.events.map((e) => e.type);
}
