import { AppError, AppErrorCode } from "@exchange/domains/errors";

/**
 * Binance's error codes as its spot API documents them ("Error codes for Binance"), the ones
 * this gateway answers. Codes are what clients (ccxt among them) switch on; the messages are
 * Binance's own wording, so a client that matches on text works too.
 */
export const BinanceCode = {
  /** Anything unexpected: the details are logged, never sent. */
  UNKNOWN: -1000,
  /** The engine or a store did not answer; the request may be retried. */
  DISCONNECTED: -1001,
  /** A signed route reached without a way to check its key (not served by this gateway yet). */
  UNAUTHORIZED: -1002,
  /** Over the request weight budget, or banned for not backing off. */
  TOO_MANY_REQUESTS: -1003,
  /** A signed request's timestamp outside its recvWindow (or too far ahead). */
  INVALID_TIMESTAMP: -1021,
  /** A signed request's signature does not match. */
  INVALID_SIGNATURE: -1022,
  /** Start time after end time. */
  START_TIME_GREATER_THAN_END_TIME: -1023,
  /** A route this gateway does not serve. */
  NOT_FOUND: -1099,
  /** A parameter with characters outside its legal pattern. */
  ILLEGAL_CHARS: -1100,
  /** Duplicate or mutually exclusive parameters. */
  TOO_MANY_PARAMETERS: -1101,
  /** A mandatory parameter missing, empty or malformed. */
  MANDATORY_PARAM_EMPTY_OR_MALFORMED: -1102,
  /** A parameter sent with an empty value. */
  PARAM_EMPTY: -1105,
  /** A kline interval this exchange does not keep. */
  BAD_INTERVAL: -1120,
  /** A symbol that is not one of our markets. */
  BAD_SYMBOL: -1121,
  /** A parameter's value outside what the route accepts. */
  INVALID_PARAMETER: -1130,
  /** Too many orders placed or cancelled: the trader's order rate limit. */
  TOO_MANY_ORDERS: -1015,
  /** An order combination this exchange does not support. */
  UNSUPPORTED_ORDER_COMPOSITION: -1014,
  /** A parameter that the order's type does not take. */
  PARAM_NOT_REQUIRED: -1106,
  /** A timeInForce this exchange does not take. */
  INVALID_TIME_IN_FORCE: -1115,
  /** An order type this route does not take. */
  INVALID_ORDER_TYPE: -1116,
  /** A side other than BUY or SELL. */
  INVALID_SIDE: -1117,
  /** A combination of optional parameters that does not go together. */
  OPTIONAL_PARAMS_BAD_COMBO: -1128,
  /** A recvWindow above 60 000 ms (or not a positive whole number of ms). */
  INVALID_RECV_WINDOW: -1131,
  /** An order refused by a market filter (tick, lot, notional). */
  FILTER_FAILURE: -1013,
  /** The engine refused a new order. */
  NEW_ORDER_REJECTED: -2010,
  /** The engine refused a cancel. */
  CANCEL_REJECTED: -2011,
  /** A cancelReplace whose cancel worked and whose new order failed (its data says how). */
  CANCEL_REPLACE_PARTIALLY_FAILED: -2021,
  /** A cancelReplace whose cancel failed (its data says how). */
  CANCEL_REPLACE_FAILED: -2022,
  /** The order asked for does not exist (or is not the caller's). */
  NO_SUCH_ORDER: -2013,
  /** A user data stream's listenKey that does not exist (or has expired). */
  INVALID_LISTEN_KEY: -1125,
  /** The API key header is not a key's format. */
  BAD_API_KEY_FMT: -2014,
  /** Unknown key, address not allowed, or a key without the permission. */
  REJECTED_MBX_KEY: -2015,
} as const;
export type BinanceCodeValue = (typeof BinanceCode)[keyof typeof BinanceCode];

/**
 * HTTP statuses as Binance sends them: 4XX for a caller's mistake, 429 past the weight budget,
 * 418 once banned, 5XX when the outcome is unknown. Binance's document lists no status per
 * code; its servers answer 401 for the two API-key codes, which clients map to "authentication
 * failed", so we do the same. Every other code not listed is a 400.
 */
const STATUS_OF: Partial<Record<BinanceCodeValue, number>> = {
  [BinanceCode.UNKNOWN]: 500,
  [BinanceCode.DISCONNECTED]: 503,
  [BinanceCode.UNAUTHORIZED]: 401,
  [BinanceCode.TOO_MANY_REQUESTS]: 429,
  [BinanceCode.TOO_MANY_ORDERS]: 429,
  [BinanceCode.NOT_FOUND]: 404,
  [BinanceCode.BAD_API_KEY_FMT]: 401,
  [BinanceCode.REJECTED_MBX_KEY]: 401,
};

/** An answer in Binance's error shape, `{"code":-1121,"msg":"Invalid symbol."}`. */
export class BinanceError extends Error {
  readonly status: number;
  /** Seconds a rate-limited caller should wait (the `Retry-After` header). */
  readonly retryAfterS: number | undefined;
  /** Details some answers carry beside code and msg (cancelReplace's two outcomes). */
  readonly data: unknown;

  constructor(
    readonly code: BinanceCodeValue,
    message: string,
    options: { status?: number; retryAfterS?: number; data?: unknown } = {},
  ) {
    super(message);
    this.name = "BinanceError";
    this.status = options.status ?? STATUS_OF[code] ?? 400;
    this.retryAfterS = options.retryAfterS;
    this.data = options.data;
  }

  get body(): { code: number; msg: string; data?: unknown } {
    const body = { code: this.code, msg: this.message };
    return this.data === undefined ? body : { ...body, data: this.data };
  }
}

/** Binance's messages, with its placeholders filled in. */
export const binanceErrors = {
  unknown: () =>
    new BinanceError(
      BinanceCode.UNKNOWN,
      "An unknown error occurred while processing the request.",
    ),
  disconnected: () =>
    new BinanceError(
      BinanceCode.DISCONNECTED,
      "Internal error; unable to process your request. Please try again.",
    ),
  unauthorized: () =>
    new BinanceError(BinanceCode.UNAUTHORIZED, "You are not authorized to execute this request."),
  notFound: () =>
    new BinanceError(BinanceCode.NOT_FOUND, "Not found, unauthenticated, or unauthorized."),
  illegalChars: (param: string, legalRange: string) =>
    new BinanceError(
      BinanceCode.ILLEGAL_CHARS,
      `Illegal characters found in parameter '${param}'; legal range is '${legalRange}'.`,
    ),
  duplicateParam: () =>
    new BinanceError(BinanceCode.TOO_MANY_PARAMETERS, "Duplicate values for a parameter detected."),
  exclusiveParams: (first: string, second: string) =>
    new BinanceError(
      BinanceCode.TOO_MANY_PARAMETERS,
      `Too many parameters; expected '${first}' or '${second}', not both.`,
    ),
  mandatory: (param: string) =>
    new BinanceError(
      BinanceCode.MANDATORY_PARAM_EMPTY_OR_MALFORMED,
      `Mandatory parameter '${param}' was not sent, was empty/null, or malformed.`,
    ),
  empty: (param: string) =>
    new BinanceError(BinanceCode.PARAM_EMPTY, `Parameter '${param}' was empty.`),
  tooManyOrders: (retryAfterS: number) =>
    new BinanceError(BinanceCode.TOO_MANY_ORDERS, "Too many new orders.", { retryAfterS }),
  newOrderRejected: (message: string) => new BinanceError(BinanceCode.NEW_ORDER_REJECTED, message),
  filterFailure: (filter: "PRICE_FILTER" | "LOT_SIZE" | "NOTIONAL" | "MAX_NUM_ORDERS") =>
    new BinanceError(BinanceCode.FILTER_FAILURE, `Filter failure: ${filter}`),
  cancelRejected: (message = "Unknown order sent.") =>
    new BinanceError(BinanceCode.CANCEL_REJECTED, message),
  noSuchOrder: () => new BinanceError(BinanceCode.NO_SUCH_ORDER, "Order does not exist."),
  notRequired: (param: string) =>
    new BinanceError(
      BinanceCode.PARAM_NOT_REQUIRED,
      `Parameter '${param}' sent when not required.`,
    ),
  invalidTimeInForce: () =>
    new BinanceError(BinanceCode.INVALID_TIME_IN_FORCE, "Invalid timeInForce."),
  invalidOrderType: () => new BinanceError(BinanceCode.INVALID_ORDER_TYPE, "Invalid orderType."),
  invalidSide: () => new BinanceError(BinanceCode.INVALID_SIDE, "Invalid side."),
  unsupportedComposition: () =>
    new BinanceError(BinanceCode.UNSUPPORTED_ORDER_COMPOSITION, "Unsupported order combination."),
  badCombination: () =>
    new BinanceError(
      BinanceCode.OPTIONAL_PARAMS_BAD_COMBO,
      "Combination of optional parameters invalid.",
    ),
  badRecvWindow: () =>
    new BinanceError(BinanceCode.INVALID_RECV_WINDOW, "recvWindow must be less than 60000"),
  badApiKeyFormat: () => new BinanceError(BinanceCode.BAD_API_KEY_FMT, "API-key format invalid."),
  rejectedKey: () =>
    new BinanceError(
      BinanceCode.REJECTED_MBX_KEY,
      "Invalid API-key, IP, or permissions for action.",
    ),
  badSignature: () =>
    new BinanceError(BinanceCode.INVALID_SIGNATURE, "Signature for this request is not valid."),
  outsideRecvWindow: () =>
    new BinanceError(
      BinanceCode.INVALID_TIMESTAMP,
      "Timestamp for this request is outside of the recvWindow.",
    ),
  badInterval: () => new BinanceError(BinanceCode.BAD_INTERVAL, "Invalid interval."),
  badSymbol: () => new BinanceError(BinanceCode.BAD_SYMBOL, "Invalid symbol."),
  invalidListenKey: () =>
    new BinanceError(BinanceCode.INVALID_LISTEN_KEY, "This listenKey does not exist."),
  rejectedApiKey: () =>
    new BinanceError(
      BinanceCode.REJECTED_MBX_KEY,
      "Invalid API-key, IP, or permissions for action.",
    ),
  invalidParameter: (param: string) =>
    new BinanceError(
      BinanceCode.INVALID_PARAMETER,
      `Data sent for parameter '${param}' is not valid.`,
    ),
  startAfterEnd: () =>
    new BinanceError(
      BinanceCode.START_TIME_GREATER_THAN_END_TIME,
      "Start time is greater than end time.",
    ),
  tooMuchWeight: (limit: number, retryAfterS: number) =>
    new BinanceError(
      BinanceCode.TOO_MANY_REQUESTS,
      `Too much request weight used; current limit is ${limit} request weight per 1 MINUTE. Please use WebSocket Streams for live updates to avoid polling the API.`,
      { retryAfterS },
    ),
  banned: (untilMs: number, retryAfterS: number) =>
    new BinanceError(
      BinanceCode.TOO_MANY_REQUESTS,
      `Way too much request weight used; IP banned until ${untilMs}. Please use WebSocket Streams for live updates to avoid bans.`,
      { status: 418, retryAfterS },
    ),
};

/**
 * Any error a route let escape, as the Binance answer to send. A domain's AppError maps to
 * its Binance counterpart; anything else is -1000 and its details stay in the log.
 */
export function toBinanceError(error: unknown): BinanceError {
  if (error instanceof BinanceError) return error;
  if (!(error instanceof AppError)) return binanceErrors.unknown();
  switch (error.code) {
    case AppErrorCode.NOT_FOUND:
      return error.fieldErrors?.symbol ? binanceErrors.badSymbol() : binanceErrors.notFound();
    case AppErrorCode.ENGINE_UNAVAILABLE:
      return binanceErrors.disconnected();
    case AppErrorCode.API_KEY_FORMAT_INVALID:
      return binanceErrors.badApiKeyFormat();
    case AppErrorCode.API_KEY_INVALID:
    case AppErrorCode.API_IP_NOT_ALLOWED:
    case AppErrorCode.API_PERMISSION_MISSING:
      return binanceErrors.rejectedKey();
    case AppErrorCode.API_SIGNATURE_INVALID:
      return binanceErrors.badSignature();
    case AppErrorCode.API_TIMESTAMP_OUTSIDE_WINDOW:
      return binanceErrors.outsideRecvWindow();
    case AppErrorCode.INVALID_INPUT:
      if (error.fieldErrors?.recvWindow) return binanceErrors.badRecvWindow();
      return binanceErrors.invalidParameter(Object.keys(error.fieldErrors ?? {})[0] ?? "input");
    case AppErrorCode.RATE_LIMITED:
      return binanceErrors.tooManyOrders(error.retryAfterS ?? 1);
    case AppErrorCode.ORDER_REJECTED:
      // The signed order routes refine this by reject code (filters are -1013).
      return binanceErrors.newOrderRejected(error.message);
    default:
      return binanceErrors.unknown();
  }
}
