import type { HealthReport } from "../health/health";
import { type CheckResult, failing } from "./alert-rules";

/**
 * The worker's checks as alerts, pure: what is failing now, read from what the venue already
 * reports (the health report, the last reconciliation, finance's hot-wallet alerts, the
 * processes' heartbeats). A check passing again is whatever of its family is not failing.
 */

/** Each check's keys start with its family's prefix. */
export const CHECK_FAMILIES = [
  "check:database",
  "check:engine",
  "check:consumer:",
  "check:reconciliation",
  "check:hot-wallet:",
  "check:process:",
] as const;

export interface CheckInputs {
  health: Pick<HealthReport, "database" | "engine" | "consumers">;
  /** The newest reconciliation report; null before the first. */
  reconciliation: {
    id: number;
    ok: boolean;
    failure: string | null;
    differences: number;
    chainShortfall: boolean;
  } | null;
  /** Finance's open hot-wallet alerts (wallet/treasury.ts). */
  hotWallet: ReadonlyArray<{ chainKey: string; assetCode: string; kind: string; message: string }>;
  /** Process instances whose heartbeat stopped (their last beat is older than the limit). */
  silentProcesses: ReadonlyArray<{ process: string; instance: string; lastBeatAt: Date }>;
}

/** Every failing check, keyed; checks not listed pass. */
export function failingChecks(inputs: CheckInputs): CheckResult[] {
  return [
    ...healthChecks(inputs.health),
    ...reconciliationCheck(inputs.reconciliation),
    ...hotWalletChecks(inputs.hotWallet),
    ...inputs.silentProcesses.map((p) =>
      failing(
        `check:process:${p.process}@${p.instance}`,
        `${p.process} (${p.instance}) stopped reporting`,
        { lastBeatAt: p.lastBeatAt.toISOString() },
      ),
    ),
  ];
}

function healthChecks(health: CheckInputs["health"]): CheckResult[] {
  const results: CheckResult[] = [];
  if (!health.database.ok) {
    results.push(
      failing("check:database", "The database does not answer", { error: health.database.error }),
    );
  }
  if (!health.engine.ok) {
    results.push(
      failing("check:engine", "The engine does not answer", { error: health.engine.error }),
    );
  }
  for (const c of health.consumers) {
    if (c.ok) continue;
    const what =
      c.state === "silent" ? "stopped reporting" : `is stuck on entry ${c.stuckSeq ?? "?"}`;
    results.push(
      failing(`check:consumer:${c.name}`, `Consumer ${c.name} ${what}`, {
        state: c.state,
        processedSeq: c.processedSeq,
        error: c.error,
      }),
    );
  }
  return results;
}

function reconciliationCheck(report: CheckInputs["reconciliation"]): CheckResult[] {
  if (report === null || (report.ok && !report.chainShortfall)) return [];
  const message = !report.ok
    ? report.failure
      ? `Reconciliation #${report.id} failed: ${report.failure}`
      : `Reconciliation #${report.id} found ${report.differences} difference(s)`
    : `Reconciliation #${report.id}: the chain holds less than users are owed`;
  return [failing("check:reconciliation", message, { reportId: report.id })];
}

function hotWalletChecks(alerts: CheckInputs["hotWallet"]): CheckResult[] {
  return alerts
    .filter((a) => a.kind === "HOT_WALLET_LOW" || a.kind === "HOT_WALLET_WARNING")
    .map((a) =>
      failing(
        `check:hot-wallet:${a.chainKey}:${a.assetCode}:${a.kind}`,
        a.message,
        { asset: a.assetCode },
        a.kind === "HOT_WALLET_LOW" ? "CRITICAL" : "WARNING",
      ),
    );
}

/** Passing results for the unresolved check alerts that are not failing any more. */
export function passingChecks(
  failingNow: readonly CheckResult[],
  unresolvedKeys: readonly string[],
): CheckResult[] {
  const failingKeys = new Set(failingNow.map((r) => r.key));
  return unresolvedKeys
    .filter((key) => CHECK_FAMILIES.some((family) => key.startsWith(family)))
    .filter((key) => !failingKeys.has(key))
    .map((key) => ({ key, ok: true }));
}
