import { assert } from "./assert";
import { CoreState } from "./core-state";
import type { AcceptedResult, BalanceChangedEvent, CoreEvent, Posting } from "./events";
import { LEGACY_LIMITS } from "./limits";
import { Asset, FeeTier, Market, Order } from "./model";
import { getBalance } from "./modules/accounts/ledger";
import type { BookKind } from "./modules/spot/book/order-book";
import { restoreResting } from "./modules/spot/match-order";
import {
  type AccountName,
  type FeeTierConfig,
  type MarketStatus,
  type SelfTradePrevention,
  type Side,
  SYSTEM_ACCOUNTS,
  type SystemAccount,
  type TimeInForce,
} from "./types";

/**
 * The whole state as plain JSON: bigints as decimal strings, no Maps, every list in a canonical
 * order (orders by id, accounts by user id, keys sorted) so that equal states serialise — and
 * hash — identically however they were reached.
 */
export interface CoreSnapshot {
  /**
   * 2 since the market and asset limits (limits.ts); a version 1 snapshot, which has none,
   * restores with the ceilings (`LEGACY_LIMITS`), as its journal's commands replay.
   */
  version: 1 | 2;
  nextOrderId: number;
  nextTradeId: number;
  /** In the order they were added. */
  assets: AssetSnapshot[];
  /** In the order they were added. */
  markets: MarketSnapshot[];
  feeTiers: FeeTierConfig[];
  accounts: AccountSnapshot[];
  /** Resting orders by id, which is also their time priority. */
  orders: OrderSnapshot[];
  withdrawals: WithdrawalSnapshot[];
  receipts: ReceiptSnapshot[];
}

export interface AssetSnapshot {
  code: string;
  precision: number;
  /** Absent in version 1. */
  maxAmountAtoms?: string;
  /** System account balances in atoms, in {@link SYSTEM_ACCOUNTS} order. */
  system: string[];
}

export interface MarketSnapshot {
  symbol: string;
  base: string;
  quote: string;
  tickSizeAtoms: string;
  lotSizeAtoms: string;
  minQtyLots: string;
  maxQtyLots: string;
  minNotionalAtoms: string;
  /** The three limits below are absent in version 1. */
  maxPriceTicks?: string;
  maxNotionalAtoms?: string;
  maxOpenOrders?: number;
  makerFeePpm: number;
  takerFeePpm: number;
  status: MarketStatus;
  bookSeq: number;
}

export interface AccountSnapshot {
  userId: number;
  feeTier: number;
  /** Only assets the user has touched, in asset order. */
  balances: { asset: string; available: string; frozen: string }[];
}

export interface OrderSnapshot {
  id: number;
  userId: number;
  symbol: string;
  side: Side;
  priceTicks: string;
  qtyLots: string;
  remainingLots: string;
  filledLots: string;
  filledQuoteAtoms: string;
  frozenAtoms: string;
  timeInForce: TimeInForce;
  postOnly: boolean;
  stp: SelfTradePrevention;
  clientOrderId: string | null;
  ts: number;
}

export interface WithdrawalSnapshot {
  withdrawalId: string;
  userId: number;
  asset: string;
  amountAtoms: string;
}

/** A stored first result of a balance command; its events are all `balance.changed`. */
export interface ReceiptSnapshot {
  key: string;
  commandId: string;
  events: {
    cause: BalanceChangedEvent["cause"];
    business: string;
    businessId: string;
    postings: [AccountName, number, string, string, string][];
  }[];
}

function byKey<T>(key: (item: T) => string | number): (x: T, y: T) => number {
  return (x, y) => {
    const kx = key(x);
    const ky = key(y);
    return kx < ky ? -1 : kx > ky ? 1 : 0;
  };
}

export function takeSnapshot(s: CoreState): CoreSnapshot {
  return {
    version: 2,
    nextOrderId: s.nextOrderId,
    nextTradeId: s.nextTradeId,
    assets: s.assetList.map((asset) => ({
      code: asset.code,
      precision: asset.precision,
      maxAmountAtoms: asset.maxAmountAtoms.toString(),
      system: SYSTEM_ACCOUNTS.map((name) => asset.system[name].toString()),
    })),
    markets: [...s.markets.values()].map(snapshotMarket),
    feeTiers: [...s.feeTiers.values()].sort(byKey((t) => t.tier)).map((t) => ({
      tier: t.tier,
      makerScalePpm: t.makerScalePpm,
      takerScalePpm: t.takerScalePpm,
    })),
    accounts: s.accounts
      .values()
      .sort(byKey((a) => a.userId))
      .map((account) => ({
        userId: account.userId,
        feeTier: account.feeTier.tier,
        balances: s.assetList.flatMap((asset) => {
          const balance = account.balances[asset.index];
          if (balance === undefined) return [];
          return [
            { asset: asset.code, available: `${balance.available}`, frozen: `${balance.frozen}` },
          ];
        }),
      })),
    orders: s.orders
      .values()
      .sort(byKey((o) => o.id))
      .map(snapshotOrder),
    withdrawals: [...s.withdrawals.values()].sort(byKey((w) => w.withdrawalId)).map((w) => ({
      withdrawalId: w.withdrawalId,
      userId: w.account.userId,
      asset: w.asset.code,
      amountAtoms: w.amountAtoms.toString(),
    })),
    receipts: [...s.receipts.entries()]
      .sort(byKey(([key]) => key))
      .map(([key, result]) => snapshotReceipt(key, result)),
  };
}

function snapshotMarket(market: Market): MarketSnapshot {
  const c = market.config;
  return {
    symbol: c.symbol,
    base: c.base,
    quote: c.quote,
    tickSizeAtoms: c.tickSizeAtoms.toString(),
    lotSizeAtoms: c.lotSizeAtoms.toString(),
    minQtyLots: c.minQtyLots.toString(),
    maxQtyLots: c.maxQtyLots.toString(),
    minNotionalAtoms: c.minNotionalAtoms.toString(),
    maxPriceTicks: c.maxPriceTicks.toString(),
    maxNotionalAtoms: c.maxNotionalAtoms.toString(),
    maxOpenOrders: c.maxOpenOrders,
    makerFeePpm: c.makerFeePpm,
    takerFeePpm: c.takerFeePpm,
    status: market.status,
    bookSeq: market.bookSeq,
  };
}

function snapshotOrder(o: Order): OrderSnapshot {
  return {
    id: o.id,
    userId: o.userId,
    symbol: o.market.symbol,
    side: o.side,
    priceTicks: o.priceTicks.toString(),
    qtyLots: o.qtyLots.toString(),
    remainingLots: o.remainingLots.toString(),
    filledLots: o.filledLots.toString(),
    filledQuoteAtoms: o.filledQuoteAtoms.toString(),
    frozenAtoms: o.frozenAtoms.toString(),
    timeInForce: o.timeInForce,
    postOnly: o.postOnly,
    stp: o.stp,
    clientOrderId: o.clientOrderId,
    ts: o.ts,
  };
}

function snapshotReceipt(key: string, result: AcceptedResult): ReceiptSnapshot {
  return {
    key,
    commandId: result.commandId,
    events: result.events.map((event) => {
      assert(event.type === "balance.changed", "receipt holds a non-balance event");
      return {
        cause: event.cause,
        business: event.business,
        businessId: event.businessId,
        postings: event.postings.map((p): [AccountName, number, string, string, string] => [
          p.account,
          p.userId,
          p.asset,
          p.amountAtoms.toString(),
          p.balanceAtoms.toString(),
        ]),
      };
    }),
  };
}

/** Rebuilds a state from a snapshot; orders re-rest in id order, which keeps their priority. */
export function restoreState(snapshot: CoreSnapshot, bookKind: BookKind): CoreState {
  assert(snapshot.version === 1 || snapshot.version === 2, "unsupported snapshot version");
  const s = new CoreState(bookKind);
  s.nextOrderId = snapshot.nextOrderId;
  s.nextTradeId = snapshot.nextTradeId;
  for (const a of snapshot.assets) restoreAsset(s, a);
  for (const m of snapshot.markets) restoreMarket(s, m);
  for (const t of snapshot.feeTiers) {
    s.feeTiers.set(t.tier, new FeeTier(t.tier, t.makerScalePpm, t.takerScalePpm));
  }
  for (const a of snapshot.accounts) restoreAccount(s, a);
  for (const o of snapshot.orders) restoreOrder(s, o);
  for (const w of snapshot.withdrawals) {
    const account = s.accountFor(w.userId);
    const asset = findAsset(s, w.asset);
    s.withdrawals.set(w.withdrawalId, {
      withdrawalId: w.withdrawalId,
      account,
      asset,
      amountAtoms: BigInt(w.amountAtoms),
    });
  }
  for (const r of snapshot.receipts) s.receipts.set(r.key, restoreReceipt(r));
  return s;
}

function findAsset(s: CoreState, code: string): Asset {
  const asset = s.assets.get(code);
  assert(asset !== undefined, "snapshot names an unknown asset");
  return asset;
}

function restoreAsset(s: CoreState, a: AssetSnapshot): void {
  const maxAmountAtoms = BigInt(a.maxAmountAtoms ?? LEGACY_LIMITS.maxAmountAtoms);
  const asset = new Asset(a.code, a.precision, maxAmountAtoms, s.assetList.length);
  SYSTEM_ACCOUNTS.forEach((name: SystemAccount, i) => {
    asset.system[name] = BigInt(a.system[i] ?? "0");
  });
  s.assets.set(asset.code, asset);
  s.assetList.push(asset);
}

function restoreMarket(s: CoreState, m: MarketSnapshot): void {
  const config = {
    symbol: m.symbol,
    base: m.base,
    quote: m.quote,
    tickSizeAtoms: BigInt(m.tickSizeAtoms),
    lotSizeAtoms: BigInt(m.lotSizeAtoms),
    minQtyLots: BigInt(m.minQtyLots),
    maxQtyLots: BigInt(m.maxQtyLots),
    minNotionalAtoms: BigInt(m.minNotionalAtoms),
    maxPriceTicks: BigInt(m.maxPriceTicks ?? LEGACY_LIMITS.maxPriceTicks),
    maxNotionalAtoms: BigInt(m.maxNotionalAtoms ?? LEGACY_LIMITS.maxNotionalAtoms),
    maxOpenOrders: m.maxOpenOrders ?? LEGACY_LIMITS.maxOpenOrders,
    makerFeePpm: m.makerFeePpm,
    takerFeePpm: m.takerFeePpm,
    status: m.status,
  };
  const base = findAsset(s, m.base);
  const quote = findAsset(s, m.quote);
  const market = new Market(config, base, quote, s.createBook(), s.markets.size);
  market.bookSeq = m.bookSeq;
  s.markets.set(market.symbol, market);
}

function restoreAccount(s: CoreState, a: AccountSnapshot): void {
  const account = s.accountFor(a.userId);
  const tier = s.feeTiers.get(a.feeTier);
  assert(tier !== undefined, "snapshot names an unknown fee tier");
  account.feeTier = tier;
  for (const b of a.balances) {
    const balance = getBalance(account, findAsset(s, b.asset));
    balance.available = BigInt(b.available);
    balance.frozen = BigInt(b.frozen);
  }
}

function restoreOrder(s: CoreState, o: OrderSnapshot): void {
  const market = s.markets.get(o.symbol);
  assert(market !== undefined, "snapshot names an unknown market");
  const order = new Order(o.id, s.accountFor(o.userId), market, {
    side: o.side,
    orderType: "limit",
    priceTicks: BigInt(o.priceTicks),
    qtyLots: BigInt(o.qtyLots),
    quoteAtoms: 0n,
    timeInForce: o.timeInForce,
    postOnly: o.postOnly,
    stp: o.stp,
    clientOrderId: o.clientOrderId,
    ts: o.ts,
  });
  order.remainingLots = BigInt(o.remainingLots);
  order.filledLots = BigInt(o.filledLots);
  order.filledQuoteAtoms = BigInt(o.filledQuoteAtoms);
  order.frozenAtoms = BigInt(o.frozenAtoms);
  restoreResting(s, order);
}

function restoreReceipt(r: ReceiptSnapshot): AcceptedResult {
  const events: CoreEvent[] = r.events.map((e) => ({
    type: "balance.changed",
    cause: e.cause,
    orderId: 0,
    tradeId: 0,
    business: e.business,
    businessId: e.businessId,
    postings: e.postings.map(
      ([account, userId, asset, amount, balance]): Posting => ({
        account,
        userId,
        asset,
        amountAtoms: BigInt(amount),
        balanceAtoms: BigInt(balance),
      }),
    ),
  }));
  return { accepted: true, commandId: r.commandId, repeated: false, events };
}
