import { assert } from "../../assert";
import type { CoreState } from "../../core-state";
import { LEGACY_LIMITS } from "../../limits";
import { FeeTier, Market, Order, STOP_LOSS, STOP_NONE, TAKE_PROFIT } from "../../model";
import type {
  FeeTierConfig,
  MarketStatus,
  SelfTradePrevention,
  Side,
  StopOrderType,
  TimeInForce,
} from "../../types";
import { findAsset } from "../accounts/snapshot";
import type { SnapshotSection } from "../snapshot-section";
import { byKey } from "../snapshot-section";
import { restoreResting } from "./match-order";

/** The spot module's part of the snapshot: id counters, markets, fee tiers, resting orders. */
export interface SpotSnapshot {
  nextOrderId: number;
  nextTradeId: number;
  /** In the order they were added. */
  markets: MarketSnapshot[];
  feeTiers: FeeTierConfig[];
  /** Resting orders by id, which is also their time priority. */
  orders: OrderSnapshot[];
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
  /** Price of the last trade, "0" before any; absent before version 4 (restored as "0"). */
  lastPriceTicks?: string;
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
  /**
   * The fields below appear only on the orders they concern, so a plain order's entry reads as
   * in version 3. A stop or take-profit order: its kind, its stop price and, while untriggered,
   * `waiting` (it is in the trigger book, not on the order book).
   */
  stopOrderType?: StopOrderType;
  stopPriceTicks?: string;
  waiting?: true;
  /** Its queue priority when not its id (a triggered order: see `Order.priority`). */
  priority?: number;
  /** An OCO order: its list's id, and its peer's id while both are open. */
  listId?: number;
  peerOrderId?: number;
}

export const spotSnapshot: SnapshotSection<SpotSnapshot> = {
  nextOrderId: {
    write: (s) => s.nextOrderId,
    read: (s, next) => {
      s.nextOrderId = next;
    },
  },
  nextTradeId: {
    write: (s) => s.nextTradeId,
    read: (s, next) => {
      s.nextTradeId = next;
    },
  },
  markets: {
    write: (s) => [...s.markets.values()].map(snapshotMarket),
    read: (s, markets) => {
      for (const m of markets) restoreMarket(s, m);
    },
  },
  feeTiers: {
    write: (s) =>
      [...s.feeTiers.values()].sort(byKey((t) => t.tier)).map((t) => ({
        tier: t.tier,
        makerScalePpm: t.makerScalePpm,
        takerScalePpm: t.takerScalePpm,
      })),
    read: (s, tiers) => {
      for (const t of tiers) {
        s.feeTiers.set(t.tier, new FeeTier(t.tier, t.makerScalePpm, t.takerScalePpm));
      }
    },
  },
  orders: {
    write: (s) =>
      s.orders
        .values()
        .sort(byKey((o) => o.id))
        .map(snapshotOrder),
    read: (s, orders) => {
      // Re-rest in queue priority, which is id order except for triggered orders.
      const restored = orders.map((o) => restoreOrder(s, o));
      restored.sort(byKey((entry) => entry.order.priority));
      for (const { order, waiting } of restored) restoreResting(s, order, waiting);
      for (const { order, peerOrderId } of restored) {
        if (peerOrderId !== undefined) order.peer = s.orders.get(peerOrderId) ?? null;
        assert(peerOrderId === undefined || order.peer !== null, "snapshot names a missing peer");
      }
    },
  },
};

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
    lastPriceTicks: market.lastPriceTicks.toString(),
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
    ...stopFields(o),
  };
}

/** The optional fields of a stop or OCO order (none for a plain one). */
function stopFields(o: Order): Partial<OrderSnapshot> {
  const fields: Partial<OrderSnapshot> = {};
  if (o.stopKind !== STOP_NONE) {
    fields.stopOrderType = o.stopKind === STOP_LOSS ? "stopLimit" : "takeProfitLimit";
    fields.stopPriceTicks = o.stopPriceTicks.toString();
    if (o.waiting) fields.waiting = true;
  }
  if (o.priority !== o.id) fields.priority = o.priority;
  if (o.listId !== 0) fields.listId = o.listId;
  if (o.peer !== null) fields.peerOrderId = o.peer.id;
  return fields;
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
  const market = new Market(
    config,
    base,
    quote,
    s.createBook(),
    s.markets.size,
    s.createTriggerBook(),
  );
  market.bookSeq = m.bookSeq;
  market.lastPriceTicks = BigInt(m.lastPriceTicks ?? "0");
  s.markets.set(market.symbol, market);
}

interface RestoredOrder {
  order: Order;
  waiting: boolean;
  peerOrderId: number | undefined;
}

function restoreOrder(s: CoreState, o: OrderSnapshot): RestoredOrder {
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
  if (o.stopOrderType !== undefined) {
    order.stopKind = o.stopOrderType === "stopLimit" ? STOP_LOSS : TAKE_PROFIT;
    order.stopPriceTicks = BigInt(o.stopPriceTicks ?? "0");
  }
  order.priority = o.priority ?? o.id;
  order.listId = o.listId ?? 0;
  return { order, waiting: o.waiting === true, peerOrderId: o.peerOrderId };
}
