import { describe, expect, it } from "vitest";
import { bannerWords } from "./wallet-alert-banner";

describe("the wallet alert banner's words", () => {
  it("puts the low line first: those withdrawals wait", () => {
    expect(
      bannerWords([
        { kind: "HOT_WALLET_WARNING", assetCode: "ETH" },
        { kind: "HOT_WALLET_LOW", assetCode: "ETH" },
        { kind: "HOT_WALLET_LOW", assetCode: "USDT" },
      ]),
    ).toEqual({
      title: "Hot wallet low: ETH and USDT withdrawals wait",
      detail: "Top the hot wallet up above its low line.",
    });
  });

  it("names an asset only below its warning line apart, and reorganised deposits", () => {
    const words = bannerWords([
      { kind: "HOT_WALLET_LOW", assetCode: "USDT" },
      { kind: "HOT_WALLET_WARNING", assetCode: "ETH" },
      { kind: "DEPOSIT_REORGED", assetCode: "ETH" },
    ]);
    expect(words.title).toBe("Hot wallet low: USDT withdrawals wait");
    expect(words.detail).toBe(
      "ETH below the warning line. 1 credited deposit was reorganised away.",
    );
    expect(bannerWords([{ kind: "HOT_WALLET_WARNING", assetCode: "ETH" }])).toEqual({
      title: "Hot wallet below its warning line: ETH",
      detail: "Top it up before withdrawals have to wait.",
    });
    expect(bannerWords([{ kind: "DEPOSIT_REORGED", assetCode: "ETH" }]).title).toBe(
      "A credited deposit was reorganised away",
    );
  });
});
