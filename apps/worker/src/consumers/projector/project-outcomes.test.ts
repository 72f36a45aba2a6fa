import { describe, expect, it } from "vitest";
import type { OutcomeRecord } from "./outcome-batch";
import { projectOutcomes } from "./project-outcomes";

function statusChanged(
  seq: number,
  symbol: string,
  previous: string,
  status: string,
): OutcomeRecord {
  return {
    seq,
    commandId: `market:status:${seq}`,
    ts: 1_700_000_000_000 + seq,
    outcome: {
      ok: true,
      repeated: false,
      events: [{ type: "market.statusChanged", symbol, status, previous }],
    } as OutcomeRecord["outcome"],
  };
}

describe("projectOutcomes: market statuses", () => {
  it("keeps each market's latest status, as the markets table names it", () => {
    const changes = projectOutcomes([
      statusChanged(1, "BTCUSDT", "trading", "halted"),
      statusChanged(2, "ETHUSDT", "preOpen", "trading"),
      statusChanged(3, "BTCUSDT", "halted", "closed"),
    ]);
    expect(Object.fromEntries(changes.marketStatuses)).toEqual({
      BTCUSDT: "CLOSED",
      ETHUSDT: "TRADING",
    });
  });

  it("ignores a refused change", () => {
    const refused: OutcomeRecord = {
      seq: 4,
      commandId: "market:status:4",
      ts: 1_700_000_000_004,
      outcome: { ok: false, code: 208, message: "no", events: [] } as OutcomeRecord["outcome"],
    };
    expect(projectOutcomes([refused]).marketStatuses.size).toBe(0);
  });
});
