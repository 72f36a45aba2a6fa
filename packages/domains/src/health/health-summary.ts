/**
 * One line that says what is wrong with the exchange, from a health report: the web footer and
 * the admin console show it. Pure, so both apps (and their tests) phrase it the same way.
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

/** What each worker consumer keeps, in the words people who see the footer use. */
export const CONSUMER_LABELS: Record<string, string> = {
  projector: "Order and balance history",
  "market-data": "Market data",
  reconciliation: "Reconciliation",
  "market-maker": "Demo market maker",
  "reference-data": "Reference data sync",
  "chain-watcher": "Deposit watcher",
  "hot-wallet": "Hot wallet check",
  "savings-subscriptions": "Savings subscriptions",
  worker: "Background worker",
};

export const consumerLabel = (name: string) => CONSUMER_LABELS[name] ?? name;

export function healthSummary(health: HealthLike): string {
  if (health.ok) return "All systems operational";
  const problems: string[] = [];
  if (!health.database.ok) problems.push("database unreachable");
  if (!health.engine.ok) problems.push("matching engine offline");
  for (const c of health.consumers) {
    if (c.ok) continue;
    problems.push(`${consumerLabel(c.name).toLowerCase()} ${consumerProblem(c)}`);
  }
  return `Degraded: ${problems.join("; ") || "checking"}`;
}

function consumerProblem(c: HealthLike["consumers"][number]): string {
  if (c.state === "silent") return "not running";
  const seq = c.stuckSeq ?? (c.processedSeq === undefined ? undefined : c.processedSeq + 1);
  const at = seq === undefined ? "" : ` at sequence ${seq}`;
  const since = c.since ? ` since ${c.since.toISOString().slice(11, 19)} UTC` : "";
  return `stuck${at}${since}`;
}
