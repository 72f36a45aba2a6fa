/**
 * What is wrong with the exchange, as data the footer puts into the viewer's language: the same
 * reading of a health report as the API's English one-liner (`healthSummary`), without the words.
 */

/** The parts of the health report the footer reads. */
export interface HealthReport {
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

export type HealthProblem =
  | { kind: "database" }
  | { kind: "engine" }
  /** A consumer that has stopped reporting. */
  | { kind: "silent"; consumer: string }
  /** A consumer held on one event; `seq` is the event it cannot get past, when known. */
  | { kind: "stuck"; consumer: string; seq?: number; since?: Date };

/** Every problem in the report, in the order the footer names them (empty when all is well). */
export function healthProblems(health: HealthReport): HealthProblem[] {
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

/** The catalog key (under `nav.status.consumers`) of each worker consumer the footer names. */
export const CONSUMER_KEYS = {
  projector: "projector",
  "market-data": "marketData",
  reconciliation: "reconciliation",
  "market-maker": "marketMaker",
  "reference-data": "referenceData",
  "chain-watcher": "chainWatcher",
  "hot-wallet": "hotWallet",
  "savings-subscriptions": "savingsSubscriptions",
  worker: "worker",
} as const;

export type ConsumerKey = (typeof CONSUMER_KEYS)[keyof typeof CONSUMER_KEYS];

/** The catalog key of a consumer, or null for one added after this list (shown by its name). */
export function consumerKey(name: string): ConsumerKey | null {
  return Object.hasOwn(CONSUMER_KEYS, name)
    ? CONSUMER_KEYS[name as keyof typeof CONSUMER_KEYS]
    : null;
}
