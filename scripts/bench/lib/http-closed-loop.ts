import { Agent, request } from "node:http";

/** What one closed-loop phase measured. */
export interface HttpRun {
  requestsPerSec: number;
  p50Ms: number;
  p99Ms: number;
}

function get(agent: Agent, url: URL): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = request(url, { agent }, (response) => {
      response.resume();
      response.on("end", () =>
        response.statusCode === 200
          ? resolve()
          : reject(new Error(`${url.pathname}: ${response.statusCode}`)),
      );
    });
    req.on("error", reject);
    req.end();
  });
}

/**
 * `connections` keep-alive loops, each sending its next GET when the last is answered, for
 * `seconds`; any answer but 200 fails the phase (a benchmark of refusals measures nothing).
 */
export async function httpClosedLoop(
  url: string,
  options: { connections: number; seconds: number },
): Promise<HttpRun> {
  const agent = new Agent({ keepAlive: true, maxSockets: options.connections });
  const target = new URL(url);
  const latencies: number[] = [];
  const endAt = performance.now() + options.seconds * 1_000;
  const loop = async () => {
    while (performance.now() < endAt) {
      const started = performance.now();
      await get(agent, target);
      latencies.push(performance.now() - started);
    }
  };
  await Promise.all(Array.from({ length: options.connections }, loop));
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const at = (q: number) =>
    Math.round((latencies[Math.floor(q * (latencies.length - 1))] ?? 0) * 100) / 100;
  return {
    requestsPerSec: Math.round(latencies.length / options.seconds),
    p50Ms: at(0.5),
    p99Ms: at(0.99),
  };
}
