import type { Command } from "../commands";
import type {
  BalanceChangedEvent,
  CommandResult,
  FundingSettledEvent,
  FuturesWalletChangedEvent,
  PositionChangedEvent,
} from "../events";
import type { ExchangeCore, OrderView } from "../exchange-core";

/** An invariant the perpetuals audit found broken (the auditor wraps it in its own failure). */
export type Fail = (message: string) => never;

interface ContractModel {
  symbol: string;
  settle: string;
  fundingCapPpm: number;
}

/**
 * The perpetuals part of the auditor, through events and `ExchangeCore` queries only:
 * - per settle asset, `futuresMargin` holds exactly Σ futures wallets + Σ isolated margins, and
 *   `futuresPnl` is −Σ cost of the open positions; no wallet and no isolated margin is negative;
 * - per contract, the open positions' quantities sum to 0;
 * - the last `position.changed` of each position in a command reports it as the core holds it
 *   (every one: cost signed like the quantity, nothing when flat, isolated margin ≥ 0), and the
 *   last `futures.walletChanged` of each wallet its balance; each position's quantity is what the
 *   trades and auto-deleveraging events alone made it;
 * - funding: paid − received = rounding ≥ 0, the `position.funded` payments sum to the
 *   rounding, the payers' to what was paid, and the rate is within the contract's cap;
 * - the insurance fund moves only by liquidation (its close orders' fills included), funding
 *   shortfalls, transfers and the lending module's liquidations, or pays out for an ordinary
 *   fill that closed a position past its bankruptcy price (counted: `fillShortfalls`); each `position.liquidated`
 *   reports exactly what the fund gained or paid in it, and leaves the position flat with no
 *   order open in the contract;
 * - a user's open orders in a contract hold, together, the position's order margin.
 */
export class PerpsAudit {
  private readonly contracts = new Map<string, ContractModel>();
  /** Signed quantity per `${userId}|${symbol}`, from trades and deleveraging only. */
  private readonly quantities = new Map<string, bigint>();
  /** Ordinary fills whose loss beyond a position's margin the insurance fund covered. */
  fillShortfalls = 0;

  constructor(private readonly fail: Fail) {}

  isContract(symbol: string): boolean {
    return this.contracts.has(symbol);
  }

  checkCommand(core: ExchangeCore, command: Command, result: CommandResult): void {
    if (!result.accepted) return;
    const positions = new Map<string, PositionChangedEvent>();
    const wallets = new Map<string, FuturesWalletChangedEvent>();
    const moved = new Set<string>();
    const liquidationOrders = new Set<number>();
    const takers = new Map<number, number>();
    let insurance = 0n;
    let derivatives = false;
    const liquidated: { userId: number; symbol: string }[] = [];
    for (const e of result.events) {
      switch (e.type) {
        case "contract.added":
          this.contracts.set(e.symbol, {
            symbol: e.symbol,
            settle: core.market(e.symbol)?.quote ?? this.fail(`no market ${e.symbol}`),
            fundingCapPpm: e.fundingCapPpm,
          });
          break;
        case "order.accepted":
          if (this.isContract(e.symbol) && e.clientOrderId === "liquidation") {
            liquidationOrders.add(e.orderId);
          }
          break;
        case "trade":
          takers.set(e.tradeId, e.takerOrderId);
          if (this.isContract(e.symbol)) {
            const signed = e.takerSide === "buy" ? e.qtyLots : -e.qtyLots;
            this.move(e.takerUserId, e.symbol, signed, moved);
            this.move(e.makerUserId, e.symbol, -signed, moved);
          }
          break;
        case "position.deleveraged":
          this.reduceToward0(e.userId, e.symbol, e.qtyLots, moved);
          this.reduceToward0(e.liquidatedUserId, e.symbol, e.qtyLots, moved);
          break;
        case "balance.changed":
          insurance += this.checkInsurance(e, liquidationOrders, takers);
          derivatives ||= e.postings.some(
            (p) => p.account === "futuresMargin" || p.account === "futuresPnl",
          );
          break;
        case "position.changed":
          this.checkPositionEvent(e);
          positions.set(`${e.userId}|${e.symbol}`, e);
          derivatives = true;
          break;
        case "futures.walletChanged":
          if (e.walletAtoms < 0n) this.fail(`futures wallet of user ${e.userId} went negative`);
          wallets.set(`${e.userId}|${e.asset}`, e);
          derivatives = true;
          break;
        case "funding.settled":
          this.checkFunding(e, result);
          break;
        case "position.liquidated":
          if (e.insuranceAtoms !== insurance) {
            this.fail(
              `liquidation of user ${e.userId} reports ${e.insuranceAtoms} to the fund, postings ${insurance}`,
            );
          }
          if (e.bookLots + e.deleveragedLots !== (e.qtyLots < 0n ? -e.qtyLots : e.qtyLots)) {
            this.fail(`liquidation of user ${e.userId} did not close the whole position`);
          }
          insurance = 0n;
          liquidated.push(e);
          break;
      }
    }
    for (const e of positions.values()) this.checkPositionHeld(core, e);
    for (const e of wallets.values()) {
      const held = core.futuresWallet(e.userId, e.asset);
      if (held !== e.walletAtoms) {
        this.fail(`futures.walletChanged of user ${e.userId} says ${e.walletAtoms}, core ${held}`);
      }
    }
    for (const key of moved) {
      const [userId, symbol] = key.split("|") as [string, string];
      const qty = core.position(Number(userId), symbol)?.qtyLots ?? 0n;
      if (qty !== (this.quantities.get(key) ?? 0n)) {
        this.fail(
          `position ${key} holds ${qty} lots, its trades and deleveraging made it otherwise`,
        );
      }
    }
    for (const { userId, symbol } of liquidated) {
      if (core.position(userId, symbol)?.qtyLots !== 0n) {
        this.fail(`user ${userId}'s ${symbol} position is open after its liquidation`);
      }
      if (core.openOrders(userId).some((o) => o.symbol === symbol)) {
        this.fail(`user ${userId} has ${symbol} orders open after its liquidation`);
      }
    }
    if (derivatives || command.type.startsWith("contract.")) this.checkLedger(core);
  }

  private move(userId: number, symbol: string, lots: bigint, moved: Set<string>): void {
    const key = `${userId}|${symbol}`;
    this.quantities.set(key, (this.quantities.get(key) ?? 0n) + lots);
    moved.add(key);
  }

  private reduceToward0(userId: number, symbol: string, lots: bigint, moved: Set<string>): void {
    const qty = this.quantities.get(`${userId}|${symbol}`) ?? 0n;
    const size = qty < 0n ? -qty : qty;
    if (lots <= 0n || lots > size) this.fail(`user ${userId} deleveraged by ${lots} of ${qty}`);
    this.move(userId, symbol, qty > 0n ? -lots : lots, moved);
  }

  /** The net insurance postings of a balance change, failing one of a cause that may not. */
  private checkInsurance(
    e: BalanceChangedEvent,
    liquidationOrders: Set<number>,
    takers: Map<number, number>,
  ): bigint {
    let net = 0n;
    for (const p of e.postings) if (p.account === "insurance") net += p.amountAtoms;
    if (net === 0n && !e.postings.some((p) => p.account === "insurance")) return 0n;
    const liquidationFill =
      e.cause === "trade" && liquidationOrders.has(takers.get(e.tradeId) ?? 0);
    const allowed =
      e.cause === "liquidation" ||
      e.cause === "funding" ||
      e.cause === "transfer" ||
      e.cause.startsWith("loan.") ||
      liquidationFill;
    // An ordinary fill that realises a loss beyond the margin backing its position (one opened
    // or left past its bankruptcy price between two marks) is covered by the fund: only ever a
    // payment out of it, and counted.
    if (!allowed && !(e.cause === "trade" && net < 0n)) {
      this.fail(`${e.cause} (trade ${e.tradeId}) moved the insurance fund`);
    }
    if (!allowed) this.fillShortfalls++;
    return net;
  }

  private checkPositionEvent(e: PositionChangedEvent): void {
    const sign = (x: bigint) => (x > 0n ? 1 : x < 0n ? -1 : 0);
    if (e.qtyLots === 0n ? e.costAtoms !== 0n : sign(e.costAtoms) === -sign(e.qtyLots)) {
      this.fail(`position of user ${e.userId} reports cost ${e.costAtoms} for ${e.qtyLots} lots`);
    }
    if (e.isolatedMarginAtoms < 0n) this.fail(`isolated margin of user ${e.userId} is negative`);
    if (e.mode === "cross" && e.isolatedMarginAtoms !== 0n)
      this.fail(`cross position of user ${e.userId} holds isolated margin`);
  }

  private checkPositionHeld(core: ExchangeCore, e: PositionChangedEvent): void {
    const p = core.position(e.userId, e.symbol) ?? this.fail(`no position ${e.userId} ${e.symbol}`);
    if (
      p.qtyLots !== e.qtyLots ||
      p.costAtoms !== e.costAtoms ||
      p.mode !== e.mode ||
      p.leverage !== e.leverage ||
      p.isolatedMarginAtoms !== e.isolatedMarginAtoms ||
      p.liquidationPriceTicks !== e.liquidationPriceTicks
    ) {
      this.fail(`position.changed of user ${e.userId} differs from the position the core holds`);
    }
  }

  private checkFunding(e: FundingSettledEvent, result: CommandResult): void {
    const cap = this.contracts.get(e.symbol)?.fundingCapPpm ?? this.fail(`funding of ${e.symbol}`);
    if (Math.abs(e.ratePpm) > cap) this.fail(`funding rate ${e.ratePpm} beyond the cap ${cap}`);
    if (e.roundingAtoms < 0n || e.paidAtoms - e.receivedAtoms !== e.roundingAtoms) {
      this.fail(
        `funding paid ${e.paidAtoms}, received ${e.receivedAtoms}, kept ${e.roundingAtoms}`,
      );
    }
    let net = 0n;
    let paid = 0n;
    let count = 0;
    for (const f of result.events) {
      if (f.type !== "position.funded" || f.fundingTime !== e.fundingTime) continue;
      net += f.paidAtoms;
      if (f.paidAtoms > 0n) paid += f.paidAtoms;
      count++;
    }
    if (net !== e.roundingAtoms || paid !== e.paidAtoms || count !== e.positions) {
      this.fail(`position.funded payments sum to ${net} (${paid} paid), funding says otherwise`);
    }
  }

  /**
   * The futures ledger against the positions and wallets, for every settle asset; quantities
   * per contract sum to zero.
   */
  checkLedger(core: ExchangeCore): void {
    const margin = new Map<string, bigint>();
    const cost = new Map<string, bigint>();
    const add = (m: Map<string, bigint>, asset: string, amount: bigint) =>
      m.set(asset, (m.get(asset) ?? 0n) + amount);
    const users = core.userIds();
    const settles = new Set<string>();
    for (const c of this.contracts.values()) {
      settles.add(c.settle);
      let qty = 0n;
      for (const userId of users) {
        const p = core.position(userId, c.symbol);
        if (p === undefined) continue;
        if (p.isolatedMarginAtoms < 0n) this.fail(`isolated margin of user ${userId} is negative`);
        if (p.orderMarginAtoms < 0n) this.fail(`order margin of user ${userId} is negative`);
        add(margin, c.settle, p.isolatedMarginAtoms);
        add(cost, c.settle, p.costAtoms);
        qty += p.qtyLots;
      }
      if (qty !== 0n) this.fail(`the positions of ${c.symbol} sum to ${qty} lots`);
    }
    for (const settle of settles) {
      for (const userId of users) {
        const wallet = core.futuresWallet(userId, settle);
        if (wallet < 0n) this.fail(`futures wallet of user ${userId} is negative`);
        add(margin, settle, wallet);
      }
      const held = core.systemBalance(settle, "futuresMargin");
      if (held !== (margin.get(settle) ?? 0n)) {
        this.fail(
          `futuresMargin ${settle} is ${held}, wallets and isolated margins ${margin.get(settle)}`,
        );
      }
      const pnl = core.systemBalance(settle, "futuresPnl");
      if (pnl !== 0n - (cost.get(settle) ?? 0n)) {
        this.fail(`futuresPnl ${settle} is ${pnl}, the open positions cost ${cost.get(settle)}`);
      }
    }
  }

  /**
   * A user's open orders in each contract hold together the position's order margin (a
   * perpetual order reserves margin, it freezes no balance). A waiting reduce-only stop order
   * (one that holds nothing) can still reduce its position: opposite to it, never larger than
   * it was placed against (close-position cancels the others).
   */
  checkOrders(core: ExchangeCore, userId: number, orders: readonly OrderView[]): void {
    const held = new Map<string, bigint>();
    for (const o of orders) {
      if (!this.isContract(o.symbol)) continue;
      if (o.frozenAtoms < 0n) this.fail(`order ${o.orderId} holds ${o.frozenAtoms}`);
      if (o.waiting && o.frozenAtoms === 0n) {
        const qty = core.position(userId, o.symbol)?.qtyLots ?? 0n;
        if (o.side === "sell" ? qty <= 0n : qty >= 0n) {
          this.fail(`reduce-only stop ${o.orderId} waits with nothing to reduce (${qty} lots)`);
        }
      }
      held.set(o.symbol, (held.get(o.symbol) ?? 0n) + o.frozenAtoms);
    }
    for (const symbol of this.contracts.keys()) {
      const reserved = core.position(userId, symbol)?.orderMarginAtoms ?? 0n;
      if (reserved !== (held.get(symbol) ?? 0n)) {
        this.fail(
          `user ${userId}'s ${symbol} orders hold ${held.get(symbol) ?? 0n}, the position reserves ${reserved}`,
        );
      }
    }
  }
}
