/**
 * What a client of the market streams may send (Binance's "Live Subscribing/Unsubscribing"):
 * `{"method":"SUBSCRIBE","params":["btcusdt@trade"],"id":1}`, UNSUBSCRIBE, LIST_SUBSCRIPTIONS,
 * and SET_PROPERTY / GET_PROPERTY of `combined`. Anything else is Binance's error frame.
 */
export type StreamRequest =
  | { method: "SUBSCRIBE" | "UNSUBSCRIBE"; streams: string[]; id: RequestId }
  | { method: "LIST_SUBSCRIPTIONS"; id: RequestId }
  | { method: "SET_PROPERTY"; combined: boolean; id: RequestId }
  | { method: "GET_PROPERTY"; id: RequestId };

/** Binance accepts an unsigned integer, a string of up to 36 characters, or null as `id`. */
export type RequestId = number | string | null;

/** Binance's error codes of the stream protocol. */
export const StreamErrorCode = {
  /** Unknown property. */
  UNKNOWN_PROPERTY: 0,
  /** A value of the wrong type. */
  INVALID_VALUE: 1,
  /** Not JSON, or not a request Binance knows. */
  INVALID_REQUEST: 2,
  /** Not a valid JSON document. */
  INVALID_JSON: 3,
} as const;

export interface StreamRequestError {
  error: { code: number; msg: string };
  id: RequestId;
}

/** Largest text frame a client may send; Binance's subscribe messages stay far below it. */
export const REQUEST_MAX_BYTES = 65_536;
const ID_MAX_LENGTH = 36;

/** Parses a client's text frame into a request or Binance's error answer for it. Never throws. */
export function parseStreamRequest(text: string): StreamRequest | StreamRequestError {
  if (text.length > REQUEST_MAX_BYTES) return invalid(null);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return { error: { code: StreamErrorCode.INVALID_JSON, msg: "Invalid JSON" }, id: null };
  }
  if (typeof body !== "object" || body === null || Array.isArray(body)) return invalid(null);
  const record = body as Record<string, unknown>;
  const id = requestIdOf(record.id);
  if (id === undefined) return invalid(null);
  switch (record.method) {
    case "SUBSCRIBE":
    case "UNSUBSCRIBE":
      return streamsRequest(record.method, record.params, id);
    case "LIST_SUBSCRIPTIONS":
      return { method: "LIST_SUBSCRIPTIONS", id };
    case "SET_PROPERTY":
      return setProperty(record.params, id);
    case "GET_PROPERTY":
      return Array.isArray(record.params) && record.params[0] === "combined"
        ? { method: "GET_PROPERTY", id }
        : { error: { code: StreamErrorCode.UNKNOWN_PROPERTY, msg: "Unknown property" }, id };
    default:
      return invalid(id);
  }
}

function streamsRequest(
  method: "SUBSCRIBE" | "UNSUBSCRIBE",
  params: unknown,
  id: RequestId,
): StreamRequest | StreamRequestError {
  if (!Array.isArray(params) || !params.every((p): p is string => typeof p === "string"))
    return invalid(id);
  return { method, streams: params, id };
}

function setProperty(params: unknown, id: RequestId): StreamRequest | StreamRequestError {
  if (!Array.isArray(params) || params[0] !== "combined")
    return { error: { code: StreamErrorCode.UNKNOWN_PROPERTY, msg: "Unknown property" }, id };
  if (typeof params[1] !== "boolean")
    return {
      error: { code: StreamErrorCode.INVALID_VALUE, msg: "Invalid value type: expected Boolean" },
      id,
    };
  return { method: "SET_PROPERTY", combined: params[1], id };
}

function requestIdOf(value: unknown): RequestId | undefined {
  if (value === undefined || value === null) return null;
  if (typeof value === "number" && Number.isSafeInteger(value) && value >= 0) return value;
  if (typeof value === "string" && value.length <= ID_MAX_LENGTH) return value;
  return undefined;
}

function invalid(id: RequestId): StreamRequestError {
  return { error: { code: StreamErrorCode.INVALID_REQUEST, msg: "Invalid request" }, id };
}

export function isRequestError(
  value: StreamRequest | StreamRequestError,
): value is StreamRequestError {
  return "error" in value;
}
