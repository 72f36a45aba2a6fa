/**
 * One candidate HTTP server of `npm run bench:gateway-server`: `fastify` or `node-http`, on the
 * port given, serving the two routes measured — `GET /api/v3/ping` and `GET /api/v3/depth`
 * (one HGETALL of the book hash named by BENCH_DEPTH_KEY, sorted and sliced as the gateway's
 * market-data read does, and a weight header set as the gateway does on every answer).
 */
import { createServer } from "node:http";
import Fastify from "fastify";
import { Redis } from "ioredis";

const [kind, portText] = process.argv.slice(2);
const redis = new Redis(process.env.REDIS_URL ?? "redis://127.0.0.1:6379", {
  enableAutoPipelining: true,
});
const depthKey = process.env.BENCH_DEPTH_KEY ?? "bench:depth";

async function depth(limit: number) {
  const hash = await redis.hgetall(depthKey);
  const fields = Object.keys(hash).sort();
  const levels = (prefix: string, order: "asc" | "desc") => {
    const side = fields.filter((f) => f.startsWith(prefix));
    if (order === "desc") side.reverse();
    return side.slice(0, limit).map((f) => (hash[f] as string).split(":"));
  };
  return { lastUpdateId: Number(hash.seq), bids: levels("b:", "desc"), asks: levels("a:", "asc") };
}

const limitOf = (text: unknown) => (typeof text === "string" ? Number(text) || 100 : 100);

if (kind === "fastify") {
  const app = Fastify({ logger: false });
  app.addHook("onRequest", async (_request, reply) => {
    reply.header("x-mbx-used-weight-1m", "1");
  });
  app.get("/api/v3/ping", async () => ({}));
  app.get("/api/v3/depth", async (request) =>
    depth(limitOf((request.query as Record<string, unknown>).limit)),
  );
  await app.listen({ port: Number(portText), host: "127.0.0.1" });
} else {
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? "/", "http://localhost");
    const send = (body: unknown) => {
      const text = JSON.stringify(body);
      response.writeHead(200, {
        "content-type": "application/json; charset=utf-8",
        "content-length": Buffer.byteLength(text),
        "x-mbx-used-weight-1m": "1",
      });
      response.end(text);
    };
    if (url.pathname === "/api/v3/ping") return send({});
    if (url.pathname === "/api/v3/depth") {
      return void depth(limitOf(url.searchParams.get("limit"))).then(send);
    }
    response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(Number(portText), "127.0.0.1", resolve));
}
console.log("ready");
