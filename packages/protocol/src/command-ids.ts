/**
 * Engine command ids, built here and nowhere else.
 *
 * Grammar: `<prefix>:<business key>`, the parts joined by `:`.
 * - The prefix names the kind of command (`order`, `cancel`, `ref:asset` …).
 * - The business key names the one intent the command carries out. Where the same intent may be
 *   sent twice (a retried request, a job run again, a restart), the key is derived from the
 *   intent (a client order id, an asset code, a market's configuration hash), so the engine's
 *   journal answers the repeat with its first verdict instead of acting twice. Where every send
 *   is a new intent, the key is a random UUID.
 *
 * The strings are part of the journal: an id built differently by a newer version would make a
 * retried intent look new. So the shapes below never change (command-ids.test.ts pins them); a
 * new kind of command gets a new prefix.
 */
export const commandIds = {
  /** An order; `clientOrderId` (the trader's own key) makes a retried placement idempotent. */
  placeOrder: (userId: number, clientOrderId?: string) =>
    // An empty key is no key (as before): `||`, not `??`.
    `order:${userId}:${clientOrderId || crypto.randomUUID()}`,
  /**
   * An OCO list; the client order id of its limit order makes a retried placement idempotent
   * (its own prefix: the same client order id may name a plain order and a list's limit order
   * at different times without one retry answering for the other).
   */
  placeOco: (userId: number, clientOrderId?: string) =>
    `oco:${userId}:${clientOrderId || crypto.randomUUID()}`,
  /** An amendment of one order: each request is a new intent, as a cancel's. */
  amendOrder: (userId: number) => `amend:${userId}:${crypto.randomUUID()}`,
  /** A cancel of one order: each request is a new intent. */
  cancelOrder: (userId: number) => `cancel:${userId}:${crypto.randomUUID()}`,
  /** A cancel of every order of one trader in one market. */
  cancelAllOrders: (userId: number) => `cancelAll:${userId}:${crypto.randomUUID()}`,
  /** An asset of the reference data: known once, whatever its later edits. */
  addAsset: (code: string) => `ref:asset:${code}`,
  /**
   * A market's or perpetual contract's listing (`market.add`, `contract.add`): a corrected
   * configuration is a new intent, hence its hash.
   */
  addMarket: (symbol: string, configHash: string) => `ref:market:${symbol}:${configHash}`,
  /** A market status change staff asked for, now or at a time: the change's own id. */
  setMarketStatus: (changeId: string) => `market:status:${changeId}`,
  /**
   * A change of a fee tier's scales: the tier's revision after the change and the scales, so a
   * retried change is applied once, setting earlier scales again later is a new intent, and a
   * different change that finds the same revision (the first one's row was never written) is
   * not answered with the first one's outcome.
   */
  setFeeTier: (tier: number, revision: number, makerScalePpm: number, takerScalePpm: number) =>
    `fee:tier:${tier}:${revision}:${makerScalePpm}:${takerScalePpm}`,
  /**
   * A trader's move to a fee tier (the daily job's or an override's): the trader's assignment
   * revision and the tier, so a retried run sends the same id and a different tier a new one.
   */
  assignFeeTier: (userId: number, revision: number, tier: number) =>
    `fee:assign:${userId}:${revision}:${tier}`,
  /** A deposit credited for an external, unique business id (a chain transaction, a test's). */
  deposit: (businessId: string) => `deposit:${businessId}`,
  /** The freeze of one withdrawal (its id is the withdrawal's, fixed at request). */
  withdrawFreeze: (withdrawalId: string) => `withdraw:freeze:${withdrawalId}`,
  /** The settlement of one confirmed withdrawal. */
  withdrawSettle: (withdrawalId: string) => `withdraw:settle:${withdrawalId}`,
  /** The release of one rejected, cancelled or failed withdrawal. */
  withdrawRelease: (withdrawalId: string) => `withdraw:release:${withdrawalId}`,
  /** The subscription's move of its principal into the savings pool. */
  savingsSubscribe: (subscriptionId: string) => `savings:subscribe:${subscriptionId}`,
  /** The payment of one repayment plan: the plan's id makes a rerun pay once. */
  savingsPayout: (planId: string) => `savings:payout:${planId}`,
  /** The early redemption of one subscription. */
  savingsRedeem: (subscriptionId: string) => `savings:redeem:${subscriptionId}`,
  /** An index price sample: the pair and the sample's time, so a resent sample is applied once. */
  indexSet: (asset: string, quote: string, at: number) => `index:${asset}:${quote}:${at}`,
  /** The opening of one loan (its id is fixed when the borrower confirms). */
  loanOpen: (loanId: string) => `loan:open:${loanId}`,
  /** One repayment of a loan (its id is fixed when the borrower asks). */
  loanRepay: (repaymentId: string) => `loan:repay:${repaymentId}`,
  /** One top-up of a loan's collateral. */
  loanAddCollateral: (topUpId: string) => `loan:topup:${topUpId}`,
  /** One period's interest of a loan: `<loanId>:<periodNo>`, so a rerun job accrues it once. */
  loanAccrue: (loanId: string, periodNo: number) => `loan:accrue:${loanId}:${periodNo}`,
  /** The start of a loan's liquidation: once per loan. */
  loanLiquidate: (loanId: string) => `loan:liquidate:${loanId}`,
  /** One slice of a liquidation's sale: a restart resends the same slice and is answered once. */
  loanLiquidationSell: (loanId: string, slice: number) => `loan:sell:${loanId}:${slice}`,
  /** Operations' transfer into a loan pool: the request's id makes a double submit move once. */
  lendingPoolFund: (requestId: string) => `lending:pool:fund:${requestId}`,
  /** Operations' transfer out of a loan pool, keyed as a funding is. */
  lendingPoolDefund: (requestId: string) => `lending:pool:defund:${requestId}`,
  /** A trader's transfer between spot and futures: the id the form made makes a resubmit move once. */
  futuresTransfer: (transferId: string) => `futures:transfer:${transferId}`,
  /** A trader's change of leverage or margin mode in a contract (one per request). */
  positionSettings: (userId: number, symbol: string, requestId: string) =>
    `position:settings:${userId}:${symbol}:${requestId}`,
  /** A contract's mark price sampled at `at`: a resent mark is applied once. */
  markSet: (symbol: string, at: number) => `mark:${symbol}:${at}`,
  /** A contract's funding at one funding time: a rerun settles it once. */
  fundingSettle: (symbol: string, fundingTime: number) => `funding:${symbol}:${fundingTime}`,
  /** A liveness probe of the engine. */
  ping: () => `ping:${crypto.randomUUID()}`,
  /** A command of the local demo market maker (development only). */
  demo: () => `demo:${crypto.randomUUID()}`,
} as const;
