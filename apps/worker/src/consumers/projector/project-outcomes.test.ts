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

function loanChanged(seq: number, cause: string, status: string, extra: object[] = []) {
  const loan = {
    type: "loan.changed",
    loanId: "00000000-0000-4000-8000-000000000001",
    userId: 7,
    collateralAsset: "BTC",
    loanAsset: "USDT",
    status,
    principalAtoms: status === "closed" ? 0n : 24_000n,
    interestAtoms: 0n,
    collateralAtoms: status === "closed" ? 0n : 100n,
    proceedsAtoms: 0n,
    cause,
  };
  return {
    seq,
    commandId: `loan:${seq}`,
    ts: 1_700_000_000_000 + seq,
    outcome: { ok: true, repeated: false, events: [...extra, loan] },
  } as unknown as OutcomeRecord;
}

describe("projectOutcomes: loans", () => {
  it("keeps each loan's latest state and a history line per command", () => {
    const changes = projectOutcomes([
      loanChanged(1, "loan.open", "open"),
      loanChanged(2, "loan.repay", "closed"),
    ]);
    const loan = [...changes.loans.values()][0];
    expect(loan).toMatchObject({ status: "CLOSED", principalAtoms: 0n, collateralAtoms: 0n });
    expect(changes.loanEvents.map((e) => [e.kind, e.eventKey])).toEqual([
      ["OPENED", "journal:1:0"],
      ["CLOSED", "journal:2:0"],
    ]);
  });

  it("names a liquidation slice's order, the borrower's order in the same command", () => {
    const order = { type: "order.accepted", orderId: 42, userId: 7 };
    const changes = projectOutcomes([
      loanChanged(3, "loan.liquidationSell", "liquidating", [order]),
    ]);
    expect(changes.loanEvents[0]).toMatchObject({ kind: "LIQUIDATION_SLICE", orderId: 42 });
  });
});
