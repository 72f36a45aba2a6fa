import { createServer, type Server } from "node:http";
import type { Engine } from "./engine";
import type { EngineMetrics } from "./metrics";

/**
 * Operations endpoints: `/health` (up, and the journal position), `/metrics` (Prometheus text)
 * and `/state` (sequence and state hash at a consistent point, for audits and the crash test).
 */
export function createEngineHttpServer(engine: Engine, metrics: EngineMetrics): Server {
  return createServer((req, res) => {
    const json = (status: number, body: unknown) => {
      res.writeHead(status, { "content-type": "application/json" });
      res.end(JSON.stringify(body));
    };
    switch (req.url) {
      case "/health":
        return json(200, { ok: true, seq: engine.journalSeq });
      case "/metrics":
        res.writeHead(200, { "content-type": "text/plain; version=0.0.4" });
        return res.end(metrics.render());
      case "/state":
        engine.stateDigest().then(
          (digest) => json(200, digest),
          (error: Error) => json(500, { error: error.message }),
        );
        return;
      default:
        return json(404, { error: "not found" });
    }
  });
}
