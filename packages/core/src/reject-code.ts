/**
 * Why a command was rejected. A rejected command changes nothing. Codes are grouped by range so
 * a caller can route on the hundreds digit:
 *
 * - 1xx: the command itself is malformed, or (199) the engine could not apply it.
 * - 2xx: reference data — assets, markets, fee tiers.
 * - 3xx: the market's status forbids the command.
 * - 4xx: an order breaks a market rule or cannot be placed as asked.
 * - 5xx: a cancel names no open order of the user.
 * - 6xx: balances and the ledger.
 * - 7xx: savings positions.
 * - 8xx: lending: loans and the index prices they are judged on.
 */
export enum RejectCode {
  /** A field is missing, of the wrong type or out of its range (ids, user ids, strings). */
  InvalidCommand = 100,
  /** The `type` names no command this core knows. */
  UnknownCommandType = 101,
  /**
   * Applying the command threw (a bug, not a rule): it stopped the engine twice, so it was set
   * aside on the dead-letter stream instead of being applied again. Nothing changed.
   */
  InternalError = 199,

  /** No asset has this code. */
  UnknownAsset = 200,
  /** No market has this symbol. */
  UnknownMarket = 201,
  /** An asset with this code already exists. */
  AssetExists = 202,
  /** A market with this symbol already exists. */
  MarketExists = 203,
  /** The asset's code, precision or maximum amount is not allowed. */
  InvalidAssetConfig = 204,
  /** The market's configuration is inconsistent (steps, limits, fees, assets). */
  InvalidMarketConfig = 205,
  /** No fee tier has this number. */
  UnknownFeeTier = 206,
  /** The fee tier's number or scales are out of range. */
  InvalidFeeTier = 207,
  /** The market may not move from its status to the one asked (see `market-lifecycle.ts`). */
  StatusChangeNotAllowed = 208,

  /** The market is halted: nothing is accepted, not even cancels. */
  MarketHalted = 300,
  /** The market accepts cancels only. */
  MarketCancelOnly = 301,
  /** The market has not opened yet: it accepts no orders. */
  MarketPreOpen = 302,
  /** The market is closed for good: it accepts nothing. */
  MarketClosed = 303,

  /** The price is not a positive number of ticks. */
  InvalidPrice = 400,
  /** The quantity or quote amount is not positive. */
  InvalidQuantity = 401,
  /** The quantity is below the market's minimum. */
  QuantityBelowMin = 402,
  /** The quantity is above the market's maximum. */
  QuantityAboveMax = 403,
  /** Price × quantity (or a market buy's quote amount) is below the market's minimum notional. */
  NotionalBelowMin = 404,
  /** The combination of order options is not allowed (e.g. post-only IOC, quote amount on a sell). */
  InvalidOrderOptions = 405,
  /**
   * A market order has no protection price: a buy by base quantity gave none (it needs one to
   * know what to freeze), or it gave `slippageBps` while the other side of the book is empty,
   * so there is no best price to measure the slippage from.
   */
  PriceLimitRequired = 406,
  /** The user already has an open order with this client order id. */
  DuplicateClientOrderId = 407,
  /** A post-only order would have traded on arrival. */
  PostOnlyWouldTake = 408,
  /** A fill-or-kill order cannot fill completely on arrival. */
  FokNotFillable = 409,
  /** The limit or protection price is above the market's maximum price. */
  PriceAboveMax = 410,
  /**
   * The order's value is above the market's maximum notional: price × quantity of a limit order
   * or a market buy by quantity (at its protection price), or a market buy's quote amount.
   */
  NotionalAboveMax = 411,
  /** The user already has the market's maximum number of open orders; a GTC order could rest. */
  TooManyOpenOrders = 412,
  /**
   * A stop or take-profit order (or an OCO's stop order) would trigger at once: the market's
   * last trade price already meets its stop price. Binance answers -2010 "Stop price would
   * trigger immediately"; place a limit order instead.
   */
  StopWouldTriggerNow = 413,
  /** An OCO's prices are in the wrong order: a sell's limit price must be above its stop price, a buy's below. */
  InvalidOcoPrices = 414,
  /**
   * `order.amend` cannot make this change: nothing would change, the order belongs to an OCO
   * list, or an untriggered stop order was asked for more than a quantity reduction.
   */
  AmendNotAllowed = 415,

  /** The user has no open order with this id in this market. */
  OrderNotFound = 500,

  /** The account's available balance is smaller than the amount. */
  InsufficientBalance = 600,
  /** An amount is zero, negative where it must be positive, or larger than allowed. */
  InvalidAmount = 601,
  /** No pending withdrawal has this id. */
  WithdrawalNotFound = 602,
  /** A pending withdrawal already has this id. */
  WithdrawalExists = 603,
  /** The transfer's accounts are not allowed (same account, or a system account not open to transfers). */
  InvalidTransfer = 604,
  /** The credit would take the user's balance (available + frozen) above the asset's maximum. */
  AmountAboveMax = 605,

  /** An open savings position already has this subscription id. */
  SavingsPositionExists = 700,
  /** No open savings position has this subscription id (never opened, or already closed). */
  SavingsPositionNotFound = 701,

  /** A loan already has this id (open or ended: loan ids are never reused). */
  LoanExists = 800,
  /** No loan has this id. */
  LoanNotFound = 801,
  /** No index price of the collateral in the loan asset has been set. */
  IndexMissing = 802,
  /** The index price is older than `INDEX_MAX_AGE_MS`: no new loans, no liquidations on it. */
  IndexStale = 803,
  /** The principal is above the initial LTV of the collateral's value at the index price. */
  LtvAboveInitial = 804,
  /** The loan pool holds less than the principal asked for. */
  LoanPoolInsufficient = 805,
  /** A repayment is more than the loan owes (principal and interest). */
  RepayAboveDebt = 806,
  /** The loan may not be liquidated now: below its liquidation line, or not yet at maturity. */
  NotLiquidatable = 807,
  /** A liquidation slice is not the next one (1, 2, … in order). */
  SliceOutOfOrder = 808,
  /** No spot market trades the loan's collateral against its loan asset. */
  LoanMarketMissing = 809,
  /** The loan is not in the state the command needs (open, or liquidating for a slice). */
  LoanNotOpen = 810,
  /** An index price is not newer than the one held. */
  IndexNotNewer = 811,
  /** The loan's lines or fee are out of range (initial LTV < liquidation line ≤ warning line < 100 %). */
  InvalidLoanTerms = 812,
  /** The market is not a perpetual contract (a derivatives command named a spot market). */
  NotAContract = 900,
  /** Not offered for perpetual contracts (OCO lists, amending, buying by quote amount). */
  NotForContracts = 901,
  /** A reduce-only order would not reduce the position (no opposite position, or larger). */
  ReduceOnlyWouldIncrease = 902,
  /** Margin mode changes need a flat position and no open order in the contract. */
  PositionOrOrdersOpen = 903,
  /** The leverage is outside 1..the contract's (and the position's tier's) maximum, or lowering it needs more margin than is available. */
  LeverageNotAllowed = 904,
  /** The order's margin (initial margin and taker fee at its price) exceeds what the futures account has available. */
  InsufficientMargin = 905,
  /** A funding time not after the last one settled, or a rate beyond the contract's cap. */
  FundingNotAllowed = 906,
  /** The contract has no mark price yet (funding needs one). */
  MarkMissing = 907,
}
