/**
 * Vocabulary shared by commands, events and state. Money is always `bigint` in integer units:
 * `…Atoms` are units of an asset's precision, `…Ticks` are price steps of a market, `…Lots` are
 * quantity steps of a market. Identifiers and rates are `number`: they are never money.
 */

/**
 * Side of an order.
 * - `"buy"`: pays quote, receives base.
 * - `"sell"`: pays base, receives quote.
 */
export type Side = "buy" | "sell";

/**
 * How an order is priced.
 * - `"limit"`: a price in ticks; may rest on the book.
 * - `"market"`: takes what the book offers, optionally bounded by a protection price; never rests.
 */
export type OrderType = "limit" | "market";

/**
 * How long a limit order lives.
 * - `"GTC"`: good till cancelled; the unfilled part rests on the book.
 * - `"IOC"`: immediate or cancel; the unfilled part is cancelled at once.
 * - `"FOK"`: fill or kill; rejected unless it can fill completely at once.
 */
export type TimeInForce = "GTC" | "IOC" | "FOK";

/**
 * What happens when a taker would trade with a resting order of the same user.
 * - `"none"`: they trade (both sides settle to the same user, fees included).
 * - `"cancelTaker"`: the taker's remainder is cancelled; the resting order stays.
 * - `"cancelMaker"`: the resting order is cancelled and matching continues.
 * - `"cancelBoth"`: both are cancelled.
 */
export type SelfTradePrevention = "none" | "cancelTaker" | "cancelMaker" | "cancelBoth";

/**
 * What a market accepts (its life and the moves allowed between: `modules/spot/market-lifecycle.ts`).
 * - `"preOpen"`: listed, not yet open: no orders (Binance's PRE_TRADING).
 * - `"trading"`: everything.
 * - `"cancelOnly"`: cancels only; new orders are rejected.
 * - `"halted"`: nothing; the book is frozen as it is.
 * - `"closed"`: retired for good: every open order was cancelled as it closed; nothing more.
 */
export type MarketStatus = "preOpen" | "trading" | "cancelOnly" | "halted" | "closed";

/**
 * Why an order left the book or never reached it.
 * - `"user"`: `order.cancel`.
 * - `"cancelAll"`: `order.cancelAll`.
 * - `"expired"`: the unfilled part of an IOC or market order.
 * - `"selfTrade"`: self-trade prevention.
 * - `"amended"`: `order.amend` changed the price or raised the quantity, which replaces the
 *   order by a new one (new id, new priority).
 * - `"oco"`: the other order of its OCO list filled (even partly) or triggered.
 * - `"marketClosed"`: its market closed (`market.setStatus` to `"closed"`).
 * - `"liquidation"`: its owner's position in the contract was liquidated.
 * - `"positionClosed"`: a waiting reduce-only stop order whose position went flat or changed
 *   side, so that it could no longer reduce anything (perpetuals; Binance's closePosition).
 */
export type CancelReason =
  | "user"
  | "cancelAll"
  | "expired"
  | "selfTrade"
  | "amended"
  | "oco"
  | "marketClosed"
  | "liquidation"
  | "positionClosed";

/**
 * The kinds of conditional order, as Binance defines them, by what the market's last trade
 * price must do to trigger them:
 * - `"stopLimit"` (STOP_LOSS_LIMIT): a buy triggers when last ≥ stop, a sell when last ≤ stop.
 * - `"takeProfitLimit"` (TAKE_PROFIT_LIMIT): a buy triggers when last ≤ stop, a sell when
 *   last ≥ stop.
 */
export type StopOrderType = "stopLimit" | "takeProfitLimit";

/**
 * Named ledger accounts that belong to the exchange, one set per asset. They may go negative:
 * `deposit` is negative by exactly what users deposited, for instance.
 * - `"fee"`: fee income, the exact (floored) part of every fee.
 * - `"rounding"`: the atom added when a fee is rounded up (see `match-order.ts`).
 * - `"deposit"`: deposit clearing; the counterpart of every deposit credit.
 * - `"withdrawal"`: withdrawal clearing; receives settled withdrawals net of their fee.
 * - `"adjustment"`: the counterpart of admin adjustments.
 * - `"operator"`: the exchange's own operating funds.
 * - `"savings"`: the savings-product pool.
 * - `"loan"`: the loan pool: the loan asset lent out, funded by operations with a transfer
 *   from `operator`; loans draw on it and repayments return to it (never negative through loans).
 * - `"insurance"`: the insurance fund.
 * - `"savingsInterest"`: the interest expense of savings products: interest paid on savings
 *   goes out of it and early-redemption deductions come back into it, so it is negative by
 *   exactly what savings have cost the exchange, net. Not open to transfers.
 * - `"loanCollateral"`: collateral held for open loans (in the collateral asset) and a
 *   liquidation's proceeds waiting for its settlement (in the loan asset). Only lending
 *   commands move it; it holds exactly what the open loans say. Not open to transfers.
 * - `"loanIncome"`: interest and liquidation fees earned on loans (in the loan asset). Not open
 *   to transfers.
 * - `"futuresMargin"`: every user's futures wallet (in a contract's settle asset); the split per
 *   user is the derivatives module's, as `loanCollateral`'s is the lending module's. Only
 *   derivatives commands move it. Not open to transfers.
 * - `"futuresPnl"`: the counterpart of realised profit and loss of perpetual positions: a
 *   position's realised PnL r posts −r here and +r to `futuresMargin`. It holds exactly minus the
 *   entry cost of the open positions, so it is 0 when none is open. Not open to transfers.
 */
export type SystemAccount =
  | "fee"
  | "rounding"
  | "deposit"
  | "withdrawal"
  | "adjustment"
  | "operator"
  | "savings"
  | "loan"
  | "insurance"
  | "savingsInterest"
  | "loanCollateral"
  | "loanIncome"
  | "futuresMargin"
  | "futuresPnl";

/** Every system account, in the fixed order used by snapshots. */
export const SYSTEM_ACCOUNTS: readonly SystemAccount[] = [
  "fee",
  "rounding",
  "deposit",
  "withdrawal",
  "adjustment",
  "operator",
  "savings",
  "loan",
  "insurance",
  "savingsInterest",
  "loanCollateral",
  "loanIncome",
  "futuresMargin",
  "futuresPnl",
];

/** System accounts that `balance.transfer` may move funds to or from. */
export const TRANSFER_ACCOUNTS: readonly SystemAccount[] = [
  "operator",
  "savings",
  "loan",
  "insurance",
];

/**
 * A ledger account: a user's `"available"` or `"frozen"` balance of an asset, or a system account.
 */
export type AccountName = "available" | "frozen" | SystemAccount;

/** An asset as added by `asset.add`. */
export interface AssetConfig {
  /** Upper-case code, e.g. "BTC". */
  code: string;
  /** Decimal places of one atom: BTC 8, USDT 6. */
  precision: number;
  /**
   * Largest balance a user may hold, in atoms, as deposits, transfers and adjustments may raise
   * it (at most `MAX_UNITS`, see limits.ts).
   */
  maxAmountAtoms: bigint;
}

/**
 * A market as added by `market.add`.
 *
 * Prices are integers in ticks, quantities integers in lots, and the quote value of one lot at
 * one tick, `tickSizeAtoms * lotSizeAtoms / 10^basePrecision`, must be a whole number of quote
 * atoms. Then every trade's quote amount is exact: `priceTicks * qtyLots * quotePerTickLot`.
 */
export interface MarketConfig {
  /** Upper-case symbol, e.g. "BTCUSDT". */
  symbol: string;
  /** Base asset code (what is bought and sold). */
  base: string;
  /** Quote asset code (what prices are in). */
  quote: string;
  /** Price step, in quote atoms per whole base unit: 0.01 USDT = 10_000n at precision 6. */
  tickSizeAtoms: bigint;
  /** Quantity step, in base atoms: 0.0001 BTC = 10_000n at precision 8. */
  lotSizeAtoms: bigint;
  /** Smallest order quantity, in lots. */
  minQtyLots: bigint;
  /** Largest order quantity, in lots (at most `MAX_UNITS`, see limits.ts). */
  maxQtyLots: bigint;
  /** Smallest order value (price × quantity), in quote atoms. */
  minNotionalAtoms: bigint;
  /** Largest limit or protection price, in ticks (at most `MAX_UNITS`). */
  maxPriceTicks: bigint;
  /**
   * Largest order value, in quote atoms (at most `MAX_UNITS`): price × quantity of a limit order
   * or of a market buy by quantity, the quote amount of a market buy by quote amount.
   */
  maxNotionalAtoms: bigint;
  /** Most GTC orders one user may have open in this market (at most `MAX_OPEN_ORDERS_CEILING`). */
  maxOpenOrders: number;
  /** Maker fee rate in parts per million of what the maker receives (1000 = 0.1 %). */
  makerFeePpm: number;
  /** Taker fee rate in parts per million of what the taker receives. */
  takerFeePpm: number;
  /** Initial status. */
  status: MarketStatus;
}

/**
 * A fee tier scales a market's fee rates for the users assigned to it, in parts per million of
 * the market rate: 1_000_000 charges the market rate, 800_000 gives 20 % off, 0 waives the fee, and
 * a negative maker scale pays the maker a rebate: −250_000 pays a quarter of the market maker rate
 * (rounded down, out of the taker's fee on the same fill and never more; see `match-order.ts`).
 * Tier 0 always exists and charges the market rate until redefined.
 */
export interface FeeTierConfig {
  /** Tier number, a non-negative integer. */
  tier: number;
  /** Scale of the market maker rate, −1_000_000..1_000_000 (below 0: a rebate). */
  makerScalePpm: number;
  /** Scale of the market taker rate, 0..1_000_000. */
  takerScalePpm: number;
}
