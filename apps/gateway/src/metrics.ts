import type { BinanceRequestObserver, BinanceStreams } from "@exchange/api/binance";
import { Counter, Gauge, Histogram, renderMetrics } from "@exchange/protocol";

/**
 * The gateway's series: answers by route and status, their latency, rate-limit refusals; the
 * WebSocket connections by kind, the Redis channels and market streams they use, and the
 * cancel-on-disconnect switches fired (read from the streams when rendered).
 */
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
    connections: new Gauge("gateway_ws_connections", "Open WebSocket connections, by kind"),
    busChannels: new Gauge("gateway_ws_bus_channels", "Redis channels the streams listen to"),
    marketStreams: new Gauge("gateway_ws_market_streams", "Market streams with a subscriber"),
    switchesFired: new Gauge(
      "gateway_cancel_on_disconnect_fired",
      "Cancel-on-disconnect switches this instance fired since it started",
    ),
  };
  let streams: BinanceStreams | undefined;
  const readStreams = () => {
    if (!streams) return;
    const stats = streams.stats();
    for (const [kind, count] of Object.entries(stats.connections) as [string, number][])
      metrics.connections.set(count, { kind });
    metrics.busChannels.set(stats.busChannels);
    metrics.marketStreams.set(stats.marketStreams);
    metrics.switchesFired.set(stats.switchesFired);
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
  return {
    observer,
    /** Reads the streams' figures at each render. */
    watchStreams: (attached: BinanceStreams) => {
      streams = attached;
    },
    render: () => {
      readStreams();
      return renderMetrics(Object.values(metrics));
    },
  };
}
