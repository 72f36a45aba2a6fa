/**
 * What is wrong with the exchange, read from a health report as data: the web footer and the
 * admin console put it into the viewer's language. Pure, so both apps (and their tests) read a
 * report the same way.
 */
export interface HealthLike {
  ok: boolean;
  database: { ok: boolean };
  engine: { ok: boolean };
  consumers: ReadonlyArray<{
    name: string;
    ok: boolean;
    state: string;
    processedSeq?: number;
    stuckSeq?: number;
    since?: Date;
  }>;
}

/** The worker's consumers and jobs a report can name; each app's catalog has words for each. */
export const HEALTH_CONSUMERS = [
  "projector",
  "market-data",
  "reconciliation",
  "market-maker",
  "reference-data",
  "chain-watcher",
  "hot-wallet",
  "savings-subscriptions",
  "savings-instances",
  "savings-payouts",
  "alert-center",
  "notifier",
  "index-publisher",
  "worker",
] as const;

export type HealthProblem =
  | { kind: "database" }
  | { kind: "engine" }
  /** A consumer that has stopped reporting. */
  | { kind: "silent"; consumer: string }
  /** A consumer held on one event; `seq` is the event it cannot get past, when known. */
  | { kind: "stuck"; consumer: string; seq?: number; since?: Date };

/** Every problem in the report, in the order people are told of them (empty when all is well). */
export function healthProblems(health: HealthLike): HealthProblem[] {
  if (health.ok) return [];
  const problems: HealthProblem[] = [];
  if (!health.database.ok) problems.push({ kind: "database" });
  if (!health.engine.ok) problems.push({ kind: "engine" });
  for (const c of health.consumers) {
    if (c.ok) continue;
    if (c.state === "silent") {
      problems.push({ kind: "silent", consumer: c.name });
      continue;
    }
    const seq = c.stuckSeq ?? (c.processedSeq === undefined ? undefined : c.processedSeq + 1);
    problems.push({ kind: "stuck", consumer: c.name, seq, since: c.since });
  }
  return problems;
}
