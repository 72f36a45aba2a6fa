import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { catalogs } from "../../i18n/messages";
import { type BannerAlert, type BannerText, bannerWords } from "./wallet-alert-banner";

function wordsIn(locale: "en" | "zh-CN") {
  const t = createTranslator({
    locale,
    messages: catalogs[locale] as (typeof catalogs)["en"],
    namespace: "treasury.banner",
  });
  const text: BannerText = (key, values) => t(key, values as never);
  return (alerts: readonly BannerAlert[]) => bannerWords(alerts, text, locale);
}

describe("the wallet alert banner's words", () => {
  const english = wordsIn("en");

  it("puts the low line first: those withdrawals wait", () => {
    expect(
      english([
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
    const words = english([
      { kind: "HOT_WALLET_LOW", assetCode: "USDT" },
      { kind: "HOT_WALLET_WARNING", assetCode: "ETH" },
      { kind: "DEPOSIT_REORGED", assetCode: "ETH" },
    ]);
    expect(words.title).toBe("Hot wallet low: USDT withdrawals wait");
    expect(words.detail).toBe(
      "ETH below the warning line. 1 credited deposit was reorganised away.",
    );
    expect(english([{ kind: "HOT_WALLET_WARNING", assetCode: "ETH" }])).toEqual({
      title: "Hot wallet below its warning line: ETH",
      detail: "Top it up before withdrawals have to wait.",
    });
    expect(english([{ kind: "DEPOSIT_REORGED", assetCode: "ETH" }]).title).toBe(
      "A credited deposit was reorganised away",
    );
  });

  it("counts reorganised deposits in the plural", () => {
    const words = english([
      { kind: "HOT_WALLET_WARNING", assetCode: "ETH" },
      { kind: "DEPOSIT_REORGED", assetCode: "ETH" },
      { kind: "DEPOSIT_REORGED", assetCode: "USDT" },
    ]);
    expect(words.detail).toBe(
      "Top it up before withdrawals have to wait. 2 credited deposits were reorganised away.",
    );
  });

  it("speaks Chinese to Chinese-reading staff, asset codes untouched", () => {
    const words = wordsIn("zh-CN")([
      { kind: "HOT_WALLET_LOW", assetCode: "ETH" },
      { kind: "HOT_WALLET_LOW", assetCode: "USDT" },
    ]);
    expect(words.title).toContain("ETH");
    expect(words.title).toContain("USDT");
    expect(words.title).not.toMatch(/[A-Za-z]{4,}(?<!USDT)/);
    expect(words.title).toMatch(/[\u4e00-\u9fff]/);
    expect(words.detail).toMatch(/[\u4e00-\u9fff]/);
  });
});
