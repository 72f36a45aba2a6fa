import { Counter, Gauge, Histogram, renderMetrics } from "@exchange/protocol";

/** The engine's series. Rates (commands/s) are `rate()` of the counters in Prometheus. */
export function createEngineMetrics() {
  const metrics = {
    commands: new Counter("engine_commands_total", "Commands handled, by result"),
    batches: new Counter("engine_batches_total", "Batches read from engine.commands"),
    batchSize: new Histogram(
      "engine_batch_size",
      "Commands per batch",
      [1, 10, 100, 500, 1000, 2000, 5000],
    ),
    journalWriteSeconds: new Histogram(
      "engine_journal_write_seconds",
      "Time to make one batch durable in the journal",
      [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.5],
    ),
    streamLag: new Gauge(
      "engine_stream_lag",
      "Entries on engine.commands not yet read by the engine",
    ),
    journalSeq: new Gauge("engine_journal_seq", "Sequence of the last journaled command"),
    replaySeconds: new Gauge(
      "engine_replay_seconds",
      "Time the last start-up spent replaying the journal",
    ),
    setAside: new Counter(
      "engine_commands_set_aside_total",
      "Commands that stopped the engine twice, answered InternalError and dead-lettered",
    ),
    commandsTrimmed: new Counter(
      "engine_commands_trimmed_total",
      "Acknowledged entries trimmed from engine.commands",
    ),
    replayCommands: new Gauge("engine_replay_commands", "Commands replayed at the last start-up"),
  };
  /** The per-command counters, labels written once (they are counted on every command). */
  const commandsBy = {
    accepted: metrics.commands.labelled({ result: "accepted" }),
    rejected: metrics.commands.labelled({ result: "rejected" }),
    duplicate: metrics.commands.labelled({ result: "duplicate" }),
    malformed: metrics.commands.labelled({ result: "malformed" }),
  };
  return {
    ...metrics,
    commandsBy,
    render: () => renderMetrics(Object.values(metrics)),
  };
}

export type EngineMetrics = ReturnType<typeof createEngineMetrics>;
