import type { Server } from "node:http";
import { createOpsHttpServer } from "@exchange/protocol";
import type { Engine } from "./engine";
import type { EngineMetrics } from "./metrics";

/**
 * Operations endpoints: `/health` (up, and the journal position), `/metrics` (Prometheus text)
 * and `/state` (sequence and state hash at a consistent point, for audits and the crash test).
 */
export function createEngineHttpServer(engine: Engine, metrics: EngineMetrics): Server {
  return createOpsHttpServer({
    "/health": () => ({ status: 200, json: { ok: true, seq: engine.journalSeq } }),
    "/metrics": async () => ({ status: 200, text: await metrics.render() }),
    "/state": async () => ({ status: 200, json: await engine.stateDigest() }),
  });
}
