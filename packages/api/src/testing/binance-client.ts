import { createHmac, type KeyObject, sign } from "node:crypto";

/**
 * A minimal Binance REST client, as a bot would write one: parameters in a query string (GET,
 * DELETE) or a form body (POST, PUT), `timestamp` added, signed with HMAC-SHA256 (hex) or
 * Ed25519 (base64, URL-encoded) over the query string + body exactly as sent, and the key in
 * `X-MBX-APIKEY`. For the tests and the benchmark; no workspace code is used to sign, so a
 * mistake on the server's side is not mirrored here.
 */
export type BinanceCredentials =
  | { kind: "HMAC"; apiKey: string; secret: string }
  | { kind: "ED25519"; apiKey: string; privateKey: KeyObject };

export interface BinanceAnswer {
  status: number;
  headers: Headers;
  body: unknown;
}

export interface SignedCallOptions {
  /** Sent as X-Forwarded-For (the gateway under test trusts one hop). */
  ip?: string;
  /** The request's `timestamp`; now when absent. */
  timestampMs?: number;
  /** Changes the signed text after signing (a tampered request). */
  tamper?: (sent: { query: string; body: string }) => { query: string; body: string };
  /** Replaces the signature. */
  signature?: string;
  /** Leaves out the `timestamp`. */
  noTimestamp?: boolean;
}

export function signPayload(credentials: BinanceCredentials, payload: string): string {
  if (credentials.kind === "HMAC") {
    return createHmac("sha256", credentials.secret).update(payload).digest("hex");
  }
  return encodeURIComponent(
    sign(null, Buffer.from(payload), credentials.privateKey).toString("base64"),
  );
}

/** One signed request; its answer's JSON and status. */
export async function signedCall(
  baseUrl: string,
  credentials: BinanceCredentials,
  method: "GET" | "POST" | "PUT" | "DELETE",
  path: string,
  params: Record<string, string | number>,
  options: SignedCallOptions = {},
): Promise<BinanceAnswer> {
  const all = new URLSearchParams(
    Object.entries(params).map(([k, v]): [string, string] => [k, String(v)]),
  );
  if (!options.noTimestamp) all.set("timestamp", String(options.timestampMs ?? Date.now()));
  const text = all.toString();
  const inBody = method === "POST" || method === "PUT";
  const signature = options.signature ?? signPayload(credentials, text);
  let sent = inBody
    ? { query: "", body: `${text}&signature=${signature}` }
    : { query: `${text}&signature=${signature}`, body: "" };
  if (options.tamper) sent = options.tamper(sent);
  const response = await fetch(`${baseUrl}${path}${sent.query ? `?${sent.query}` : ""}`, {
    method,
    headers: {
      "x-mbx-apikey": credentials.apiKey,
      ...(options.ip ? { "x-forwarded-for": options.ip } : {}),
      ...(inBody ? { "content-type": "application/x-www-form-urlencoded" } : {}),
    },
    ...(inBody ? { body: sent.body } : {}),
  });
  const raw = await response.text();
  return { status: response.status, headers: response.headers, body: raw ? JSON.parse(raw) : raw };
}
