import { NOTIFICATION_TYPE_NAMES, NOTIFICATION_TYPES } from "@exchange/contracts/notification";
import { describe, expect, it } from "vitest";
import { USER_LOCALES } from "../mail/mail-locale";
import { isPassMailedType, notificationMail } from "./notification-mails";

const PARAMS = {
  asset: "USDT",
  amount: "125.5",
  address: "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed",
  symbol: "BTCUSDT",
  side: "buy",
  quantity: "0.5",
  price: "60000",
  quoteAmount: "30000",
  quoteAsset: "USDT",
  reason: "Name does not match",
  level: "1",
  collateralAsset: "BTC",
  loanAsset: "USDT",
  ltv: "94.2",
  indexPrice: "25500",
  liquidationPrice: "24600",
  sold: "0.95",
  fills: "3",
  surplus: "350.25",
  collateralReturned: "0.05",
  debt: "24001.5",
  maturesAt: String(Date.UTC(2027, 0, 8, 12, 30)),
  markPrice: "45180.7",
  bankruptcyPrice: "45000",
};

describe("notification mails", () => {
  it("tell a maturing loan's time in UTC, written in each language", () => {
    const mail = (locale: string) =>
      notificationMail(
        { type: "loan.maturing", params: PARAMS },
        { email: "a@example.com", locale },
        "https://exchange.example",
      );
    expect(mail("en")?.text).toContain("matures at 2027-01-08 12:30 UTC");
    expect(mail("zh-CN")?.text).toContain("将于 2027-01-08 12:30（协调世界时）到期");
  });

  it("are written for exactly the types the trader chooses; security mails come from their domain", () => {
    for (const type of NOTIFICATION_TYPE_NAMES) {
      expect(isPassMailedType(type)).toBe(NOTIFICATION_TYPES[type].kind === "optional");
    }
  });

  it.each(USER_LOCALES)(
    "read in %s, with the facts and a link to the notifications page",
    (locale) => {
      for (const type of NOTIFICATION_TYPE_NAMES.filter(isPassMailedType)) {
        const mail = notificationMail(
          { type, params: PARAMS },
          { email: "reader@example.test", locale },
          "https://exchange.example",
        );
        expect(mail?.to).toBe("reader@example.test");
        expect(mail?.subject).not.toContain("undefined");
        expect(mail?.text).toContain("https://exchange.example/notifications");
        expect(mail?.text).not.toContain("undefined");
        expect(mail?.html).toContain('href="https://exchange.example/notifications"');
      }
    },
  );

  it("speak the reader's language", () => {
    const reader = (locale: string) => ({ email: "r@example.test", locale });
    const deposit = { type: "deposit.credited", params: PARAMS };
    const url = "https://exchange.example";
    expect(notificationMail(deposit, reader("en"), url)?.subject).toBe(
      "Deposit credited: 125.5 USDT",
    );
    expect(notificationMail(deposit, reader("zh-CN"), url)?.subject).toBe("充值已到账：125.5 USDT");
  });

  it("escape what the facts hold in the HTML body", () => {
    const mail = notificationMail(
      { type: "withdrawal.sent", params: { ...PARAMS, address: "<b>x</b>" } },
      { email: "r@example.test", locale: "en" },
      "https://exchange.example",
    );
    expect(mail?.html).not.toContain("<b>x</b>");
    expect(mail?.html).toContain("&lt;b&gt;x&lt;/b&gt;");
  });
});
