/**
 * A minimal Prometheus text-format registry: counters, gauges and histograms with fixed
 * buckets. Enough for the engine's few series without a dependency on the hot path.
 */
type Labels = Record<string, string>;

function labelText(labels: Labels): string {
  const pairs = Object.entries(labels).map(([k, v]) => `${k}="${v.replaceAll('"', '\\"')}"`);
  return pairs.length ? `{${pairs.join(",")}}` : "";
}

interface Series {
  render(): string[];
}

export class Counter implements Series {
  private readonly values = new Map<string, number>();
  constructor(
    readonly name: string,
    private readonly help: string,
  ) {}

  inc(by = 1, labels: Labels = {}): void {
    const key = labelText(labels);
    this.values.set(key, (this.values.get(key) ?? 0) + by);
  }

  render(): string[] {
    const lines = [`# HELP ${this.name} ${this.help}`, `# TYPE ${this.name} counter`];
    for (const [labels, value] of this.values) lines.push(`${this.name}${labels} ${value}`);
    return lines;
  }
}

export class Gauge implements Series {
  private value = 0;
  constructor(
    readonly name: string,
    private readonly help: string,
  ) {}

  set(value: number): void {
    this.value = value;
  }

  render(): string[] {
    return [
      `# HELP ${this.name} ${this.help}`,
      `# TYPE ${this.name} gauge`,
      `${this.name} ${this.value}`,
    ];
  }
}

export class Histogram implements Series {
  private readonly counts: number[];
  private sum = 0;
  private count = 0;
  constructor(
    readonly name: string,
    private readonly help: string,
    private readonly buckets: readonly number[],
  ) {
    this.counts = buckets.map(() => 0);
  }

  observe(value: number): void {
    this.sum += value;
    this.count += 1;
    for (let i = 0; i < this.buckets.length; i++) {
      if (value <= (this.buckets[i] ?? Number.POSITIVE_INFINITY))
        this.counts[i] = (this.counts[i] ?? 0) + 1;
    }
  }

  render(): string[] {
    const lines = [`# HELP ${this.name} ${this.help}`, `# TYPE ${this.name} histogram`];
    this.buckets.forEach((le, i) => {
      lines.push(`${this.name}_bucket{le="${le}"} ${this.counts[i] ?? 0}`);
    });
    lines.push(`${this.name}_bucket{le="+Inf"} ${this.count}`);
    lines.push(`${this.name}_sum ${this.sum}`, `${this.name}_count ${this.count}`);
    return lines;
  }
}

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
  return {
    ...metrics,
    render(): string {
      return `${Object.values(metrics)
        .flatMap((m) => m.render())
        .join("\n")}\n`;
    },
  };
}

export type EngineMetrics = ReturnType<typeof createEngineMetrics>;
