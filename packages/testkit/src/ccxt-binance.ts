import { Agent } from "node:http";

/**
 * Points a ccxt `binance` (or `pro.binance`) instance at this exchange's trading gateway by
 * rewriting only its URLs, as a user would: every REST base keeps its path (`/api/v3`,
 * `/sapi/v1`, `/fapi/v1`, …) on the gateway's origin, and the spot WebSocket streams and
 * WebSocket API move to the gateway's `/ws` and `/ws-api/v3`. Over plain `ws://` (a local
 * gateway without TLS) ccxt insists on an HTTP agent of its own (`loadHttpProxyAgent`); one is
 * given here. Typed structurally, so the package does not depend on ccxt.
 */
export function pointCcxtBinanceAt(
  exchange: { urls: Record<string, unknown>; httpAgent?: unknown },
  gatewayUrl: string,
): void {
  const origin = gatewayUrl.replace(/\/+$/, "");
  const wsOrigin = origin.replace(/^http/, "ws");
  const api = exchange.urls.api as Record<string, unknown>;
  for (const [name, url] of Object.entries(api)) {
    if (typeof url === "string") api[name] = url.replace(/^https?:\/\/[^/]+/, origin);
  }
  // Only ccxt's `pro` classes have WebSocket URLs.
  const ws = api.ws as Record<string, Record<string, unknown> | string> | undefined;
  if (!ws) return;
  if (wsOrigin.startsWith("ws://")) exchange.httpAgent ??= new Agent();
  ws.spot = `${wsOrigin}/ws`;
  const wsApi = ws["ws-api"];
  if (typeof wsApi === "object") wsApi.spot = `${wsOrigin}/ws-api/v3`;
}
