import type { Deposit } from "@exchange/contracts/wallet";
import { describe, expect, it } from "vitest";
import { applyDepositPush } from "./wallet-live";

const deposit = (id: number, patch: Partial<Deposit> = {}): Deposit => ({
  id,
  asset: "ETH",
  network: "evm-local",
  amount: "0.5",
  status: "CONFIRMING",
  confirmations: 1,
  confirmationsRequired: 3,
  txHash: `0x${id}`,
  fromAddress: "0xfrom",
  toAddress: "0xto",
  createdAt: new Date(0),
  creditedAt: null,
  ...patch,
});

describe("a deposit push in the cached list", () => {
  it("replaces the deposit it updates, in place", () => {
    const list = { deposits: [deposit(2), deposit(1)] };
    const next = applyDepositPush(list, deposit(1, { confirmations: 2 }), undefined);
    expect(next?.deposits.map((d) => [d.id, d.confirmations])).toEqual([
      [2, 1],
      [1, 2],
    ]);
  });

  it("adds a new deposit on top of a list of its asset, and leaves other assets' lists alone", () => {
    const list = { deposits: [deposit(1)] };
    expect(applyDepositPush(list, deposit(5), "ETH")?.deposits.map((d) => d.id)).toEqual([5, 1]);
    expect(applyDepositPush(list, deposit(5), "USDT")).toBe(list);
    expect(applyDepositPush(undefined, deposit(5), undefined)).toBeUndefined();
  });
});
