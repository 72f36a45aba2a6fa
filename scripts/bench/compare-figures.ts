/**
 * The budget's arithmetic, shared by `bench:check` (wall-clock figures, for people) and
 * `check:instructions` (instruction counts, the CI gate): medians of runs, and each measured
 * figure against the value recorded for it. Pure: no I/O, no clock.
 */

/** Which way a figure should move: orders/s should rise, milliseconds should fall. */
export type Better = "higher" | "lower";

/** A figure as recorded in a baseline file. */
export interface RecordedFigure {
  value: number;
  better: Better;
  /** The fraction (0.1 = 10 %) a figure may move the wrong way before it counts as fallen. */
  tolerance: number;
}

/**
 * A figure's verdict: `fell` beyond its tolerance the wrong way; `improved` beyond it the right
 * way (worth re-recording, so the gain is kept); `ok` within it; `missing` when recorded but not
 * measured (its benchmark failed or no longer prints it); `unrecorded` when measured but not in
 * the baseline.
 */
export type Verdict = "ok" | "fell" | "improved" | "missing" | "unrecorded";

export interface FigureComparison {
  name: string;
  recorded: number | null;
  measured: number | null;
  /** (measured − recorded) / recorded, signed; null when either is absent or recorded is 0. */
  change: number | null;
  verdict: Verdict;
}

/** The median of some numbers (the lower middle of an even count); NaN for none. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)] ?? Number.NaN;
}

/**
 * Per numeric field, the median over runs. A field a run did not print is left out of that
 * field's median; text and other non-numbers are not figures.
 */
export function medianFigures(runs: readonly Record<string, unknown>[]): Record<string, number> {
  const samples = new Map<string, number[]>();
  for (const run of runs) {
    for (const [name, value] of Object.entries(run)) {
      if (typeof value !== "number" || !Number.isFinite(value)) continue;
      const list = samples.get(name) ?? [];
      list.push(value);
      samples.set(name, list);
    }
  }
  return Object.fromEntries([...samples].map(([name, values]) => [name, median(values)]));
}

/** One figure against its record. */
export function compareFigure(
  name: string,
  recorded: RecordedFigure,
  measured: number | undefined,
): FigureComparison {
  if (measured === undefined) {
    return { name, recorded: recorded.value, measured: null, change: null, verdict: "missing" };
  }
  const change = recorded.value === 0 ? null : (measured - recorded.value) / recorded.value;
  // Signed so that a positive number is always the good direction.
  const gain = change === null ? 0 : recorded.better === "higher" ? change : -change;
  const verdict =
    gain < -recorded.tolerance ? "fell" : gain > recorded.tolerance ? "improved" : "ok";
  return { name, recorded: recorded.value, measured, change, verdict };
}

/**
 * Every recorded figure against its measurement, in the baseline's order, then the measured
 * figures the baseline does not know, by name.
 */
export function compareFigures(
  baseline: Readonly<Record<string, RecordedFigure>>,
  measured: Readonly<Record<string, number>>,
): FigureComparison[] {
  const rows = Object.entries(baseline).map(([name, recorded]) =>
    compareFigure(name, recorded, measured[name]),
  );
  const unrecorded = Object.keys(measured)
    .filter((name) => !(name in baseline))
    .sort();
  for (const name of unrecorded) {
    const value = measured[name] ?? null;
    rows.push({ name, recorded: null, measured: value, change: null, verdict: "unrecorded" });
  }
  return rows;
}

/** True when a figure went the wrong way beyond its tolerance. */
export function anyFell(rows: readonly FigureComparison[]): boolean {
  return rows.some((row) => row.verdict === "fell");
}

/** A fixed-width table of the comparison, one row per figure, for a terminal or a log. */
export function formatComparison(rows: readonly FigureComparison[]): string {
  const header = ["figure", "recorded", "measured", "change", "verdict"];
  const cells = rows.map((row) => [
    row.name,
    formatNumber(row.recorded),
    formatNumber(row.measured),
    row.change === null ? "" : `${row.change >= 0 ? "+" : ""}${(row.change * 100).toFixed(1)} %`,
    row.verdict === "fell" ? "FELL" : row.verdict,
  ]);
  const widths = header.map((title, i) =>
    Math.max(title.length, ...cells.map((line) => (line[i] ?? "").length)),
  );
  const line = (values: string[]) =>
    values
      .map((value, i) => (i === 0 ? value.padEnd(widths[i] ?? 0) : value.padStart(widths[i] ?? 0)))
      .join("  ")
      .trimEnd();
  return [line(header), ...cells.map(line)].join("\n");
}

function formatNumber(value: number | null): string {
  if (value === null) return "";
  return Number.isInteger(value) ? String(value) : value.toFixed(2);
}

/**
 * Which way a figure should move, read from its name as the benchmarks spell them: rates end in
 * `PerSec`, durations carry `Ms` (`p99MsAt1k`, `projectorLagMs`). Anything else (`ops`, `seed`,
 * `replayedCommands`) describes the run and is not a figure; null.
 */
export function inferBetter(name: string): Better | null {
  if (/PerSec$/.test(name)) return "higher";
  if (/Ms(?=[A-Z0-9]|$)/.test(name)) return "lower";
  return null;
}

/**
 * Tolerances a newly recorded figure starts with. Tails of latency move far more between runs
 * on a shared machine than throughput does; edit a figure's own tolerance in the file to taste.
 */
export const DEFAULT_TOLERANCE: Readonly<Record<Better, number>> = { higher: 0.2, lower: 0.5 };

/**
 * A baseline rewritten from a run: every measured figure whose direction is known (recorded
 * before, or read from its name) takes the measured value and keeps its recorded direction and
 * tolerance. Figures not measured this time are kept as they were, so recording one benchmark
 * leaves the others' figures alone.
 */
export function recordFigures(
  previous: Readonly<Record<string, RecordedFigure>>,
  measured: Readonly<Record<string, number>>,
  ignored: readonly string[] = [],
): Record<string, RecordedFigure> {
  const next: Record<string, RecordedFigure> = { ...previous };
  for (const [name, value] of Object.entries(measured)) {
    if (ignored.includes(name)) continue;
    const kept = previous[name];
    const better = kept?.better ?? inferBetter(name);
    if (better === null) continue;
    next[name] = { value, better, tolerance: kept?.tolerance ?? DEFAULT_TOLERANCE[better] };
  }
  return next;
}
