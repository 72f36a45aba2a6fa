/**
 * The JSON each channel carries (the `data` of `{"event":<channel>,"data":…}`). Every price,
 * quantity and amount is a decimal string made by MarketUnits; times are epoch milliseconds.
 */
import type { MarketUnits } from "@exchange/contracts/money";
import { type Candle, INTERVAL_MS } from "./candles";
import type { DepthDiff } from "./depth-book";
import type { BalanceState, FillFact, OrderState, TradeFact } from "./market-data-state";
import type { MarketScales } from "./market-scales";
import { changePercent, type TickerFacts } from "./rolling-ticker";

type Level = [price: string, quantity: string];

/** `<SYMBOL>@depth`: `{"type":"diff","firstSeq","lastSeq","bids","asks","time"}`; "0" removes. */
export function depthDiffMessage(diff: DepthDiff, units: MarketUnits): string {
  return JSON.stringify({
    type: "diff",
    firstSeq: diff.firstSeq,
    lastSeq: diff.lastSeq,
    bids: levels(diff.bids, units, "desc"),
    asks: levels(diff.asks, units, "asc"),
    time: diff.ts,
  });
}

function levels(
  changed: ReadonlyMap<bigint, bigint>,
  units: MarketUnits,
  order: "asc" | "desc",
): Level[] {
  const sorted = [...changed.entries()].sort(([a], [b]) =>
    a === b ? 0 : a < b === (order === "asc") ? -1 : 1,
  );
  return sorted.map(([price, qty]) => [units.price(price), units.quantity(qty)]);
}

/** `<SYMBOL>@depth` snapshot level value in Redis: `<price>:<quantity>`. */
export function levelValue(priceTicks: bigint, qtyLots: bigint, units: MarketUnits): string {
  return `${units.price(priceTicks)}:${units.quantity(qtyLots)}`;
}

/** `<SYMBOL>@trades`: one trade, `side` being the taker's. */
export function tradeMessage(
  trade: Pick<TradeFact, "tradeId" | "priceTicks" | "qtyLots" | "takerSide" | "ts">,
  units: MarketUnits,
): string {
  return JSON.stringify({
    tradeId: trade.tradeId,
    price: units.price(trade.priceTicks),
    quantity: units.quantity(trade.qtyLots),
    side: trade.takerSide,
    time: trade.ts,
  });
}

/** `<SYMBOL>@ticker`: 24 h rolling statistics; `time` is when they were computed. */
export function tickerMessage(facts: TickerFacts, units: MarketUnits, timeMs: number): string {
  const price = (ticks: bigint | null) => (ticks === null ? null : units.price(ticks));
  const change =
    facts.openTicks === null || facts.lastTicks === null
      ? null
      : units.price(facts.lastTicks - facts.openTicks);
  return JSON.stringify({
    symbol: facts.symbol,
    open: price(facts.openTicks),
    high: price(facts.highTicks),
    low: price(facts.lowTicks),
    last: price(facts.lastTicks),
    volume: units.quantity(facts.volumeLots),
    quoteVolume: units.quote(facts.quoteAtoms),
    change,
    changePercent: changePercent(facts.openTicks, facts.lastTicks),
    trades: facts.trades,
    time: timeMs,
  });
}

/** `<SYMBOL>@kline_<interval>`: the candle in its latest state (replace, don't add). */
export function klineMessage(candle: Candle, units: MarketUnits): string {
  return JSON.stringify({
    symbol: candle.symbol,
    interval: candle.interval,
    openTime: candle.openTime,
    closeTime: candle.openTime + INTERVAL_MS[candle.interval] - 1,
    open: units.price(candle.openTicks),
    high: units.price(candle.highTicks),
    low: units.price(candle.lowTicks),
    close: units.price(candle.closeTicks),
    volume: units.quantity(candle.volumeLots),
    quoteVolume: units.quote(candle.quoteAtoms),
    trades: candle.tradeCount,
  });
}

/** `@order` (bus `<uid>@order`): the order as the trader's order list shows it. */
export function orderMessage(order: OrderState, units: MarketUnits): string {
  return JSON.stringify({
    orderId: order.orderId,
    clientOrderId: order.clientOrderId,
    symbol: order.symbol,
    side: order.side,
    type: order.orderType,
    price: order.priceTicks === 0n ? null : units.price(order.priceTicks),
    quantity: order.qtyLots === 0n ? null : units.quantity(order.qtyLots),
    quoteAmount: order.quoteAtoms === 0n ? null : units.quote(order.quoteAtoms),
    filledQuantity: units.quantity(order.filledLots),
    filledQuote: units.quote(order.filledQuoteAtoms),
    averagePrice: units.averagePrice(order.filledQuoteAtoms, order.filledLots),
    status: order.status,
    timeInForce: order.timeInForce,
    postOnly: order.postOnly,
    cancelReason: order.cancelReason,
    createdAt: order.createdAt,
    updatedAt: order.updatedAt,
  });
}

/** `@balance` (bus `<uid>@balance`): the user's funds in one asset after a change. */
export function balanceMessage(balance: BalanceState, scales: MarketScales): string | undefined {
  const available = scales.amount(balance.availableAtoms, balance.asset);
  const frozen = scales.amount(balance.frozenAtoms, balance.asset);
  const total = scales.amount(balance.availableAtoms + balance.frozenAtoms, balance.asset);
  if (available === undefined || frozen === undefined || total === undefined) return undefined;
  return JSON.stringify({ asset: balance.asset, available, frozen, total });
}

/** `@account` (bus `<uid>@account`): one of the user's fills, with its fee and liquidity. */
export function fillMessage(fill: FillFact, units: MarketUnits): string {
  return JSON.stringify({
    tradeId: fill.tradeId,
    orderId: fill.orderId,
    symbol: fill.symbol,
    side: fill.side,
    liquidity: fill.liquidity,
    price: units.price(fill.priceTicks),
    quantity: units.quantity(fill.qtyLots),
    quoteAmount: units.quote(fill.quoteAtoms),
    fee: units.amount(fill.feeAtoms, fill.feeAsset),
    feeAsset: fill.feeAsset,
    executedAt: fill.ts,
  });
}
