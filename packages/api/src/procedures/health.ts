import { z } from "zod";
import type { Actor } from "../context";
import { checkHealth, type HealthReport } from "../services/health";
import { publicProcedure } from "../trpc";

const ZComponentHealth = z.object({
  ok: z.boolean(),
  latencyMs: z.number(),
  error: z.string().optional(),
});

export const ZHealthOutput = z.object({
  ok: z.boolean(),
  database: ZComponentHealth,
  engine: ZComponentHealth,
});

/** Liveness of the database and the engine, for load balancers and the status badge. */
export const healthProcedure = publicProcedure
  .output(ZHealthOutput)
  .query(async ({ ctx }) => forCaller(ctx.actor, await checkHealth(ctx.services)));

/**
 * Only staff read why a component is down: the text of a failure names hosts, ports and
 * queries. Everyone else learns that it is down, and how long the probe took.
 */
function forCaller(actor: Actor, report: HealthReport): HealthReport {
  if (actor.kind === "staff") return report;
  const { database, engine } = report;
  return {
    ...report,
    database: { ok: database.ok, latencyMs: database.latencyMs },
    engine: { ok: engine.ok, latencyMs: engine.latencyMs },
  };
}
