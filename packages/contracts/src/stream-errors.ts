/**
 * Error codes of the WebSocket gateway's `{"code":N,"msg":"…"}` (seed-001 protocol). 1 is the
 * seed's own "Not Auth"; the rest are ours.
 */
export enum StreamErrorCode {
  /** A private channel (`@balance`, `@order`, …) before a successful `auth`. */
  NOT_AUTHENTICATED = 1,
  /** Not JSON, or not a JSON object. */
  MALFORMED_MESSAGE = 2,
  /** `op` is missing or not one of auth / subscribe / unsubscribe. */
  UNKNOWN_OP = 3,
  /** The channel is not of the form `<SYMBOL>@<topic>` or `@<private topic>`. */
  INVALID_CHANNEL = 4,
  /** The connection already holds the maximum number of subscriptions. */
  TOO_MANY_SUBSCRIPTIONS = 5,
  /** Too many messages per second; slow down. */
  RATE_LIMITED = 6,
  /** The message exceeds the size limit; the connection is closed. */
  MESSAGE_TOO_LARGE = 7,
  /** The token was rejected, expired or malformed. */
  AUTH_FAILED = 8,
  /** A channel the gateway knows but cannot serve yet (e.g. `@position` before contracts). */
  CHANNEL_UNAVAILABLE = 9,
  /** `<SYMBOL>@depth` has no snapshot: no such market, or market data has not started yet. */
  SNAPSHOT_UNAVAILABLE = 10,
  /** The gateway could not reach its message bus (Redis); the subscription did not happen. */
  SERVICE_UNAVAILABLE = 11,
  /**
   * The session the connection authenticated with has ended (log-out, password reset,
   * suspension); the connection is closed after this frame.
   */
  SESSION_ENDED = 12,
}

/** WebSocket close code of a connection whose session ended (4000-4999: the application's). */
export const SESSION_ENDED_CLOSE_CODE = 4001;
