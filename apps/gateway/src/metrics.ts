import type { BinanceRequestObserver } from "@exchange/api/binance";
import { Counter, Histogram, renderMetrics } from "@exchange/protocol";

/** The gateway's series: answers by route and status, their latency, rate-limit refusals. */
export function createGatewayMetrics() {
  const metrics = {
    requests: new Counter("gateway_requests_total", "Requests answered, by route and status"),
    requestSeconds: new Histogram(
      "gateway_request_seconds",
      "Time from a request's arrival to its answer",
      [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1],
    ),
    refused: new Counter(
      "gateway_rate_limit_refusals_total",
      "Requests refused past the weight budget (limited: 429, banned: 418)",
    ),
  };
  const observer: BinanceRequestObserver = {
    answered(route, status, seconds) {
      metrics.requests.inc(1, { route, status: String(status) });
      metrics.requestSeconds.observe(seconds);
    },
    limited(verdict) {
      metrics.refused.inc(1, { verdict });
    },
  };
  return { observer, render: () => renderMetrics(Object.values(metrics)) };
}
