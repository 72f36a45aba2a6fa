import type { Deposit } from "@exchange/contracts/wallet";
import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { catalogs } from "../../i18n/messages";
import { depositStatusWords } from "./deposit-status";

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

function statusText(locale: "en" | "zh-CN", d: Deposit): string {
  const t = createTranslator({
    locale,
    messages: catalogs[locale],
    namespace: "wallet.depositStatus",
  });
  const { key, values } = depositStatusWords(d);
  return t(key, values);
}

describe("what a deposit's state reads as", () => {
  it("counts confirmations up to those required, never past them", () => {
    expect(statusText("en", deposit({ confirmations: 2 }))).toBe("2 / 3 confirmations");
    expect(statusText("en", deposit({ confirmations: 7 }))).toBe("3 / 3 confirmations");
    expect(statusText("zh-CN", deposit({ confirmations: 2 }))).toBe("2 / 3 个确认");
  });

  it("names every other state in words, in both languages", () => {
    expect(statusText("en", deposit({ status: "BELOW_MINIMUM" }))).toBe("Below minimum");
    expect(statusText("en", deposit({ status: "HELD" }))).toBe("Held for review");
    expect(statusText("en", deposit({ status: "CREDITED" }))).toBe("Credited");
    expect(statusText("en", deposit({ status: "DROPPED" }))).toBe("Dropped by the network");
    expect(statusText("en", deposit({ status: "REJECTED" }))).toBe("Refused");
    expect(statusText("zh-CN", deposit({ status: "CREDITED" }))).toBe("已到账");
    expect(statusText("zh-CN", deposit({ status: "HELD" }))).toBe("审核中");
  });
});
