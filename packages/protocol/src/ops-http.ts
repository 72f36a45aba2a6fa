import { createServer, type Server } from "node:http";

/** What an operations endpoint answers: JSON, or Prometheus text. */
export type OpsAnswer = { status: number; json: unknown } | { status: number; text: string };

/** Operations endpoints by exact path (`/health`, `/metrics`, …); GET only, no input. */
export type OpsRoutes = Record<string, () => OpsAnswer | Promise<OpsAnswer>>;

/** The Prometheus exposition format's content type. */
const METRICS_CONTENT_TYPE = "text/plain; version=0.0.4";

/**
 * The small HTTP server each back-end process (engine, worker) keeps for probes and scraping.
 * Unknown paths are a 404; a route that throws is a 500 with its message (the server listens
 * on an operations address, not to the public).
 */
export function createOpsHttpServer(routes: OpsRoutes): Server {
  return createServer((req, res) => {
    const send = (answer: OpsAnswer) => {
      if ("text" in answer) {
        res.writeHead(answer.status, { "content-type": METRICS_CONTENT_TYPE });
        res.end(answer.text);
        return;
      }
      res.writeHead(answer.status, { "content-type": "application/json" });
      res.end(JSON.stringify(answer.json));
    };
    const route = routes[req.url ?? ""];
    if (!route) return send({ status: 404, json: { error: "not found" } });
    Promise.resolve()
      .then(route)
      .then(send, (error: Error) => send({ status: 500, json: { error: error.message } }));
  });
}
