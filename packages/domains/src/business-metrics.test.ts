import { processMetrics } from "@exchange/protocol/metrics";
import { describe, expect, it } from "vitest";
import { countDepositDecision } from "./business-metrics";

/** The counter's value for these labels in this process's registry (0 when never counted). */
async function counted(name: string, labels: Record<string, string>): Promise<number> {
  const series = processMetrics().registry.getSingleMetric(name);
  if (!series) return 0;
  const { values } = await series.get();
  const match = values.find((v) => Object.entries(labels).every(([k, x]) => v.labels[k] === x));
  return match?.value ?? 0;
}

const DEPOSITS = "exchange_wallet_deposits_total";

describe("the deposit success rate's counter", () => {
  it("counts a deposit credited, dropped with its block or rejected by finance, as the System page does", async () => {
    for (const [status, outcome] of [
      ["CREDITED", "credited"],
      ["DROPPED", "dropped"],
      ["REJECTED", "rejected"],
    ] as const) {
      const before = await counted(DEPOSITS, { asset: "BDM", outcome });
      countDepositDecision({ assetCode: "BDM", status });
      expect(await counted(DEPOSITS, { asset: "BDM", outcome }), status).toBe(before + 1);
    }
  });

  it("does not count a deposit still waiting: held after the engine refused it, or confirming", async () => {
    countDepositDecision({ assetCode: "BDW", status: "HELD" });
    countDepositDecision({ assetCode: "BDW", status: "CONFIRMING" });
    countDepositDecision({ assetCode: "BDW", status: "BELOW_MINIMUM" });
    for (const outcome of ["credited", "dropped", "rejected", "refused"]) {
      expect(await counted(DEPOSITS, { asset: "BDW", outcome })).toBe(0);
    }
  });
});
