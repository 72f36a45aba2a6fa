/**
 * Every error the API means to tell a caller about. Services throw `AppError(code)`; one
 * middleware (trpc.ts) maps the code to the transport's error. Anything else that escapes is
 * a bug and reaches the caller only as INTERNAL, without details.
 */
export enum AppErrorCode {
  /** Input failed validation; `fieldErrors` says which field and why. */
  INVALID_INPUT = "INVALID_INPUT",
  /** No session, or the session's account no longer exists or is suspended. */
  UNAUTHENTICATED = "UNAUTHENTICATED",
  /** Logged in, but this role may not do this. */
  FORBIDDEN = "FORBIDDEN",
  /** Email and password do not match an account. Deliberately does not say which part. */
  INVALID_CREDENTIALS = "INVALID_CREDENTIALS",
  /** Registration with an email that already has an account. */
  EMAIL_TAKEN = "EMAIL_TAKEN",
  /** The thing asked for does not exist (or is not visible to this caller). */
  NOT_FOUND = "NOT_FOUND",
  /** The engine refused an order or a cancel; `rejectCode` says which rule (packages/core RejectCode). */
  ORDER_REJECTED = "ORDER_REJECTED",
  /** A KYC submission while the user's previous one is still waiting for review. */
  KYC_PENDING = "KYC_PENDING",
  /** A KYC submission from a user whose identity is already verified. */
  KYC_ALREADY_VERIFIED = "KYC_ALREADY_VERIFIED",
  /** Approve or reject of a submission that is no longer pending (someone decided first). */
  KYC_ALREADY_DECIDED = "KYC_ALREADY_DECIDED",
  /** The user's KYC level does not allow this (kyc_level_limits); verifying identity would. */
  KYC_REQUIRED = "KYC_REQUIRED",
  /** The engine did not answer in time; the operation may or may not have happened. */
  ENGINE_UNAVAILABLE = "ENGINE_UNAVAILABLE",
  /** Too many attempts (log-in, registration, mails); `retryAfterS` says when to try again. */
  RATE_LIMITED = "RATE_LIMITED",
  /** Log-in with the right password before the emailed link was followed. */
  EMAIL_NOT_VERIFIED = "EMAIL_NOT_VERIFIED",
  /** A mailed link's token (or a log-in step's challenge) that does not exist. */
  TOKEN_INVALID = "TOKEN_INVALID",
  /** A token past its expiry: ask for a new one. */
  TOKEN_EXPIRED = "TOKEN_EXPIRED",
  /** A single-use token already used. */
  TOKEN_USED = "TOKEN_USED",
  /** A two-factor code (or recovery code) that is wrong, stale or already used. */
  INVALID_TWO_FACTOR_CODE = "INVALID_TWO_FACTOR_CODE",
  /** The account's two-factor state does not allow this (already on, not on, staff disabling). */
  TWO_FACTOR_STATE = "TWO_FACTOR_STATE",
  /**
   * A step-up's password is wrong. Not INVALID_CREDENTIALS: the session stands, and the caller
   * must not read it as "log in again".
   */
  WRONG_PASSWORD = "WRONG_PASSWORD",
  /**
   * A sensitive action needs the password (and two-factor code) confirmed again within the last
   * few minutes of this session (identity/step-up.ts).
   */
  STEP_UP_REQUIRED = "STEP_UP_REQUIRED",
  /** This process has no chain configured (CHAIN_RPC_URL, WALLET_XPUB): deposits and withdrawals wait. */
  WALLET_UNAVAILABLE = "WALLET_UNAVAILABLE",
  /** An asset the wallet's chain does not carry, or carries with deposits and withdrawals off. */
  UNSUPPORTED_ASSET = "UNSUPPORTED_ASSET",
  /** A finance decision on a deposit no longer waiting for one (someone decided first). */
  DEPOSIT_ALREADY_DECIDED = "DEPOSIT_ALREADY_DECIDED",
  /** The available balance does not cover the amount (a withdrawal's amount plus its fee). */
  INSUFFICIENT_BALANCE = "INSUFFICIENT_BALANCE",
  /** Over the KYC level's rolling 24-hour withdrawal limit. */
  WITHDRAWAL_LIMIT = "WITHDRAWAL_LIMIT",
  /** A cancel, approval or rejection of a withdrawal that is no longer waiting for it. */
  WITHDRAWAL_STATE = "WITHDRAWAL_STATE",
  /** A second approval of one withdrawal by the same staff member. */
  ALREADY_APPROVED = "ALREADY_APPROVED",
  /** Compliance froze the account's trading: no new order, OCO list or amendment (cancels pass). */
  TRADING_FROZEN = "TRADING_FROZEN",
  /** Compliance froze the account's withdrawals: no new request, and no approval of a pending one. */
  WITHDRAWALS_FROZEN = "WITHDRAWALS_FROZEN",
  /** A subscription larger than what is left of the savings instance's daily quota. */
  SAVINGS_QUOTA_EXCEEDED = "SAVINGS_QUOTA_EXCEEDED",
  /** A savings instance outside its subscription window (not yet open, or closed). */
  SAVINGS_NOT_OPEN = "SAVINGS_NOT_OPEN",
  /** A redemption of a subscription that is not active (already redeemed, matured or pending). */
  SAVINGS_STATE = "SAVINGS_STATE",
  /** An early redemption of a product whose terms do not allow one. */
  SAVINGS_REDEMPTION_NOT_ALLOWED = "SAVINGS_REDEMPTION_NOT_ALLOWED",
  /** The lending index price is missing or older than 30 s: new loans wait for a fresh one. */
  LENDING_PAUSED = "LENDING_PAUSED",
  /** A loan above its product's initial LTV at the current index. */
  LOAN_LTV_EXCEEDED = "LOAN_LTV_EXCEEDED",
  /** A loan the lending pool cannot cover. */
  LOAN_POOL_INSUFFICIENT = "LOAN_POOL_INSUFFICIENT",
  /** A repayment or top-up of a loan that is not open (liquidating, closed or liquidated). */
  LOAN_STATE = "LOAN_STATE",
  /** A trader already has the most live API keys allowed (30); revoking one makes room. */
  API_KEY_LIMIT = "API_KEY_LIMIT",
  /** A change to an API key that no longer allows it (revoking a revoked key). */
  API_KEY_STATE = "API_KEY_STATE",
  /** A signed request's key is not of the form keys have (Binance -2014). */
  API_KEY_FORMAT_INVALID = "API_KEY_FORMAT_INVALID",
  /** A signed request's key is unknown, revoked or expired (Binance -2015). */
  API_KEY_INVALID = "API_KEY_INVALID",
  /** A signed request's signature does not match its payload under the key (Binance -1022). */
  API_SIGNATURE_INVALID = "API_SIGNATURE_INVALID",
  /** A signed request's timestamp is outside its recvWindow, or ahead of the server (Binance -1021). */
  API_TIMESTAMP_OUTSIDE_WINDOW = "API_TIMESTAMP_OUTSIDE_WINDOW",
  /** A signed request from an address the key's allow-list does not hold (Binance -2015). */
  API_IP_NOT_ALLOWED = "API_IP_NOT_ALLOWED",
  /** A signed request the key's permissions do not cover (Binance -2015). */
  API_PERMISSION_MISSING = "API_PERMISSION_MISSING",
  /**
   * A staff change the member's state does not allow (inviting an address staff already has,
   * withdrawing an invite already accepted, resetting two-factor that is off).
   */
  STAFF_STATE = "STAFF_STATE",
  /** A staff change that would leave no active administrator who can log in (last-admin.ts). */
  LAST_ADMIN = "LAST_ADMIN",
  /**
   * A market status change its market's current status does not allow (packages/core
   * market-lifecycle.ts), or a scheduled change that is no longer waiting to run.
   */
  MARKET_STATE = "MARKET_STATE",
  /** Unexpected failure; details are logged, never sent. */
  INTERNAL = "INTERNAL",
}

/** Field name → messages, as forms display them. */
export type FieldErrors = Record<string, string[]>;

export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string,
    readonly fieldErrors?: FieldErrors,
    /** The engine's RejectCode, for ORDER_REJECTED. */
    readonly rejectCode?: number,
    /** Seconds until a RATE_LIMITED caller may try again. */
    readonly retryAfterS?: number,
  ) {
    super(message);
    this.name = "AppError";
  }
}
