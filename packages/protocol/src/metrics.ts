/**
 * A minimal Prometheus text-format registry: counters, gauges and histograms with fixed
 * buckets. Enough for the engine's and the worker's few series without a dependency on the
 * engine's hot path.
 */
export type Labels = Record<string, string>;

function labelText(labels: Labels): string {
  const pairs = Object.entries(labels).map(([k, v]) => `${k}="${v.replaceAll('"', '\\"')}"`);
  return pairs.length ? `{${pairs.join(",")}}` : "";
}

export interface Series {
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

  /** One labelled series, its label text written once: for counters on a hot path. */
  labelled(labels: Labels): { inc(by?: number): void } {
    const key = labelText(labels);
    if (!this.values.has(key)) this.values.set(key, 0);
    return { inc: (by = 1) => this.values.set(key, (this.values.get(key) ?? 0) + by) };
  }

  render(): string[] {
    const lines = [`# HELP ${this.name} ${this.help}`, `# TYPE ${this.name} counter`];
    for (const [labels, value] of this.values) lines.push(`${this.name}${labels} ${value}`);
    return lines;
  }
}

export class Gauge implements Series {
  private readonly values = new Map<string, number>([["", 0]]);
  constructor(
    readonly name: string,
    private readonly help: string,
  ) {}

  set(value: number, labels: Labels = {}): void {
    // A labelled gauge has no unlabelled series: drop the placeholder on first use.
    if (Object.keys(labels).length > 0) this.values.delete("");
    this.values.set(labelText(labels), value);
  }

  render(): string[] {
    const lines = [`# HELP ${this.name} ${this.help}`, `# TYPE ${this.name} gauge`];
    for (const [labels, value] of this.values) lines.push(`${this.name}${labels} ${value}`);
    return lines;
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

/** Prometheus text of a set of series, as `/metrics` answers it. */
export function renderMetrics(series: Iterable<Series>): string {
  return `${[...series].flatMap((m) => m.render()).join("\n")}\n`;
}
