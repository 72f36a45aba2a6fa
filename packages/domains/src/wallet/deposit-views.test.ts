import { ZWalletUpdate } from "@exchange/contracts/wallet";
import { describe, expect, it } from "vitest";
import type { DepositRecord } from "./deposit-repository";
import { depositPush, depositView } from "./deposit-views";

const record: DepositRecord = {
  id: 7,
  chainKey: "evm-local",
  txHash: "0xabc",
  logIndex: -1,
  assetCode: "ETH",
  userId: 3,
  toAddress: "0xto",
  fromAddress: "0xfrom",
  chainAmount: 123_456_789_000_000_000n,
  amountAtoms: 12_345_678n,
  blockNumber: 10n,
  blockHash: "0xblock",
  confirmations: 2,
  status: "CONFIRMING",
  flags: [],
  reorgedAfterCredit: false,
  reviewedBy: null,
  reviewNote: null,
  reviewedAt: null,
  creditedAt: null,
  createdAt: new Date(1_000),
  updatedAt: new Date(2_000),
};

describe("a deposit's public shape", () => {
  it("writes engine atoms in the asset's decimals, trailing zeros trimmed", () => {
    expect(depositView(record, { precision: 8, confirmations: 3 })).toMatchObject({
      amount: "0.12345678",
      confirmations: 2,
      confirmationsRequired: 3,
      network: "evm-local",
    });
    expect(
      depositView({ ...record, amountAtoms: 50_000_000n }, { precision: 8, confirmations: 3 })
        .amount,
    ).toBe("0.5");
  });

  it("pushes times as epoch ms, in the shape the @wallet contract parses", () => {
    const push = depositPush(record, { precision: 8, confirmations: 3 });
    expect(push.deposit.createdAt).toBe(1_000);
    const parsed = ZWalletUpdate.parse(JSON.parse(JSON.stringify(push)));
    expect(parsed).toMatchObject({ kind: "deposit", deposit: { id: 7, amount: "0.12345678" } });
  });
});
