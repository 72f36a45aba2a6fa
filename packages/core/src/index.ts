// packages/core: the pure, deterministic matching and balance engine. See README.md.
export { InvariantError } from "./assert";
export type * from "./commands";
export type * from "./events";
export {
  type BalanceView,
  type CoreOptions,
  type DepthView,
  ExchangeCore,
  type IndexPriceView,
  type LoanView,
  type MarketView,
  type OrderView,
  type SavingsPositionView,
  type WithdrawalView,
} from "./exchange-core";
export { LEGACY_LIMITS, MAX_OPEN_ORDERS_CEILING, MAX_UNITS } from "./limits";
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
