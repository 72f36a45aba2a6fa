import type { BinanceRequestObserver, BinanceStreams } from "@exchange/api/binance";
import { startProcessMetrics } from "@exchange/protocol/metrics";

/**
 * The gateway's series on the process's registry: requests by route and status with their
 * latency, rate-limit refusals; the WebSocket connections by kind, the Redis channels and
 * market streams they use, and the cancel-on-disconnect switches fired (read from the streams
 * at each scrape). Orders placed are counted by the trading domain (business-metrics.ts).
 */
export function createGatewayMetrics() {
  const metrics = startProcessMetrics("gateway");
  let streams: BinanceStreams | undefined;
  const requests = metrics.counter({
    name: "gateway_requests_total",
    help: "Requests answered, by route and status",
    labelNames: ["route", "status"],
  });
  const requestSeconds = metrics.histogram({
    name: "gateway_request_seconds",
    help: "Time from a request's arrival to its answer, by route",
    labelNames: ["route"],
  });
  const refused = metrics.counter({
    name: "gateway_rate_limit_refusals_total",
    help: "Requests refused past the weight budget (limited: 429, banned: 418)",
    labelNames: ["verdict"],
  });
  metrics.gauge({
    name: "gateway_ws_connections",
    help: "Open WebSocket connections, by kind",
    labelNames: ["kind"],
    collect(gauge) {
      for (const [kind, count] of Object.entries(streams?.stats().connections ?? {}))
        gauge.set({ kind }, count);
    },
  });
  metrics.gauge({
    name: "gateway_ws_bus_channels_entries",
    help: "Redis channels the streams listen to",
    collect(gauge) {
      if (streams) gauge.set(streams.stats().busChannels);
    },
  });
  metrics.gauge({
    name: "gateway_ws_market_streams_entries",
    help: "Market streams with a subscriber",
    collect(gauge) {
      if (streams) gauge.set(streams.stats().marketStreams);
    },
  });
  metrics.gauge({
    name: "gateway_ws_send_queue_bytes",
    help: "Bytes queued for the streams' clients and not yet sent, summed over the connections",
    collect(gauge) {
      if (streams) gauge.set(streams.stats().sendQueueBytes);
    },
  });
  metrics.gauge({
    name: "gateway_cancel_on_disconnect_fired_entries",
    help: "Cancel-on-disconnect switches this instance fired since it started",
    collect(gauge) {
      if (streams) gauge.set(streams.stats().switchesFired);
    },
  });
  const observer: BinanceRequestObserver = {
    answered(route, status, seconds) {
      requests.inc({ route, status: String(status) });
      requestSeconds.observe({ route }, seconds);
    },
    limited(verdict) {
      refused.inc({ verdict });
    },
  };
  return {
    observer,
    /** Reads the streams' figures at each scrape. */
    watchStreams: (attached: BinanceStreams) => {
      streams = attached;
    },
    render: () => metrics.render(),
  };
}
