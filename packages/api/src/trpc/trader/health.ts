import { checkHealthFor } from "@exchange/domains/health/health";
import { z } from "zod";
import { publicProcedure } from "../trpc";

const ZComponentHealth = z.object({
  ok: z.boolean(),
  latencyMs: z.number(),
  /** Staff only: the failure's internal text. */
  error: z.string().optional(),
});

const ZConsumerHealth = z.object({
  name: z.string(),
  ok: z.boolean(),
  state: z.enum(["running", "retrying", "stuck", "done", "silent"]),
  processedSeq: z.number().int().optional(),
  lag: z.number().int().optional(),
  stuckSeq: z.number().int().optional(),
  since: z.date().optional(),
  error: z.string().optional(),
});

export const ZHealthOutput = z.object({
  ok: z.boolean(),
  database: ZComponentHealth,
  engine: ZComponentHealth,
  engineSeq: z.number().int().nullable(),
  consumers: z.array(ZConsumerHealth),
});

/**
 * The database, the engine and the worker's consumers, for load balancers, the web footer and
 * the admin dashboard. Staff see the errors; everyone else sees states and sequences only.
 */
export const healthProcedure = publicProcedure
  .output(ZHealthOutput)
  .query(({ ctx }) => checkHealthFor(ctx.services, ctx.actor));
