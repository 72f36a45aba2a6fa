import { createHmac, type KeyObject, timingSafeEqual, verify } from "node:crypto";

/**
 * How a signed request of the trading API proves its key, as Binance's spot API defines it
 * ("SIGNED endpoint security"). Pure: the caller passes the time and the key material.
 *
 * The signed payload is the request's *total params*: the query string (without the `?`)
 * concatenated with the request body, both exactly as sent, before any parsing or decoding,
 * with the `signature` parameter itself taken out (`splitSignature`). An HMAC key signs it with
 * HMAC-SHA256 under the secret (its UTF-8 text) and sends the digest in hex; an Ed25519 key
 * signs the same bytes and sends the signature in base64 (URL-encoded in the request; the
 * caller decodes that one parameter).
 */

/** Binance's default and greatest `recvWindow`, in milliseconds. */
export const RECV_WINDOW_DEFAULT_MS = 5_000;
export const RECV_WINDOW_MAX_MS = 60_000;
/** How far ahead of the server's clock a request's `timestamp` may be (Binance: 1 second). */
export const TIMESTAMP_AHEAD_MS = 1_000;

/**
 * Whether a request's `timestamp` is inside its window, Binance's rule exactly:
 * `timestamp < serverTime + 1000 && serverTime - timestamp <= recvWindow`. A request replayed
 * after its window has passed is refused by this check.
 */
export function isWithinRecvWindow(input: {
  timestampMs: number;
  nowMs: number;
  recvWindowMs: number;
}): boolean {
  const { timestampMs, nowMs, recvWindowMs } = input;
  return timestampMs < nowMs + TIMESTAMP_AHEAD_MS && nowMs - timestampMs <= recvWindowMs;
}

/** Whether a `recvWindow` is one Binance accepts: a whole number of ms, 0 < w ≤ 60 000. */
export function isValidRecvWindow(recvWindowMs: number): boolean {
  return Number.isInteger(recvWindowMs) && recvWindowMs > 0 && recvWindowMs <= RECV_WINDOW_MAX_MS;
}

/** The HMAC-SHA256 signature of a payload under a secret, in lower-case hex. */
export function hmacSignature(secret: string, payload: string): string {
  return createHmac("sha256", secret).update(payload, "utf8").digest("hex");
}

const HEX_SHA256 = /^[0-9a-fA-F]{64}$/;

/**
 * Whether `signature` (hex, either case) is the HMAC of `payload`. The digests are compared in
 * constant time, so the answer's timing says nothing about how close a guess was.
 */
export function verifyHmacSignature(secret: string, payload: string, signature: string): boolean {
  if (!HEX_SHA256.test(signature)) return false;
  const expected = createHmac("sha256", secret).update(payload, "utf8").digest();
  return timingSafeEqual(expected, Buffer.from(signature, "hex"));
}

/** Ed25519 signatures are 64 bytes: 88 base64 characters with padding, 86 without. */
const BASE64_ED25519 = /^[A-Za-z0-9+/]{86}(==)?$/;

/** Whether `signature` (base64) is the Ed25519 signature of `payload` under `publicKey`. */
export function verifyEd25519Signature(
  publicKey: KeyObject,
  payload: string,
  signature: string,
): boolean {
  if (!BASE64_ED25519.test(signature)) return false;
  const bytes = Buffer.from(signature, "base64");
  if (bytes.length !== 64) return false;
  try {
    return verify(null, Buffer.from(payload, "utf8"), publicKey, bytes);
  } catch {
    return false;
  }
}

/**
 * Takes the `signature` parameter out of a request's raw query string and body and returns
 * the signed payload (query then body, as Binance concatenates them) and the signature as
 * sent (still URL-encoded). The signature must be the last parameter of the part that holds
 * it, as Binance's clients send it; anything else leaves `signature` null and the request is
 * refused as unsigned.
 */
export function splitSignature(request: { query: string; body: string }): {
  payload: string;
  signature: string | null;
} {
  const fromQuery = takeLastSignature(request.query);
  if (fromQuery) return { payload: fromQuery.rest + request.body, signature: fromQuery.signature };
  const fromBody = takeLastSignature(request.body);
  if (fromBody) return { payload: request.query + fromBody.rest, signature: fromBody.signature };
  return { payload: request.query + request.body, signature: null };
}

function takeLastSignature(params: string): { rest: string; signature: string } | null {
  const match = /(^|&)signature=([^&]*)$/.exec(params);
  if (!match) return null;
  return { rest: params.slice(0, match.index), signature: match[2] ?? "" };
}
