import type { Services } from "@exchange/domains/services";
import type { z } from "zod";
import type { RawQuery } from "./binance-params";

/**
 * What a signed route needs of its API key. The key's permissions are the api-keys domain's
 * ("read", "trade", "withdraw"); the signed routes name one each.
 */
export type ApiKeyPermission = "read" | "trade" | "withdraw";

/** Who a signed request comes from, once its key and signature are checked. */
export interface SignedCaller {
  userId: number;
  apiKeyId: number;
  /** What the key may do, in the api-keys domain's names (`GET /api/v3/account` shows them). */
  permissions: readonly ("READ" | "TRADE" | "WITHDRAW")[];
}

/**
 * A signed request as its check needs it. Binance signs the query string and the form body
 * exactly as sent (`totalParams` = query string + body), so both come raw, beside the parsed
 * parameters.
 */
export interface SignedRequest {
  headers: Record<string, string | string[] | undefined>;
  /** The query string as sent, without its `?`; "" when none. */
  queryString: string;
  /** The `application/x-www-form-urlencoded` body as sent; "" when none. */
  body: string;
  /** Every parameter of both; a name in both is the query string's, as Binance reads it. */
  params: RawQuery;
  /** The client's address (for a key's IP allow-list). */
  ip: string;
}

/**
 * The slot the signed routes fill: checks a request's key, signature, timestamp and the key's
 * permission, and answers the caller or throws a BinanceError (-1021, -1022, -2014, -2015).
 */
export type SignedRequestCheck = (
  request: SignedRequest,
  permission: ApiKeyPermission,
) => Promise<SignedCaller>;

export interface BinanceRouteContext {
  services: Services;
  /** The time the request is answered at (epoch ms), on the services' clock. */
  nowMs: number;
  /** The caller; set only on a signed or key-only route. */
  caller?: SignedCaller;
}

/**
 * One Binance endpoint: its path, its request weight, the schema of its answer (Binance's
 * shape, for the API reference and the tests that hold answers to it) and its handler.
 */
export interface BinanceRoute<Answer = unknown> {
  method: "GET" | "POST" | "PUT" | "DELETE";
  /** Binance's path, such as `/api/v3/depth`. */
  path: string;
  /**
   * Public; an API key only (`X-MBX-APIKEY`, no signature: Binance's USER_STREAM routes); or
   * signed with the key permission it needs.
   */
  security:
    | { kind: "public" }
    | { kind: "apiKey" }
    | { kind: "signed"; permission: ApiKeyPermission };
  /**
   * The request's weight as Binance's documentation gives it. Computed from the raw query before
   * it is validated (a bad request is charged too), so it must accept any input.
   */
  weight(query: RawQuery): number;
  /** What a successful answer is, in Binance's shape. */
  answer: z.ZodType<Answer>;
  /** One line for the API reference; without it the reference shows the method and path. */
  summary?: string;
  /**
   * The parameters the handler reads, for the API reference (binance-param-docs.ts); the
   * signed scheme's `timestamp`, `recvWindow` and `signature` are added to every signed route.
   */
  params?: z.ZodObject;
  /** Parses the query (throwing BinanceError), reads through the domains, answers Binance's JSON. */
  handle(context: BinanceRouteContext, query: RawQuery): Promise<Answer>;
}

/** A limit as a weight table reads it: the default when the value is not a plain number. */
export function lenientLimit(query: RawQuery, fallback: number): number {
  const value = query.limit;
  const limit = typeof value === "string" && /^[0-9]{1,6}$/.test(value) ? Number(value) : fallback;
  return limit === 0 ? fallback : limit;
}
