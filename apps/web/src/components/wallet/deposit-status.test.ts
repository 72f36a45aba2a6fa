import type { Deposit } from "@exchange/contracts/wallet";
import { describe, expect, it } from "vitest";
import { depositStatusText } from "./deposit-status";

const deposit = (patch: Partial<Deposit>): Deposit => ({
  id: 1,
  asset: "ETH",
  network: "evm-local",
  amount: "0.5",
  status: "CONFIRMING",
  confirmations: 1,
  confirmationsRequired: 3,
  txHash: "0x1",
  fromAddress: "0xfrom",
  toAddress: "0xto",
  createdAt: new Date(0),
  creditedAt: null,
  ...patch,
});

describe("what a deposit's state reads as", () => {
  it("counts confirmations up to those required, never past them", () => {
    expect(depositStatusText(deposit({ confirmations: 2 }))).toBe("2 / 3 confirmations");
    expect(depositStatusText(deposit({ confirmations: 7 }))).toBe("3 / 3 confirmations");
  });

  it("names every other state in words", () => {
    expect(depositStatusText(deposit({ status: "BELOW_MINIMUM" }))).toBe("Below minimum");
    expect(depositStatusText(deposit({ status: "HELD" }))).toBe("Held for review");
    expect(depositStatusText(deposit({ status: "CREDITED" }))).toBe("Credited");
    expect(depositStatusText(deposit({ status: "DROPPED" }))).toBe("Dropped by the network");
    expect(depositStatusText(deposit({ status: "REJECTED" }))).toBe("Refused");
  });
});
