// packages/core: the pure, deterministic matching and balance engine. See README.md.
export { InvariantError } from "./assert";
export type * from "./commands";
export type * from "./events";
export {
  type BalanceView,
  type ContractView,
  type CoreOptions,
  type DepthView,
  ExchangeCore,
  type IndexPriceView,
  type LoanView,
  type MarketView,
  type OrderView,
  type PositionView,
  type SavingsPositionView,
  type WithdrawalView,
} from "./exchange-core";
export { LEGACY_LIMITS, MAX_OPEN_ORDERS_CEILING, MAX_UNITS } from "./limits";
/** Perpetual contracts' arithmetic, shared with the domain and the web (names overlap loan-math's). */
export * as fundingMath from "./modules/derivatives/funding-math";
export * as marginMath from "./modules/derivatives/margin-math";
export type { MarginMode, PerpetualTerms } from "./modules/derivatives/perpetual";
export type { LoanStatus } from "./modules/lending/loan";
export * from "./modules/lending/loan-math";
export type { BookKind, BookLevel } from "./modules/spot/book/order-book";
export {
  canChangeMarketStatus,
  isMarketStatus,
  MARKET_STATUSES,
} from "./modules/spot/market-lifecycle";
export { MAX_SLIPPAGE_BPS, MIN_SLIPPAGE_BPS } from "./modules/spot/place-order";
export { RejectCode } from "./reject-code";
export type * from "./snapshot";
export { SNAPSHOT_VERSION } from "./snapshot";
export { hashText } from "./state-hash";
export * from "./types";
export * from "./units";
