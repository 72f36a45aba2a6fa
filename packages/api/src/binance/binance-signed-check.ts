import type { ApiKeyAuthenticator } from "@exchange/domains/api-keys/api-key-authentication";
import { splitSignature } from "@exchange/domains/api-keys/request-signature";
import { binanceErrors, toBinanceError } from "./binance-errors";
import { integerParam, type RawQuery } from "./binance-params";
import type { SignedRequest, SignedRequestCheck } from "./binance-route";

/** Binance's API-key header (clients send it in any case; Node lower-cases header names). */
const API_KEY_HEADER = "x-mbx-apikey";

/**
 * The gateway's signed-request check, Binance's "SIGNED endpoint security" on the api-keys
 * domain's authenticator: the key from `X-MBX-APIKEY`, the signature taken out of the query
 * string or the body exactly as sent (the HMAC / Ed25519 payload is the rest of both, as sent),
 * `timestamp` and `recvWindow` from the parameters. Every refusal is Binance's code and message:
 * -2014 key format, -2015 key / address / permission, -1022 signature, -1021 timestamp outside
 * the window (so a request replayed after its window is refused), -1131 recvWindow, -1102 a
 * missing timestamp or signature.
 */
export function signedRequestCheck(authenticator: ApiKeyAuthenticator): SignedRequestCheck {
  return async (request, permission) => {
    const apiKey = apiKeyOf(request);
    const { payload, signature } = splitSignature({
      query: request.queryString,
      body: request.body,
    });
    const timestampMs = requiredTimestamp(request.params);
    const recvWindowMs = recvWindowOf(request.params);
    if (signature === null || signature === "") throw binanceErrors.mandatory("signature");
    try {
      const key = await authenticator.authenticate({
        apiKey,
        payload,
        signature: decodedSignature(signature),
        timestampMs,
        recvWindowMs,
        clientIp: request.ip,
        permission,
      });
      return { userId: key.userId, apiKeyId: key.keyId, permissions: key.permissions };
    } catch (error) {
      throw toBinanceError(error);
    }
  };
}

/** The key header; absent, empty or sent twice, it is not a key's format (-2014). */
export function apiKeyOf(request: Pick<SignedRequest, "headers">): string {
  const value = request.headers[API_KEY_HEADER];
  if (typeof value !== "string" || value === "") throw binanceErrors.badApiKeyFormat();
  return value;
}

function requiredTimestamp(params: RawQuery): number {
  if (params.timestamp === undefined || params.timestamp === "") {
    throw binanceErrors.mandatory("timestamp");
  }
  return integerParam(params, "timestamp") as number;
}

/**
 * `recvWindow` in ms: digits, optionally with up to three decimals as Binance now allows
 * (microsecond precision); the authenticator refuses a fractional or out-of-range one (-1131).
 */
function recvWindowOf(params: RawQuery): number | undefined {
  if (params.recvWindow === undefined) return undefined;
  const text = params.recvWindow;
  if (typeof text !== "string") throw binanceErrors.duplicateParam();
  if (!/^[0-9]{1,12}(\.[0-9]{1,3})?$/.test(text)) throw binanceErrors.badRecvWindow();
  return Number(text);
}

/** The signature parameter as the client URL-encoded it (Ed25519's base64 has + / =). */
function decodedSignature(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    throw binanceErrors.badSignature();
  }
}
