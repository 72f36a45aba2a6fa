import { createProcessMetrics, observeDbPool, type PoolFigures } from "@exchange/protocol/metrics";

/** The results a command can have, as `exchange_engine_commands_total{result}` counts them. */
export type CommandResult = "accepted" | "rejected" | "duplicate" | "malformed";

/** A batch's commands by result: plain integers on the per-command path, counted once per batch. */
export type ResultTally = Record<CommandResult, number>;

export const emptyTally = (): ResultTally => ({
  accepted: 0,
  rejected: 0,
  duplicate: 0,
  malformed: 0,
});

/**
 * The engine's series. Nothing here is touched per command: the command path adds to a batch's
 * `ResultTally`, and the batch is observed once (counters, batch size, the age of its oldest
 * command), so metrics cost the same whether a batch holds one command or thousands.
 */
export function createEngineMetrics() {
  const metrics = createProcessMetrics("engine");
  const commands = metrics.counter({
    name: "engine_commands_total",
    help: "Commands handled, by result",
    labelNames: ["result"],
  });
  const byResult = {
    accepted: commands.labels({ result: "accepted" }),
    rejected: commands.labels({ result: "rejected" }),
    duplicate: commands.labels({ result: "duplicate" }),
    malformed: commands.labels({ result: "malformed" }),
  };
  const series = {
    batches: metrics.counter({
      name: "engine_batches_total",
      help: "Batches read from engine.commands",
    }),
    batchSize: metrics.histogram({
      name: "engine_batch_size_commands",
      help: "Commands per batch",
      buckets: [1, 10, 100, 500, 1000, 2000, 5000],
    }),
    commandLatencySeconds: metrics.histogram({
      name: "engine_command_latency_seconds",
      help: "Age of each batch's oldest command when its batch is durable and answered (from its XADD)",
    }),
    journalWriteSeconds: metrics.histogram({
      name: "engine_journal_write_seconds",
      help: "Time to make one batch durable in the journal",
      buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.5],
    }),
    streamLag: metrics.gauge({
      name: "engine_stream_lag_entries",
      help: "Entries on engine.commands not yet read by the engine",
    }),
    journalSeq: metrics.gauge({
      name: "engine_journal_seq",
      help: "Sequence of the last journaled command",
    }),
    replaySeconds: metrics.gauge({
      name: "engine_replay_seconds",
      help: "Time the last start-up spent replaying the journal",
    }),
    replayCommands: metrics.gauge({
      name: "engine_replay_commands",
      help: "Commands replayed at the last start-up",
    }),
    setAside: metrics.counter({
      name: "engine_commands_set_aside_total",
      help: "Commands that stopped the engine twice, answered InternalError and dead-lettered",
    }),
    commandsTrimmed: metrics.counter({
      name: "engine_commands_trimmed_total",
      help: "Acknowledged entries trimmed from engine.commands",
    }),
  };
  return {
    ...series,
    /** Counts one batch's commands by result, once per batch. */
    countResults(tally: ResultTally): void {
      for (const result of Object.keys(byResult) as CommandResult[]) {
        if (tally[result] > 0) byResult[result].inc(tally[result]);
      }
    },
    /** The journal's pool, read at each scrape. */
    watchPool: (pool: PoolFigures) => observeDbPool(metrics, "journal", () => pool),
    render: () => metrics.render(),
    /** Read by the heartbeat for the System page's vitals (the engine keeps its own registry). */
    registry: metrics.registry,
  };
}

export type EngineMetrics = ReturnType<typeof createEngineMetrics>;
