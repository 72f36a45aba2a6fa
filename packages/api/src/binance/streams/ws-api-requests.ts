/**
 * Requests of Binance's WebSocket API (`/ws-api/v3`): `{"id":…,"method":…,"params":{…}}`,
 * answered `{"id":…,"status":200,"result":…}` or `{"id":…,"status":4XX,"error":{"code","msg"}}`.
 */
export interface WsApiRequest {
  id: string | number | null;
  method: string;
  params: Record<string, unknown>;
}

export interface WsApiFailure {
  id: string | number | null;
  status: number;
  error: { code: number; msg: string };
}

/** Largest request accepted: a signed order is a few hundred bytes. */
export const WS_API_REQUEST_MAX_BYTES = 16_384;
const ID_MAX_LENGTH = 36;
const PARAMS_MAX = 32;

/** Parses one text frame; never throws. */
export function parseWsApiRequest(text: string): WsApiRequest | WsApiFailure {
  if (text.length > WS_API_REQUEST_MAX_BYTES)
    return failure(null, 400, -1000, "Request too large.");
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return failure(null, 400, -1000, "Malformed request.");
  }
  if (typeof body !== "object" || body === null || Array.isArray(body))
    return failure(null, 400, -1000, "Malformed request.");
  const record = body as Record<string, unknown>;
  const id = idOf(record.id);
  if (id === undefined) return failure(null, 400, -1000, "Invalid 'id' in JSON request.");
  if (typeof record.method !== "string" || record.method.length > 64)
    return failure(id, 400, -1000, "Malformed request.");
  const params = record.params ?? {};
  if (typeof params !== "object" || params === null || Array.isArray(params))
    return failure(id, 400, -1000, "Malformed request.");
  if (Object.keys(params).length > PARAMS_MAX)
    return failure(id, 400, -1101, "Too many parameters.");
  return { id, method: record.method, params: params as Record<string, unknown> };
}

export function isWsApiFailure(value: WsApiRequest | WsApiFailure): value is WsApiFailure {
  return "error" in value;
}

export function failure(
  id: string | number | null,
  status: number,
  code: number,
  msg: string,
): WsApiFailure {
  return { id, status, error: { code, msg } };
}

/**
 * The signed payload of a WebSocket API request, Binance's rule: every parameter but
 * `signature`, sorted by name, as `name=value` joined by `&`.
 */
export function signedPayload(params: Record<string, unknown>): string {
  return Object.keys(params)
    .filter((name) => name !== "signature")
    .sort()
    .map((name) => `${name}=${String(params[name])}`)
    .join("&");
}

function idOf(value: unknown): string | number | null | undefined {
  if (value === undefined || value === null) return null;
  if (typeof value === "number" && Number.isSafeInteger(value) && value >= 0) return value;
  if (typeof value === "string" && value.length <= ID_MAX_LENGTH) return value;
  return undefined;
}
