import type { Services } from "../context";

export interface ComponentHealth {
  ok: boolean;
  latencyMs: number;
  error?: string;
}

export interface HealthReport {
  ok: boolean;
  database: ComponentHealth;
  engine: ComponentHealth;
}

const ENGINE_PING_TIMEOUT_MS = 2_000;

/** Probes the database and the engine (a `system.ping` round trip over the bus). */
export async function checkHealth(services: Services): Promise<HealthReport> {
  const [database, engine] = await Promise.all([
    probe(() => services.db.$queryRaw`SELECT 1`),
    probe(async () => {
      const reply = await services.engine.send(
        { id: `ping:${crypto.randomUUID()}`, ts: Date.now(), type: "system.ping" },
        { timeoutMs: ENGINE_PING_TIMEOUT_MS },
      );
      if (!reply.outcome.ok) throw new Error(reply.outcome.message);
    }),
  ]);
  return { ok: database.ok && engine.ok, database, engine };
}

async function probe(check: () => Promise<unknown>): Promise<ComponentHealth> {
  const started = performance.now();
  try {
    await check();
    return { ok: true, latencyMs: elapsedMs(started) };
  } catch (error) {
    return { ok: false, latencyMs: elapsedMs(started), error: (error as Error).message };
  }
}

function elapsedMs(started: number): number {
  return Math.round((performance.now() - started) * 100) / 100;
}
