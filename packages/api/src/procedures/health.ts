import { z } from "zod";
import { checkHealth } from "../services/health";
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
  .query(({ ctx }) => checkHealth(ctx.services));
