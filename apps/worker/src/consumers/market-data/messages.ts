/**
 * The JSON each channel carries (the `data` of `{"event":<channel>,"data":…}`): the contracts'
 * encoders (packages/contracts), serialized. Every price, quantity and amount is a decimal
 * string; times are epoch milliseconds.
 */
import { encodeBalance } from "@exchange/contracts/balance";
import { encodeDepthDiff } from "@exchange/contracts/depth";
import { encodeKline } from "@exchange/contracts/kline";
import type { MarketUnits } from "@exchange/contracts/money";
import { encodeOrder } from "@exchange/contracts/order";
import { encodeTicker, type TickerFacts } from "@exchange/contracts/ticker";
import { encodeFill, encodePublicTrade } from "@exchange/contracts/trade";
import type { Candle } from "./candles";
import type { DepthDiff } from "./depth-book";
import type { BalanceState, FillFact, OrderState, TradeFact } from "./market-data-state";
import type { MarketScales } from "./market-scales";

/** `<SYMBOL>@depth`: `{"type":"diff","firstSeq","lastSeq","bids","asks","time"}`; "0" removes. */
export function depthDiffMessage(diff: DepthDiff, units: MarketUnits): string {
  return JSON.stringify(encodeDepthDiff(diff, units));
}

/** `<SYMBOL>@trades`: one trade, `side` being the taker's. */
export function tradeMessage(
  trade: Pick<TradeFact, "tradeId" | "priceTicks" | "qtyLots" | "takerSide" | "ts">,
  units: MarketUnits,
): string {
  return JSON.stringify(encodePublicTrade(trade, units));
}

/** `<SYMBOL>@ticker`: 24 h rolling statistics; `time` is when they were computed. */
export function tickerMessage(facts: TickerFacts, units: MarketUnits, timeMs: number): string {
  return JSON.stringify(encodeTicker(facts, units, timeMs));
}

/** `<SYMBOL>@kline_<interval>`: the candle in its latest state (replace, don't add). */
export function klineMessage(candle: Candle, units: MarketUnits): string {
  return JSON.stringify(encodeKline(candle, units));
}

/** `@order` (bus `<uid>@order`): the order as the trader's order list shows it. */
export function orderMessage(order: OrderState, units: MarketUnits): string {
  return JSON.stringify(encodeOrder(order, units));
}

/** `@balance` (bus `<uid>@balance`): the user's funds in one asset after a change. */
export function balanceMessage(balance: BalanceState, scales: MarketScales): string | undefined {
  const encoded = encodeBalance(balance, (atoms, asset) => scales.amount(atoms, asset));
  return encoded && JSON.stringify(encoded);
}

/** `@account` (bus `<uid>@account`): one of the user's fills, with its fee and liquidity. */
export function fillMessage(fill: FillFact, units: MarketUnits): string {
  return JSON.stringify(encodeFill(fill, units));
}
