import { z } from "zod";

/**
 * Where each worker consumer (projector, market data, reconciliation, …) says how it is doing:
 * the worker writes it every second, the API's health reads it. One Redis hash per deployment,
 * one field per consumer, each value a JSON `ConsumerStatus`.
 */
export const consumerStatusKey = (prefix: string) => `${prefix}worker.consumers`;

export const ZConsumerState = z.enum([
  /** Working normally (or idle, waiting for entries). */
  "running",
  /** The last attempt failed; retrying with backoff, not yet for long. */
  "retrying",
  /** Failing (or blocked) on one entry for longer than the alert threshold: needs a person. */
  "stuck",
  /** A one-shot job that has finished (the reference-data sync). */
  "done",
]);
export type ConsumerState = z.infer<typeof ZConsumerState>;

export const ZConsumerStatus = z.object({
  name: z.string().max(64),
  state: ZConsumerState,
  /** Last engine journal seq whose effects this consumer has stored; absent for timed jobs. */
  processedSeq: z.number().int().min(0).optional(),
  /** When the worker last wrote this status, epoch ms: an old one means the worker is down. */
  heartbeatAt: z.number().int(),
  /** While retrying or stuck: since when (epoch ms), the entry it is on, and the last error. */
  failingSince: z.number().int().optional(),
  stuckSeq: z.number().int().min(0).optional(),
  attempts: z.number().int().min(0).optional(),
  error: z.string().max(2_000).optional(),
});
export type ConsumerStatus = z.infer<typeof ZConsumerStatus>;
