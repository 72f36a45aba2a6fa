import { ZAlertView } from "@exchange/domains/alerts/alerts-contracts";
import { ZProcessVitals } from "@exchange/protocol";
import { z } from "zod";

const ZComponent = z.object({
  ok: z.boolean(),
  latencyMs: z.number(),
  error: z.string().optional(),
});

export const ZSystemOverviewOutput = z.object({
  at: z.date(),
  ok: z.boolean(),
  processes: z.array(
    z.object({
      process: z.string(),
      ok: z.boolean(),
      instances: z.array(
        z.object({
          instance: z.string(),
          ok: z.boolean(),
          lastBeatAt: z.date(),
          startedAt: z.date(),
          vitals: ZProcessVitals.nullable(),
        }),
      ),
    }),
  ),
  health: z.object({
    ok: z.boolean(),
    database: ZComponent,
    engine: ZComponent,
    engineSeq: z.number().nullable(),
    consumers: z.array(
      z.object({
        name: z.string(),
        ok: z.boolean(),
        state: z.string(),
        processedSeq: z.number().optional(),
        lag: z.number().optional(),
        stuckSeq: z.number().optional(),
        since: z.date().optional(),
        error: z.string().optional(),
      }),
    ),
  }),
  reconciliation: z
    .object({
      id: z.number().int(),
      ok: z.boolean(),
      failure: z.string().nullable(),
      startedAt: z.date(),
      finishedAt: z.date(),
      seq: z.bigint(),
      chainShortfall: z.boolean(),
      differenceCount: z.number().int(),
      differences: z.array(
        z.object({ kind: z.string(), asset: z.string(), expected: z.string(), actual: z.string() }),
      ),
    })
    .nullable(),
  alerts: z.object({ unresolved: z.array(ZAlertView), resolved: z.array(ZAlertView) }),
  figures: z.object({
    ordersPerSecond: z.number(),
    ordersWindowS: z.number(),
    depositSuccessRate: z.number().nullable(),
    depositsDecided: z.number().int(),
    depositsWithinLine: z.boolean(),
    withdrawals: z.object({
      completed: z.number().int(),
      medianMs: z.number().nullable(),
      p95Ms: z.number().nullable(),
      maxMs: z.number().nullable(),
      overdue: z.number().int(),
      withinLine: z.boolean(),
    }),
  }),
  network: z.object({ redisMs: z.number().nullable(), databaseMs: z.number().nullable() }),
  seedFigures: z.array(
    z.object({
      id: z.enum([
        "cpu",
        "memory",
        "disk",
        "network",
        "apiResponse",
        "errorRate",
        "messageDelay",
        "dbQuery",
        "orders",
        "depositSuccess",
        "withdrawalProcessing",
      ]),
      group: z.enum(["system", "application", "business"]),
      value: z.number().nullable(),
      unit: z.enum(["share", "ms", "perSecond"]),
      line: z.union([z.object({ below: z.number() }), z.object({ above: z.number() })]).nullable(),
      within: z.boolean().nullable(),
    }),
  ),
});
