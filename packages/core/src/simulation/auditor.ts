import type { Command } from "../commands";
import type {
  BalanceChangedEvent,
  BookLevelChangedEvent,
  CommandResult,
  OrderAcceptedEvent,
  TradeEvent,
} from "../events";
import type { ExchangeCore, MarketView, OrderView } from "../exchange-core";
import { SYSTEM_ACCOUNTS } from "../types";
import { PerpsAudit } from "./perps-auditor";

/** The user a command credits by deposit, transfer or adjustment, which the maximum bounds. */
function creditedUser(c: Command): { userId: number; asset: string } | null {
  if (c.type === "balance.deposit") return { userId: c.userId, asset: c.asset };
  if (c.type === "balance.adjust" && c.amountAtoms > 0n)
    return { userId: c.userId, asset: c.asset };
  if (c.type === "balance.transfer" && "userId" in c.to) {
    return { userId: c.to.userId, asset: c.asset };
  }
  return null;
}

/** An invariant the auditor found broken. */
export class AuditFailure extends Error {
  constructor(message: string) {
    super(message);
    this.name = "AuditFailure";
  }
}

function fail(message: string): never {
  throw new AuditFailure(message);
}

/**
 * Checks the core from the outside, through its events and queries only:
 * - every `balance.changed` sums to zero per asset, and every posting's reported balance is
 *   the previous one plus the amount (a mirror ledger rebuilt from postings alone);
 * - no user balance is ever negative;
 * - each user's frozen balance equals what their open orders and pending withdrawals hold,
 *   and each order holds exactly remaining × price (buy) or remaining × lot (sell), untriggered
 *   stop orders included, an OCO's stop order only what it needs beyond its limit order;
 * - OCO orders come in linked pairs (one waiting, one on the book), and no untriggered order's
 *   stop is met by its market's last trade price;
 * - books are never crossed, level events report the level's real total, and each market's
 *   level sequence rises by exactly one per event;
 * - trades move exactly price × quantity of quote and charge no more than was received;
 * - the limits hold: no event or resting order carries a price above the market's maximum, no
 *   order or trade a value above its maximum notional, no user more open orders in a market
 *   than its maximum, and a deposit, transfer or adjustment never leaves a user holding more
 *   than the asset's maximum.
 * - savings: per asset, the `savings` system account, less what transfers moved in or out of it,
 *   equals the sum of the open positions' principal; each open position's principal and
 *   interest paid are what its commands said; every savings command posts exactly what its
 *   rules give (the deduction of a redemption capped at the principal), and payouts and
 *   redemptions of a position that is not open are rejected.
 * - lending: every `loan.changed` reports the loan as the core holds it; per asset the
 *   `loanCollateral` account holds exactly the open loans' collateral (and their liquidation
 *   proceeds), the `loan` pool less what transfers moved lacks exactly their principal (a loan
 *   ends with its principal back, from proceeds or insurance), `loanIncome` never falls; no loan
 *   ends with collateral or debt outstanding; only lending commands post to the lending
 *   accounts.
 * - perpetuals (`perps-auditor.ts`): the futures ledger against wallets, isolated margins and
 *   positions' cost, positions as the events report them and as their trades made them, funding
 *   sums, insurance moved only by liquidation, funding and transfers (or paying for an ordinary
 *   fill past a bankruptcy price, counted); a perpetual order holds
 *   margin (the position's order margin), never a frozen balance, so a user's frozen balance is
 *   what their spot orders and withdrawals hold.
 * After each command it checks the users that command touched (others cannot have changed);
 * `auditAll` checks everyone and the zero sum of every asset across all accounts.
 */
export class Auditor {
  /** Account balances according to postings: `${userId}|${account}|${asset}` → atoms. */
  private readonly mirror = new Map<string, bigint>();
  private readonly lastSeq = new Map<string, number>();
  private readonly markets = new Map<string, MarketView>();
  /** Open savings positions as their commands made them. */
  private readonly positions = new Map<
    string,
    { userId: number; asset: string; principalAtoms: bigint; interestPaidAtoms: bigint }
  >();
  /** Per asset, what `balance.transfer` moved into the `savings` account (out: negative). */
  private readonly savingsTransfers = new Map<string, bigint>();
  /** Per asset, what `balance.transfer` moved into the `loan` pool (out: negative). */
  private readonly loanTransfers = new Map<string, bigint>();
  /** A market order's slippage bound, set before it runs: taker side and 10 000 × the bound. */
  private slippageBound: { side: "buy" | "sell"; scaledTicks: bigint } | null = null;
  readonly perps = new PerpsAudit(fail);

  /**
   * Before a command runs: a market order with a slippage notes the bound its fills must keep,
   * from the best opposite price it meets (best × (1 ± bps / 10 000)).
   */
  beforeCommand(core: ExchangeCore, command: Command): void {
    this.slippageBound = null;
    if (command.type !== "order.place" || command.orderType !== "market") return;
    const bps = command.slippageBps;
    if (bps === undefined || !Number.isSafeInteger(bps)) return;
    const opposite = command.side === "buy" ? "sell" : "buy";
    const best = core.bestPrice(command.symbol, opposite);
    if (best === null) return;
    const allowance = command.side === "buy" ? 10_000n + BigInt(bps) : 10_000n - BigInt(bps);
    this.slippageBound = { side: command.side, scaledTicks: best * allowance };
  }

  checkCommand(core: ExchangeCore, command: Command, result: CommandResult): void {
    if (!result.accepted && result.events.some((e) => e.type !== "order.rejected")) {
      fail("a rejected command emitted state events");
    }
    if (result.accepted && result.repeated) {
      if (!/^(balance|savings|loan|index|futures|mark|funding)\./.test(command.type)) {
        fail("only balance, savings, lending, futures, mark and funding commands may repeat");
      }
      return;
    }
    const touched = new Set<number>();
    if (command.type.startsWith("savings.")) this.checkSavings(core, command, result);
    if (/^(loan|index)\./.test(command.type) && result.accepted) this.checkLoans(core, result);
    // The command's own order: the first accepted (a stop order triggered later is another).
    let placedOrderId = 0;
    for (const event of result.events) {
      if (event.type === "balance.changed") this.checkPostings(event, touched);
      else if (event.type === "trade") {
        this.checkTrade(core, event);
        this.checkSlippage(event, placedOrderId);
      } else if (event.type === "book.levelChanged") this.checkLevelEvent(core, event);
      else if (event.type === "order.accepted") {
        if (placedOrderId === 0) placedOrderId = event.orderId;
        this.checkAccepted(core, event);
      } else if (event.type === "market.added") this.markets.delete(event.symbol);
      else if (event.type === "position.changed") touched.add(event.userId);
    }
    this.perps.checkCommand(core, command, result);
    if (result.accepted && "userId" in command && this.perpetualCommand(command)) {
      touched.add(command.userId);
    }
    this.checkLevels(core, result);
    this.checkBooks(core);
    for (const userId of touched) this.checkUser(core, userId);
    const credited = result.accepted ? creditedUser(command) : null;
    if (credited !== null) this.checkHoldings(core, credited.userId, credited.asset);
  }

  /** A command about a contract, whose user's order margin it may change. */
  private perpetualCommand(command: Command): boolean {
    return "symbol" in command
      ? command.symbol === undefined || this.perps.isContract(command.symbol)
      : false;
  }

  /**
   * A savings command's postings against the model of its position, then the model updated and
   * compared with the core's positions and pool.
   */
  private checkSavings(core: ExchangeCore, command: Command, result: CommandResult): void {
    if (command.type !== "savings.payout" && command.type !== "savings.redeem") {
      if (command.type !== "savings.subscribe" || !result.accepted) return;
      this.positions.set(command.subscriptionId, {
        userId: command.userId,
        asset: command.asset,
        principalAtoms: command.amountAtoms,
        interestPaidAtoms: 0n,
      });
      this.expectPostings(result, command.asset, [
        ["available", command.userId, 0n - command.amountAtoms],
        ["savings", 0, command.amountAtoms],
      ]);
      this.checkPositions(core, command.asset);
      return;
    }
    const position = this.positions.get(command.subscriptionId);
    if (position === undefined) {
      if (result.accepted) fail(`position ${command.subscriptionId} is not open but was paid`);
      return;
    }
    if (!result.accepted) return;
    const { userId, asset, principalAtoms } = position;
    const expected: [string, number, bigint][] = [];
    if (command.type === "savings.payout") {
      const interest = command.interestAtoms;
      const principal = command.principalAtoms;
      if (principal !== 0n && principal !== principalAtoms) fail("a payout of another principal");
      if (interest > 0n)
        expected.push(["savingsInterest", 0, 0n - interest], ["available", userId, interest]);
      if (principal > 0n)
        expected.push(["savings", 0, 0n - principal], ["available", userId, principal]);
      position.interestPaidAtoms += interest;
      if (principal > 0n) this.positions.delete(command.subscriptionId);
    } else {
      const claimed =
        command.penaltyAtoms + (command.forfeitInterest ? position.interestPaidAtoms : 0n);
      const deduction = claimed < principalAtoms ? claimed : principalAtoms;
      expected.push(["savings", 0, 0n - principalAtoms]);
      if (deduction < principalAtoms)
        expected.push(["available", userId, principalAtoms - deduction]);
      if (deduction > 0n) expected.push(["savingsInterest", 0, deduction]);
      this.positions.delete(command.subscriptionId);
    }
    this.expectPostings(result, asset, expected);
    this.checkPositions(core, asset);
  }

  private expectPostings(
    result: CommandResult,
    asset: string,
    expected: [string, number, bigint][],
  ): void {
    const events = result.events;
    const event = events[0];
    if (events.length !== 1 || event?.type !== "balance.changed") {
      fail("a savings command emitted other than one balance.changed");
    }
    const actual = event.postings.map(
      (p) => `${p.account}|${p.userId}|${p.asset}|${p.amountAtoms}`,
    );
    const wanted = expected.map(
      ([account, userId, amount]) => `${account}|${userId}|${asset}|${amount}`,
    );
    if (actual.join(",") !== wanted.join(",")) {
      fail(`${event.cause} posted ${actual.join(", ")}; its rules give ${wanted.join(", ")}`);
    }
  }

  /** The core's positions equal the model's, and the pool of `asset` holds their principal. */
  private checkPositions(core: ExchangeCore, asset: string | null): void {
    const actual = core.savingsPositions();
    if (actual.length !== this.positions.size) {
      fail(
        `the core has ${actual.length} savings positions open, the commands ${this.positions.size}`,
      );
    }
    const principal = new Map<string, bigint>();
    for (const p of actual) {
      const model = this.positions.get(p.subscriptionId);
      if (
        model === undefined ||
        model.userId !== p.userId ||
        model.asset !== p.asset ||
        model.principalAtoms !== p.principalAtoms ||
        model.interestPaidAtoms !== p.interestPaidAtoms
      ) {
        fail(`savings position ${p.subscriptionId} differs from what its commands made it`);
      }
      principal.set(p.asset, (principal.get(p.asset) ?? 0n) + p.principalAtoms);
    }
    for (const code of asset === null ? core.assetCodes() : [asset]) {
      const pool = core.systemBalance(code, "savings") - (this.savingsTransfers.get(code) ?? 0n);
      if (pool !== (principal.get(code) ?? 0n)) {
        fail(
          `the ${code} savings pool holds ${pool} of principal, positions ${principal.get(code) ?? 0n}`,
        );
      }
    }
  }

  /**
   * After a lending command: its `loan.changed` events report the loans as the core holds
   * them, and the lending accounts hold what the loans say.
   */
  private checkLoans(core: ExchangeCore, result: CommandResult): void {
    const loans = new Map(core.loans().map((l) => [l.loanId, l] as const));
    for (const e of result.events) {
      if (e.type !== "loan.changed") continue;
      const l = loans.get(e.loanId) ?? fail(`loan.changed for unknown loan ${e.loanId}`);
      if (
        l.status !== e.status ||
        l.principalAtoms !== e.principalAtoms ||
        l.interestAtoms !== e.interestAtoms ||
        l.collateralAtoms !== e.collateralAtoms ||
        l.proceedsAtoms !== e.proceedsAtoms
      ) {
        fail(`loan.changed of ${e.loanId} differs from the loan the core holds`);
      }
    }
    this.checkLendingAccounts(core);
  }

  private checkLendingAccounts(core: ExchangeCore): void {
    const held = new Map<string, bigint>();
    const lent = new Map<string, bigint>();
    const add = (m: Map<string, bigint>, asset: string, amount: bigint) =>
      m.set(asset, (m.get(asset) ?? 0n) + amount);
    for (const l of core.loans()) {
      const ended = l.status === "closed" || l.status === "liquidated";
      const outstanding = l.principalAtoms + l.interestAtoms + l.collateralAtoms + l.proceedsAtoms;
      if (ended && outstanding !== 0n) fail(`loan ${l.loanId} ended ${l.status} with amounts left`);
      if (!ended && l.principalAtoms + l.interestAtoms <= 0n) fail(`loan ${l.loanId} owes nothing`);
      if (l.status === "open" && l.proceedsAtoms !== 0n) fail(`open loan ${l.loanId} has proceeds`);
      add(held, l.collateralAsset, l.collateralAtoms);
      add(held, l.loanAsset, l.proceedsAtoms);
      add(lent, l.loanAsset, l.principalAtoms);
    }
    for (const code of core.assetCodes()) {
      const collateral = core.systemBalance(code, "loanCollateral");
      if (collateral !== (held.get(code) ?? 0n)) {
        fail(`loanCollateral ${code} is ${collateral}, the loans hold ${held.get(code) ?? 0n}`);
      }
      const pool = core.systemBalance(code, "loan") - (this.loanTransfers.get(code) ?? 0n);
      if (pool !== 0n - (lent.get(code) ?? 0n)) {
        fail(
          `the ${code} loan pool lacks ${0n - pool}, the loans' principal is ${lent.get(code) ?? 0n}`,
        );
      }
      if (core.systemBalance(code, "loanIncome") < 0n) fail(`loanIncome ${code} is negative`);
    }
  }

  /** Only the market order's own fills: stop orders its trades triggered have their own limits. */
  private checkSlippage(t: TradeEvent, orderId: number): void {
    const bound = this.slippageBound;
    if (bound === null || t.takerOrderId !== orderId) return;
    const scaled = t.priceTicks * 10_000n;
    if (bound.side === "buy" ? scaled > bound.scaledTicks : scaled < bound.scaledTicks) {
      fail(`trade ${t.tradeId} at ${t.priceTicks} ticks is beyond the order's slippage`);
    }
  }

  private checkLevelEvent(core: ExchangeCore, e: BookLevelChangedEvent): void {
    this.checkSeq(e.symbol, e.seq);
    if (e.priceTicks > this.market(core, e.symbol).maxPriceTicks) {
      fail(`${e.symbol} level at ${e.priceTicks} ticks is above the maximum price`);
    }
  }

  private checkAccepted(core: ExchangeCore, e: OrderAcceptedEvent): void {
    const m = this.market(core, e.symbol);
    if (e.priceTicks > m.maxPriceTicks) fail(`order ${e.orderId} price is above the maximum`);
    if (e.qtyLots > m.maxQtyLots) fail(`order ${e.orderId} quantity is above the maximum`);
    if (e.quoteAtoms > m.maxNotionalAtoms) fail(`order ${e.orderId} quote is above the maximum`);
    const value = e.priceTicks * e.qtyLots * m.quotePerTickLot;
    if (e.side === "buy" && value > m.maxNotionalAtoms) {
      fail(`order ${e.orderId} value ${value} is above the maximum notional`);
    }
  }

  /** After a credit by command: available + frozen within the asset's maximum. */
  private checkHoldings(core: ExchangeCore, userId: number, code: string): void {
    const b = core.balance(userId, code);
    const max = core.asset(code)?.maxAmountAtoms ?? fail(`unknown asset ${code}`);
    if (b.availableAtoms + b.frozenAtoms > max) {
      fail(`user ${userId} holds more ${code} than its maximum ${max}`);
    }
  }

  /** Everything, for every user and asset. */
  auditAll(core: ExchangeCore): void {
    this.checkBooks(core);
    this.checkPositions(core, null);
    this.checkLendingAccounts(core);
    this.perps.checkLedger(core);
    for (const userId of core.userIds()) this.checkUser(core, userId);
    for (const asset of core.assetCodes()) {
      let total = 0n;
      for (const userId of core.userIds()) {
        const b = core.balance(userId, asset);
        total += b.availableAtoms + b.frozenAtoms;
      }
      for (const account of SYSTEM_ACCOUNTS) {
        const balance = core.systemBalance(asset, account);
        if (balance !== (this.mirror.get(`0|${account}|${asset}`) ?? 0n)) {
          fail(`system account ${account} ${asset} is ${balance}, postings say otherwise`);
        }
        total += balance;
      }
      if (total !== 0n) fail(`asset ${asset} sums to ${total} across all accounts`);
    }
  }

  private market(core: ExchangeCore, symbol: string): MarketView {
    let view = this.markets.get(symbol);
    if (view === undefined) {
      view = core.market(symbol) ?? fail(`unknown market ${symbol}`);
      this.markets.set(symbol, view);
    }
    return view;
  }

  private checkPostings(event: BalanceChangedEvent, touched: Set<number>): void {
    const sums = new Map<string, bigint>();
    for (const p of event.postings) {
      sums.set(p.asset, (sums.get(p.asset) ?? 0n) + p.amountAtoms);
      const key = `${p.userId}|${p.account}|${p.asset}`;
      const after = (this.mirror.get(key) ?? 0n) + p.amountAtoms;
      if (after !== p.balanceAtoms)
        fail(`posting to ${key} reports ${p.balanceAtoms}, postings sum to ${after}`);
      const isUser = p.account === "available" || p.account === "frozen";
      if (isUser !== p.userId > 0) fail(`posting to ${key} has the wrong owner`);
      if (isUser && after < 0n) fail(`${key} went negative: ${after}`);
      if (p.amountAtoms === 0n) fail(`zero posting to ${key}`);
      this.mirror.set(key, after);
      if (isUser) touched.add(p.userId);
    }
    for (const [asset, sum] of sums) {
      if (sum !== 0n) fail(`${event.cause} postings of ${asset} sum to ${sum}`);
    }
    for (const p of event.postings) {
      if (p.account === "savingsInterest" && !event.cause.startsWith("savings.")) {
        fail(`${event.cause} posted to the savings interest account`);
      }
      const lendingAccount = p.account === "loanCollateral" || p.account === "loanIncome";
      if (lendingAccount && !event.cause.startsWith("loan.")) {
        fail(`${event.cause} posted to the ${p.account} account`);
      }
      if (p.account === "loan" && event.cause === "transfer") {
        this.loanTransfers.set(p.asset, (this.loanTransfers.get(p.asset) ?? 0n) + p.amountAtoms);
      }
      if (p.account === "savings" && event.cause === "transfer") {
        this.savingsTransfers.set(
          p.asset,
          (this.savingsTransfers.get(p.asset) ?? 0n) + p.amountAtoms,
        );
      }
    }
  }

  private checkTrade(core: ExchangeCore, t: TradeEvent): void {
    const m = this.market(core, t.symbol);
    if (t.quoteAtoms !== t.priceTicks * t.qtyLots * m.quotePerTickLot)
      fail(`trade ${t.tradeId} quote is inexact`);
    if (t.qtyLots <= 0n) fail(`trade ${t.tradeId} has no quantity`);
    if (t.priceTicks > m.maxPriceTicks || t.quoteAtoms > m.maxNotionalAtoms)
      fail(`trade ${t.tradeId} is above the market's maximum price or notional`);
    // A perpetual's fill exchanges nothing: both fees are charged on its notional.
    const base = this.perps.isContract(t.symbol) ? t.quoteAtoms : t.qtyLots * m.lotSizeAtoms;
    const takerReceived = t.takerSide === "buy" ? base : t.quoteAtoms;
    const makerReceived = t.takerSide === "buy" ? t.quoteAtoms : base;
    if (t.takerFeeAtoms < 0n || t.takerFeeAtoms > takerReceived)
      fail(`trade ${t.tradeId} taker fee out of range`);
    if (t.makerFeeAtoms > makerReceived) fail(`trade ${t.tradeId} maker fee out of range`);
    // A maker's negative fee is a rebate, paid out of the taker's fee on the fill: in its asset,
    // and never more than it.
    if (
      t.makerFeeAtoms < 0n &&
      (t.makerFeeAsset !== t.takerFeeAsset || 0n - t.makerFeeAtoms > t.takerFeeAtoms)
    )
      fail(`trade ${t.tradeId} maker rebate not covered by the taker's fee`);
  }

  private checkSeq(symbol: string, seq: number): void {
    const expected = (this.lastSeq.get(symbol) ?? 0) + 1;
    if (seq !== expected) fail(`${symbol} level seq ${seq}, expected ${expected}`);
    this.lastSeq.set(symbol, seq);
  }

  /** The last level event of each level in a result reports what the book now holds there. */
  private checkLevels(core: ExchangeCore, result: CommandResult): void {
    const last = new Map<
      string,
      { symbol: string; side: "buy" | "sell"; price: bigint; lots: bigint }
    >();
    for (const e of result.events) {
      if (e.type !== "book.levelChanged") continue;
      last.set(`${e.symbol}|${e.side}|${e.priceTicks}`, {
        symbol: e.symbol,
        side: e.side,
        price: e.priceTicks,
        lots: e.qtyLots,
      });
    }
    for (const [key, level] of last) {
      const actual = core.levelLots(level.symbol, level.side, level.price);
      if (actual !== level.lots) fail(`level ${key} reported ${level.lots}, book has ${actual}`);
    }
  }

  private checkBooks(core: ExchangeCore): void {
    for (const symbol of core.symbols()) {
      const bid = core.bestPrice(symbol, "buy");
      const ask = core.bestPrice(symbol, "sell");
      if (bid !== null && ask !== null && bid >= ask)
        fail(`${symbol} book crossed: bid ${bid} >= ask ${ask}`);
    }
  }

  /**
   * What an open order must hold: a buy `remaining × price`, a sell `remaining` lots of base —
   * an untriggered stop order too — except an OCO's stop order, which holds only what it needs
   * beyond its limit order (the list freezes once, for the larger need).
   */
  private expectedHold(m: MarketView, o: OrderView, byId: Map<number, OrderView>): bigint {
    const need = (v: OrderView) =>
      v.side === "buy"
        ? v.remainingLots * v.priceTicks * m.quotePerTickLot
        : v.remainingLots * m.lotSizeAtoms;
    if (o.peerOrderId === null || !o.waiting) return need(o);
    const peer = byId.get(o.peerOrderId) ?? fail(`order ${o.orderId}'s peer is not open`);
    const beyond = need(o) - need(peer);
    return beyond > 0n ? beyond : 0n;
  }

  /**
   * An OCO pair links both ways, one waiting and one on the book, same user, market, side and
   * quantity; and no untriggered order's stop is met by its market's last price (it would have
   * triggered in the command that traded there).
   */
  private checkConditional(core: ExchangeCore, o: OrderView, byId: Map<number, OrderView>): void {
    if (o.peerOrderId !== null) {
      const peer = byId.get(o.peerOrderId) ?? fail(`order ${o.orderId}'s peer is not open`);
      if (peer.peerOrderId !== o.orderId || peer.waiting === o.waiting || peer.side !== o.side)
        fail(`OCO orders ${o.orderId} and ${peer.orderId} are not a pair`);
      if (peer.listId !== o.listId || peer.qtyLots !== o.qtyLots)
        fail(`OCO orders ${o.orderId} and ${peer.orderId} disagree`);
    }
    if (!o.waiting || o.stopPriceTicks === null) return;
    const last = core.market(o.symbol)?.lastPriceTicks ?? null;
    if (last === null) return;
    const onRise = (o.stopOrderType === "stopLimit") === (o.side === "buy");
    if (onRise ? last >= o.stopPriceTicks : last <= o.stopPriceTicks)
      fail(`order ${o.orderId} waits though the last price ${last} meets its stop`);
  }

  private checkUser(core: ExchangeCore, userId: number): void {
    const held = new Map<string, bigint>();
    const open = new Map<string, number>();
    const orders = core.openOrders(userId);
    const byId = new Map(orders.map((o) => [o.orderId, o] as const));
    this.perps.checkOrders(core, userId, orders);
    for (const o of orders) {
      const m = this.market(core, o.symbol);
      const count = (open.get(o.symbol) ?? 0) + 1;
      open.set(o.symbol, count);
      if (count > m.maxOpenOrders) fail(`user ${userId} has over ${m.maxOpenOrders} open orders`);
      if (o.priceTicks > m.maxPriceTicks) fail(`order ${o.orderId} rests above the maximum price`);
      if (o.qtyLots * o.priceTicks * m.quotePerTickLot > m.maxNotionalAtoms)
        fail(`order ${o.orderId} rests above the maximum notional`);
      if (o.remainingLots <= 0n || o.remainingLots + o.filledLots !== o.qtyLots)
        fail(`order ${o.orderId} quantities are inconsistent`);
      // A perpetual order reserves margin (checked by the perpetuals audit), no balance.
      if (this.perps.isContract(o.symbol)) continue;
      const expected = this.expectedHold(m, o, byId);
      this.checkConditional(core, o, byId);
      if (o.frozenAtoms !== expected)
        fail(`order ${o.orderId} holds ${o.frozenAtoms}, needs ${expected}`);
      const asset = o.side === "buy" ? m.quote : m.base;
      held.set(asset, (held.get(asset) ?? 0n) + o.frozenAtoms);
    }
    for (const w of core.pendingWithdrawals(userId))
      held.set(w.asset, (held.get(w.asset) ?? 0n) + w.amountAtoms);
    for (const asset of core.assetCodes()) {
      const b = core.balance(userId, asset);
      if (b.availableAtoms < 0n || b.frozenAtoms < 0n) fail(`user ${userId} ${asset} is negative`);
      if (b.frozenAtoms !== (held.get(asset) ?? 0n)) {
        fail(
          `user ${userId} has ${b.frozenAtoms} ${asset} frozen, orders and withdrawals hold ${held.get(asset) ?? 0n}`,
        );
      }
      const mirrored = [
        this.mirror.get(`${userId}|available|${asset}`) ?? 0n,
        this.mirror.get(`${userId}|frozen|${asset}`) ?? 0n,
      ];
      if (mirrored[0] !== b.availableAtoms || mirrored[1] !== b.frozenAtoms) {
        fail(`user ${userId} ${asset} balance differs from the sum of its postings`);
      }
    }
  }
}
