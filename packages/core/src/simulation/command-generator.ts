import type { Command, PlaceOrderCommand, TransferAccount } from "../commands";
import type { CommandResult } from "../events";
import type { MarketStatus, SelfTradePrevention, Side, TimeInForce } from "../types";
import { LendingGenerator, SIM_LOAN_POOL_ATOMS } from "./lending-generator";
import { PerpsGenerator } from "./perps-generator";
import type { Prng } from "./prng";

/**
 * Random but plausible commands for the simulation: several markets and users, every order
 * type (stop-loss and take-profit limit orders and OCO lists included), amendments, cancels
 * (good and bad), balance commands with repeated business keys, market status
 * changes, fee tiers, a market added mid-run and a sprinkle of invalid commands. Prices follow a
 * random walk per market, so about half the limit orders cross.
 *
 * Savings commands subscribe, pay interest, pay the principal back with a last plan and redeem
 * early, with repeated keys and bad ones: unknown or closed positions, a principal other than
 * the position's, nothing to pay, negative amounts, penalties above the principal (capped).
 *
 * Lending commands (`lending-generator.ts`) move index prices, with gaps through the
 * liquidation lines, and open, accrue, repay, top up and liquidate loans.
 *
 * Perpetuals commands (`perps-generator.ts`) list BTCUSDT-PERP, move USDT into futures wallets
 * and back, set leverage and margin modes, trade it, move its mark with gaps that liquidate
 * (through the book and by auto-deleveraging) and settle funding.
 *
 * The generator only looks at command results (never at core internals) to learn which orders
 * rest, which withdrawals are pending and which savings positions are open.
 */

interface MarketModel {
  symbol: string;
  midTicks: number;
  /** Largest market order quote amount worth trying, in quote atoms. */
  quoteScale: number;
}

interface OpenPosition {
  subscriptionId: string;
  principalAtoms: bigint;
}

interface OpenOrder {
  orderId: number;
  userId: number;
  symbol: string;
  clientOrderId: string | null;
}

export const SIM_USERS = 12;
const STP_MODES: SelfTradePrevention[] = ["none", "cancelTaker", "cancelMaker", "cancelBoth"];
const STATUSES: MarketStatus[] = ["trading", "cancelOnly", "halted"];
const TRANSFER_SYSTEMS = ["operator", "savings", "loan", "insurance"] as const;
const MAX_OPEN_ORDERS = 400;

/** The commands every simulation starts with: assets, markets, fee tiers, funded users. */
export function setupCommands(): Command[] {
  const ts = 0;
  const commands: Command[] = [
    // Maxima a little above the initial deposits: deposits and transfers sometimes hit them.
    asset("setup-1", "BTC", 8, 6_000_000_000n),
    asset("setup-2", "USDT", 6, 60_000_000_000n),
    asset("setup-3", "ETH", 18, 12n * 10n ** 20n),
    market("setup-4", "BTCUSDT", "BTC", "USDT", [10_000n, 10_000n], [1_000, 2_000]),
    // One lot (0.001 ETH) at one tick (0.01 USDT) is 10 USDT atoms.
    market("setup-5", "ETHUSDT", "ETH", "USDT", [10_000n, 10n ** 15n], [1_234, 2_345]),
    market("setup-6", "ETHBTC", "ETH", "BTC", [100n, 10n ** 16n], [0, 0]),
    {
      type: "feeTier.set",
      id: "setup-7",
      ts,
      tier: 1,
      makerScalePpm: 700_000,
      takerScalePpm: 333_333,
    },
    { type: "feeTier.set", id: "setup-8", ts, tier: 2, makerScalePpm: 0, takerScalePpm: 500_000 },
    {
      type: "balance.transfer",
      id: "setup-9",
      ts,
      business: "transfer",
      businessId: "loan-pool",
      asset: "USDT",
      amountAtoms: SIM_LOAN_POOL_ATOMS,
      from: { system: "operator" },
      to: { system: "loan" },
    },
  ];
  for (let userId = 1; userId <= SIM_USERS; userId++) {
    for (const [asset, amount] of [
      ["BTC", 5_000_000_000n],
      ["USDT", 50_000_000_000n],
      ["ETH", 10n ** 21n],
    ] as const) {
      commands.push({
        type: "balance.deposit",
        id: `setup-dep-${userId}-${asset}`,
        ts,
        business: "deposit",
        businessId: `initial-${userId}-${asset}`,
        userId,
        asset,
        amountAtoms: amount,
      });
    }
  }
  return commands;
}

function asset(id: string, code: string, precision: number, maxAmountAtoms: bigint): Command {
  return { type: "asset.add", id, ts: 0, code, precision, maxAmountAtoms };
}

/**
 * Limits of the setup markets: the largest orders (600 lots near the mid price) sometimes break
 * the maximum notional, and a user sometimes has the maximum number of open orders.
 */
const SIM_LIMITS = {
  maxPriceTicks: 20_000n,
  maxNotionalAtoms: 1_500_000n,
  maxOpenOrders: 5,
} as const;

function market(
  id: string,
  symbol: string,
  base: string,
  quote: string,
  [tickSizeAtoms, lotSizeAtoms]: [bigint, bigint],
  [makerFeePpm, takerFeePpm]: [number, number],
): Command {
  return {
    type: "market.add",
    id,
    ts: 0,
    symbol,
    base,
    quote,
    tickSizeAtoms,
    lotSizeAtoms,
    minQtyLots: 1n,
    maxQtyLots: 500n,
    minNotionalAtoms: 50n,
    ...SIM_LIMITS,
    makerFeePpm,
    takerFeePpm,
  };
}

export class CommandGenerator {
  private readonly prng: Prng;
  private readonly markets: MarketModel[] = [
    { symbol: "BTCUSDT", midTicks: 5_000, quoteScale: 200_000 },
    { symbol: "ETHUSDT", midTicks: 300, quoteScale: 100_000 },
    { symbol: "ETHBTC", midTicks: 600, quoteScale: 20_000 },
  ];
  private readonly assets = ["BTC", "USDT", "ETH"];
  private readonly open: OpenOrder[] = [];
  private readonly openIndex = new Map<number, number>();
  private readonly withdrawals: string[] = [];
  private readonly positions: OpenPosition[] = [];
  /** Subscription ids whose positions closed, to try paying or redeeming them again. */
  private readonly closedPositions: string[] = [];
  private readonly usedKeys: { business: string; businessId: string }[] = [];
  private readonly addMarketAt: number;
  private readonly lending: LendingGenerator;
  private readonly perps: PerpsGenerator;
  private count = 0;
  private ts = 1_700_000_000_000;

  constructor(prng: Prng, totalOps: number) {
    this.prng = prng;
    this.addMarketAt = Math.floor(totalOps / 3);
    this.lending = new LendingGenerator(prng, {
      envelope: () => this.envelope(),
      user: () => this.user(),
      midTicks: (symbol) => this.markets.find((m) => m.symbol === symbol)?.midTicks ?? 1,
      gap: (symbol, percent) => {
        const m = this.markets.find((x) => x.symbol === symbol);
        if (m !== undefined)
          m.midTicks = Math.max(20, Math.round((m.midTicks * (100 + percent)) / 100));
      },
      advance: (ms) => {
        this.ts += ms;
      },
      businessKey: (business) => this.businessKey(business),
    });
    this.perps = new PerpsGenerator(prng, {
      envelope: () => this.envelope(),
      businessKey: (business) => this.businessKey(business),
    });
  }

  /** The next command; `observe` its result before asking for another. */
  next(): Command {
    this.count += 1;
    this.ts += this.prng.int(0, 3);
    if (this.count === this.addMarketAt) return this.addAsset();
    if (this.count === this.addMarketAt + 1) return this.addMarket();
    const draw = this.prng.next();
    if (draw < 0.45) return this.limitOrder();
    if (draw < 0.51) return this.perps.next();
    if (draw < 0.55) return this.lending.next();
    if (draw < 0.59) return this.stopOrder();
    if (draw < 0.6) return this.ocoOrder();
    if (draw < 0.68) return this.marketOrder();
    if (draw < 0.68 + this.cancelShare()) return this.cancel();
    if (draw < 0.84) return this.cancelByClientId();
    if (draw < 0.86) return this.amend();
    if (draw < 0.865) return this.cancelAll();
    if (draw < 0.975) return this.balanceCommand();
    if (draw < 0.979) return this.setStatus();
    if (draw < 0.99) return this.feeTier();
    return this.invalid();
  }

  /**
   * Learns which orders rested or left the book, and which withdrawals are pending.
   * `isResting` answers whether an order id is on a book now.
   */
  observe(command: Command, result: CommandResult, isResting: (orderId: number) => boolean): void {
    if (!result.accepted || result.repeated) return;
    this.lending.observe(command, result);
    this.perps.observe(command, result);
    for (const event of result.events) {
      if (event.type === "order.filled" || event.type === "order.cancelled")
        this.forget(event.orderId);
      if (event.type === "order.accepted" && isResting(event.orderId)) this.remember(event);
    }
    if (command.type === "balance.withdrawFreeze") this.withdrawals.push(command.withdrawalId);
    if (command.type === "balance.withdrawSettle" || command.type === "balance.withdrawRelease") {
      this.withdrawals.splice(this.withdrawals.indexOf(command.withdrawalId), 1);
    }
    if (command.type === "savings.subscribe") {
      this.positions.push({
        subscriptionId: command.subscriptionId,
        principalAtoms: command.amountAtoms,
      });
    }
    const closes =
      command.type === "savings.redeem" ||
      (command.type === "savings.payout" && command.principalAtoms > 0n);
    if (closes) {
      const at = this.positions.findIndex((p) => p.subscriptionId === command.subscriptionId);
      this.positions.splice(at, 1);
      this.closedPositions.push(command.subscriptionId);
    }
  }

  private remember(o: {
    orderId: number;
    userId: number;
    symbol: string;
    clientOrderId: string | null;
  }): void {
    this.openIndex.set(o.orderId, this.open.length);
    this.open.push({
      orderId: o.orderId,
      userId: o.userId,
      symbol: o.symbol,
      clientOrderId: o.clientOrderId,
    });
  }

  private forget(orderId: number): void {
    const index = this.openIndex.get(orderId);
    if (index === undefined) return;
    const last = this.open.pop() as OpenOrder;
    if (last.orderId !== orderId) {
      this.open[index] = last;
      this.openIndex.set(last.orderId, index);
    }
    this.openIndex.delete(orderId);
  }

  /** More cancels when the books get big, so they stay a few hundred orders deep. */
  private cancelShare(): number {
    return this.open.length > MAX_OPEN_ORDERS ? 0.17 : 0.12;
  }

  private envelope(): { id: string; ts: number } {
    return { id: `sim-${this.count}`, ts: this.ts };
  }

  private user(): number {
    return this.prng.int(1, SIM_USERS);
  }

  private pickMarket(): MarketModel {
    const m = this.prng.pick(this.markets);
    m.midTicks = Math.max(20, m.midTicks + this.prng.int(-2, 2));
    return m;
  }

  private side(): Side {
    return this.prng.chance(0.5) ? "buy" : "sell";
  }

  private qty(): bigint {
    return this.prng.chance(0.05) ? this.prng.bigint(100, 600) : this.prng.bigint(1, 40);
  }

  private limitOrder(): PlaceOrderCommand {
    const m = this.pickMarket();
    const side = this.side();
    const spread = this.prng.int(-12, 12);
    const price = BigInt(Math.max(1, m.midTicks + (side === "buy" ? spread : -spread)));
    const tif: TimeInForce = this.prng.pick(["GTC", "GTC", "GTC", "GTC", "IOC", "FOK"]);
    const order: PlaceOrderCommand = {
      type: "order.place",
      ...this.envelope(),
      orderType: "limit",
      userId: this.user(),
      symbol: m.symbol,
      side,
      priceTicks: price,
      qtyLots: this.qty(),
      timeInForce: tif,
    };
    if (tif === "GTC" && this.prng.chance(0.1)) order.postOnly = true;
    if (this.prng.chance(0.5)) order.stp = this.prng.pick(STP_MODES);
    if (this.prng.chance(0.15)) order.clientOrderId = `c${this.prng.int(1, 30)}`;
    return order;
  }

  private marketOrder(): PlaceOrderCommand {
    const m = this.pickMarket();
    const side = this.side();
    const base = {
      type: "order.place" as const,
      ...this.envelope(),
      orderType: "market" as const,
      userId: this.user(),
      symbol: m.symbol,
      side,
    };
    const stp = this.prng.pick(STP_MODES);
    if (side === "buy" && this.prng.chance(0.5)) {
      const quoteAtoms = BigInt(this.prng.int(1, m.quoteScale));
      return this.prng.chance(0.5)
        ? { ...base, quoteAtoms, stp }
        : { ...base, quoteAtoms, ...this.protection(m, side), stp };
    }
    if (side === "buy" || this.prng.chance(0.5)) {
      return { ...base, qtyLots: this.qty(), ...this.protection(m, side), stp };
    }
    return { ...base, qtyLots: this.qty(), stp };
  }

  /**
   * A market order's protection: a price limit near the mid, or a slippage off the core's best
   * price (now and then out of range, or both at once, which the core rejects). Up to 3 %, so
   * that the bound falls inside the simulated books and its rounding is tested by real fills.
   */
  private protection(
    m: MarketModel,
    side: Side,
  ): { priceLimitTicks?: bigint; slippageBps?: number } {
    const priceLimitTicks = BigInt(m.midTicks + (side === "buy" ? 8 : -8));
    if (this.prng.chance(0.6)) return { priceLimitTicks };
    const slippageBps = this.prng.chance(0.05) ? this.prng.int(-1, 6_000) : this.prng.int(1, 300);
    return this.prng.chance(0.03) ? { priceLimitTicks, slippageBps } : { slippageBps };
  }

  private randomOpen(): OpenOrder | undefined {
    return this.open.length === 0 ? undefined : this.prng.pick(this.open);
  }

  private cancel(): Command {
    const target = this.randomOpen();
    const wrong = target === undefined || this.prng.chance(0.05);
    return {
      type: "order.cancel",
      ...this.envelope(),
      userId: wrong ? this.user() : target.userId,
      symbol: target?.symbol ?? "BTCUSDT",
      orderId: wrong ? this.prng.int(1, this.count + 5) : target.orderId,
    };
  }

  private cancelByClientId(): Command {
    const target = this.randomOpen();
    if (target?.clientOrderId == null) {
      return {
        type: "order.cancel",
        ...this.envelope(),
        userId: this.user(),
        symbol: "ETHUSDT",
        clientOrderId: `c${this.prng.int(1, 30)}`,
      };
    }
    return {
      type: "order.cancel",
      ...this.envelope(),
      userId: target.userId,
      symbol: target.symbol,
      clientOrderId: target.clientOrderId,
    };
  }

  /** Now and then across every market (a gateway's cancel-on-disconnect). */
  private cancelAll(): Command {
    const command: Command = { type: "order.cancelAll", ...this.envelope(), userId: this.user() };
    if (this.prng.chance(0.8)) command.symbol = this.pickMarket().symbol;
    return command;
  }

  /**
   * A stop-loss or take-profit limit order a few ticks from the mid, mostly on the side where it
   * waits (now and then already met, which the core rejects), working a few ticks beyond.
   */
  private stopOrder(): Command {
    const m = this.pickMarket();
    const side = this.side();
    const orderType = this.prng.chance(0.6) ? ("stopLimit" as const) : ("takeProfitLimit" as const);
    const onRise = (orderType === "stopLimit") === (side === "buy");
    const away = this.prng.chance(0.9) ? this.prng.int(1, 12) : -this.prng.int(0, 4);
    const stop = Math.max(1, m.midTicks + (onRise ? away : -away));
    const slack = this.prng.int(-2, 6);
    const price = Math.max(1, stop + (side === "buy" ? slack : -slack));
    const tif: TimeInForce = this.prng.pick(["GTC", "GTC", "GTC", "IOC", "FOK"]);
    const order: Command = {
      type: "order.place",
      ...this.envelope(),
      orderType,
      userId: this.user(),
      symbol: m.symbol,
      side,
      stopPriceTicks: BigInt(stop),
      priceTicks: BigInt(price),
      qtyLots: this.qty(),
      timeInForce: tif,
    };
    if (this.prng.chance(0.5)) order.stp = this.prng.pick(STP_MODES);
    if (this.prng.chance(0.15)) order.clientOrderId = `c${this.prng.int(1, 30)}`;
    return order;
  }

  /** An OCO around the mid: a sell's limit above and stop below, a buy's the other way. */
  private ocoOrder(): Command {
    const m = this.pickMarket();
    const side = this.side();
    const sign = side === "sell" ? 1 : -1;
    const limit = Math.max(1, m.midTicks + sign * this.prng.int(-1, 12));
    const stop = Math.max(1, m.midTicks - sign * this.prng.int(-1, 10));
    const stopLimit = Math.max(1, stop - sign * this.prng.int(0, 4));
    const order: Command = {
      type: "order.placeOco",
      ...this.envelope(),
      userId: this.user(),
      symbol: m.symbol,
      side,
      qtyLots: this.qty(),
      priceTicks: BigInt(limit),
      stopPriceTicks: BigInt(stop),
      stopLimitPriceTicks: BigInt(stopLimit),
      stopTimeInForce: this.prng.pick(["GTC", "GTC", "IOC"] as TimeInForce[]),
    };
    if (this.prng.chance(0.5)) order.stp = this.prng.pick(STP_MODES);
    if (this.prng.chance(0.15)) order.clientOrderId = `c${this.prng.int(1, 30)}`;
    if (this.prng.chance(0.1)) order.stopClientOrderId = `c${this.prng.int(1, 30)}`;
    return order;
  }

  /** Amends an open order: a new quantity (often a reduction), a new price near the mid, or both. */
  private amend(): Command {
    const target = this.randomOpen();
    const m = this.markets.find((x) => x.symbol === target?.symbol) ?? this.pickMarket();
    const command: Command = {
      type: "order.amend",
      ...this.envelope(),
      userId: target?.userId ?? this.user(),
      symbol: target?.symbol ?? m.symbol,
      orderId: target?.orderId ?? this.prng.int(1, this.count + 5),
    };
    const draw = this.prng.next();
    if (draw < 0.7) command.qtyLots = this.prng.bigint(1, 40);
    if (draw > 0.5) command.priceTicks = BigInt(Math.max(1, m.midTicks + this.prng.int(-12, 12)));
    return command;
  }

  /** A fresh business key, or now and then one used before (which must change nothing). */
  private businessKey(business: string): { business: string; businessId: string } {
    const reused = this.usedKeys.length > 0 && this.prng.chance(0.05);
    if (reused) return this.prng.pick(this.usedKeys);
    const key = { business, businessId: `${business}-${this.count}` };
    this.usedKeys.push(key);
    return key;
  }

  private asset(): string {
    return this.prng.pick(this.assets);
  }

  private amount(asset: string): bigint {
    const scale = asset === "ETH" ? 10n ** 15n : asset === "BTC" ? 10_000n : 1_000n;
    return this.prng.bigint(1, 5_000) * scale;
  }

  private balanceCommand(): Command {
    const draw = this.prng.next();
    const asset = this.asset();
    const userId = this.user();
    if (draw < 0.2) return this.savingsCommand(asset, userId);
    if (draw < 0.4) {
      return {
        type: "balance.deposit",
        ...this.envelope(),
        ...this.businessKey("deposit"),
        userId,
        asset,
        amountAtoms: this.amount(asset),
      };
    }
    if (draw < 0.52) {
      const withdrawalId = `w${this.count}`;
      return {
        type: "balance.withdrawFreeze",
        ...this.envelope(),
        ...this.businessKey("withdraw"),
        withdrawalId,
        userId,
        asset,
        amountAtoms: this.amount(asset),
      };
    }
    if (draw < 0.7 && this.withdrawals.length > 0) return this.finishWithdrawal();
    if (draw < 0.88) return this.transfer(asset);
    const amountAtoms = this.prng.chance(0.3) ? -this.amount(asset) : this.amount(asset);
    return {
      type: "balance.adjust",
      ...this.envelope(),
      ...this.businessKey("adjust"),
      userId,
      asset,
      amountAtoms,
    };
  }

  /** An open position's id and principal, or a closed or unknown id with a made-up principal. */
  private savingsTarget(open: boolean): OpenPosition {
    if (open && this.positions.length > 0) return this.prng.pick(this.positions);
    if (this.closedPositions.length > 0 && this.prng.chance(0.7)) {
      return { subscriptionId: this.prng.pick(this.closedPositions), principalAtoms: 1_000n };
    }
    return { subscriptionId: `nosuch-${this.prng.int(1, 50)}`, principalAtoms: 1_000n };
  }

  private savingsCommand(asset: string, userId: number): Command {
    const draw = this.prng.next();
    const env = this.envelope();
    if (draw < 0.35) {
      // Now and then more than anyone holds (600), or an id already open (700).
      const taken = this.prng.chance(0.03) && this.positions.length > 0;
      const subscriptionId = taken ? this.savingsTarget(true).subscriptionId : `sv${this.count}`;
      return {
        type: "savings.subscribe",
        ...env,
        ...this.businessKey("savings.subscribe"),
        subscriptionId,
        userId,
        asset,
        amountAtoms: this.prng.chance(0.03) ? 10n ** 25n : this.amount(asset),
      };
    }
    const bad = this.prng.chance(0.1);
    const target = this.savingsTarget(!bad || this.prng.chance(0.5));
    if (draw < 0.75) {
      let interestAtoms = this.prng.bigint(0, 2_000) * (asset === "ETH" ? 10n ** 9n : 1n);
      let principalAtoms = this.prng.chance(0.25) ? target.principalAtoms : 0n;
      if (principalAtoms === 0n && interestAtoms === 0n) interestAtoms = 1n;
      if (bad) {
        const kind = this.prng.int(0, 3);
        if (kind === 0) principalAtoms = target.principalAtoms + (this.prng.chance(0.5) ? 1n : -1n);
        if (kind === 1) [interestAtoms, principalAtoms] = [0n, 0n];
        if (kind === 2) interestAtoms = -1n;
      }
      return {
        type: "savings.payout",
        ...env,
        ...this.businessKey("savings.payout"),
        subscriptionId: target.subscriptionId,
        interestAtoms,
        principalAtoms,
      };
    }
    const penaltyDraw = this.prng.next();
    const penaltyAtoms =
      bad && this.prng.chance(0.3)
        ? -1n
        : penaltyDraw < 0.5
          ? 0n
          : penaltyDraw < 0.9
            ? target.principalAtoms / this.prng.bigint(2, 100)
            : target.principalAtoms + this.prng.bigint(0, 1_000);
    return {
      type: "savings.redeem",
      ...env,
      ...this.businessKey("savings.redeem"),
      subscriptionId: target.subscriptionId,
      forfeitInterest: this.prng.chance(0.5),
      penaltyAtoms,
    };
  }

  private finishWithdrawal(): Command {
    const withdrawalId = this.prng.pick(this.withdrawals);
    if (this.prng.chance(0.5)) {
      return {
        type: "balance.withdrawRelease",
        ...this.envelope(),
        ...this.businessKey("release"),
        withdrawalId,
      };
    }
    const feeAtoms = this.prng.chance(0.5) ? this.prng.bigint(0, 1_000) : undefined;
    return {
      type: "balance.withdrawSettle",
      ...this.envelope(),
      ...this.businessKey("settle"),
      withdrawalId,
      ...(feeAtoms === undefined ? {} : { feeAtoms }),
    };
  }

  private transferAccount(): TransferAccount {
    return this.prng.chance(0.8)
      ? { userId: this.user() }
      : { system: this.prng.pick(TRANSFER_SYSTEMS) };
  }

  private transfer(asset: string): Command {
    return {
      type: "balance.transfer",
      ...this.envelope(),
      ...this.businessKey("transfer"),
      asset,
      amountAtoms: this.amount(asset),
      from: this.transferAccount(),
      to: this.transferAccount(),
    };
  }

  /** Mostly back to trading, so markets spend little time closed. */
  private setStatus(): Command {
    const status = this.prng.chance(0.75) ? "trading" : this.prng.pick(STATUSES);
    return {
      type: "market.setStatus",
      ...this.envelope(),
      symbol: this.pickMarket().symbol,
      status,
    };
  }

  private feeTier(): Command {
    if (this.prng.chance(0.2)) {
      return {
        type: "feeTier.set",
        ...this.envelope(),
        tier: this.prng.int(0, 3),
        // A quarter of the tiers pay makers a rebate.
        makerScalePpm: this.prng.chance(0.25)
          ? -this.prng.int(1, 1_000_000)
          : this.prng.int(0, 1_000_000),
        takerScalePpm: this.prng.int(0, 1_000_000),
      };
    }
    return {
      type: "feeTier.assign",
      ...this.envelope(),
      userId: this.user(),
      tier: this.prng.int(0, 3),
    };
  }

  private addAsset(): Command {
    return { type: "asset.add", ...this.envelope(), code: "SOL", precision: 9 };
  }

  private addMarket(): Command {
    this.markets.push({ symbol: "SOLUSDT", midTicks: 150, quoteScale: 50_000 });
    this.assets.push("SOL");
    // One lot (0.01 SOL = 10^7 atoms) at one tick (0.01 USDT = 10^4 atoms) is 10^11 / 10^9 = 100 atoms.
    return {
      type: "market.add",
      ...this.envelope(),
      symbol: "SOLUSDT",
      base: "SOL",
      quote: "USDT",
      tickSizeAtoms: 10_000n,
      lotSizeAtoms: 10_000_000n,
      minQtyLots: 1n,
      maxQtyLots: 1_000n,
      minNotionalAtoms: 0n,
      makerFeePpm: 999,
      takerFeePpm: 1_001,
    };
  }

  /** Orders and credits just beyond a limit (limits.ts), each rejected with its own code. */
  private overLimits(env: { id: string; ts: number }): Command[] {
    const order = { type: "order.place" as const, ...env, userId: this.user(), symbol: "BTCUSDT" };
    const tooHigh = SIM_LIMITS.maxPriceTicks + 1n;
    const tooMuch = SIM_LIMITS.maxNotionalAtoms + 1n;
    return [
      { ...order, orderType: "limit", side: "sell", priceTicks: tooHigh, qtyLots: 1n },
      { ...order, orderType: "limit", side: "sell", priceTicks: 1n + 10n ** 45n, qtyLots: 1n },
      { ...order, orderType: "market", side: "buy", quoteAtoms: tooMuch },
      { ...order, orderType: "market", side: "buy", qtyLots: 500n, priceLimitTicks: 10_000n },
      {
        type: "balance.deposit",
        ...env,
        business: "deposit",
        businessId: `huge-${this.count}`,
        userId: this.user(),
        asset: "BTC",
        amountAtoms: 6_000_000_001n,
      },
    ];
  }

  private invalid(): Command {
    const env = this.envelope();
    const choices: Command[] = [
      {
        type: "order.place",
        ...env,
        orderType: "limit",
        userId: -1,
        symbol: "BTCUSDT",
        side: "buy",
        priceTicks: 1n,
        qtyLots: 1n,
      },
      {
        type: "order.place",
        ...env,
        orderType: "limit",
        userId: 1,
        symbol: "NOPE",
        side: "buy",
        priceTicks: 1n,
        qtyLots: 1n,
      },
      {
        type: "balance.deposit",
        ...env,
        business: "",
        businessId: "x",
        userId: 1,
        asset: "BTC",
        amountAtoms: 1n,
      },
      {
        type: "balance.deposit",
        ...env,
        business: "deposit",
        businessId: `neg-${this.count}`,
        userId: 1,
        asset: "BTC",
        amountAtoms: -1n,
      },
      {
        type: "balance.withdrawSettle",
        ...env,
        business: "settle",
        businessId: `ghost-${this.count}`,
        withdrawalId: "ghost",
      },
      { type: "asset.add", ...env, code: "BTC", precision: 8 },
      { type: "asset.add", ...env, code: "HUGE", precision: 8, maxAmountAtoms: 10n ** 31n },
      ...this.overLimits(env),
      { type: "nonsense", ...env } as unknown as Command,
      { type: "order.cancel", ...env, userId: 1, symbol: "BTCUSDT" },
    ];
    return this.prng.pick(choices);
  }
}
