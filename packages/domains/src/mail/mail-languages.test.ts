import { describe, expect, it } from "vitest";
import { type AlertMailFacts, alertRaisedMail, alertResolvedMail } from "../alerts/alert-mails";
import {
  alreadyRegisteredMail,
  passwordResetMail,
  verificationMail,
} from "../identity/mail-templates";
import { staffInviteMail, staffTwoFactorResetMail } from "../identity/staff-mails";
import { kycDecisionMail } from "../kyc/kyc-notifications";
import { withdrawalEndMail } from "../wallet/withdrawal-mails";
import type { WithdrawalDto } from "../wallet/withdrawal-views";
import { mailLocaleOf, USER_LOCALES, type UserLocale } from "./mail-locale";
import type { OutgoingMail } from "./mailer";

/**
 * Every mail a trader receives, in each language they can choose: the words are that language's
 * (Chinese mails carry Chinese and no leftover English sentence), every value the mail promises
 * (link, hours, amounts, reason) is filled in, and no placeholder is left unfilled.
 */
const LINK = "https://exchange.test/verify-email?token=abc_DEF-123";
const WEB = "https://exchange.test";
const withdrawal = (status: WithdrawalDto["status"]): WithdrawalDto => ({
  id: "7",
  asset: "USDT",
  network: "ethereum",
  address: "0x00000000000000000000000000000000000000aa",
  amount: "1234.500000",
  fee: "1.000000",
  status,
  confirmations: 12,
  confirmationsRequired: 12,
  txHash: "0xfeed",
  rejectReason: "address on a blocklist",
  failureReason: "out of gas",
  createdAt: 0,
  approvedAt: null,
  broadcastAt: null,
  endedAt: null,
});

const ALERT: AlertMailFacts = {
  id: 12,
  severity: "CRITICAL",
  source: "worker",
  message: "Consumer projector is stuck on entry 41",
  count: 3,
  firstSeenAt: new Date("2026-12-06T08:00:00Z"),
  systemPageUrl: "https://admin.exchange.test/system",
};

/** Each template rendered for a locale, with the values the reader must find in it. */
const TEMPLATES: Array<{
  name: string;
  render: (locale: UserLocale) => OutgoingMail | undefined;
  values: string[];
}> = [
  {
    name: "verification",
    render: (locale) => verificationMail("a@x.test", LINK, 24, locale),
    values: [LINK, "24"],
  },
  {
    name: "password reset",
    render: (locale) => passwordResetMail("a@x.test", LINK, 30, locale),
    values: [LINK, "30"],
  },
  {
    name: "already registered",
    render: (locale) => alreadyRegisteredMail("a@x.test", LINK, 30, locale),
    values: [LINK, "30"],
  },
  {
    name: "kyc approved",
    render: (locale) =>
      kycDecisionMail({ email: "a@x.test", locale, decision: "APPROVED", reason: null }, WEB),
    values: [`${WEB}/account/verification`],
  },
  {
    name: "kyc rejected",
    render: (locale) =>
      kycDecisionMail(
        { email: "a@x.test", locale, decision: "REJECTED", reason: "The photo is blurred" },
        WEB,
      ),
    values: [`${WEB}/account/verification`, "The photo is blurred"],
  },
  ...(["CONFIRMED", "REJECTED", "CANCELLED", "FAILED"] as const).map((status) => ({
    name: `withdrawal ${status.toLowerCase()}`,
    render: (locale: UserLocale) => withdrawalEndMail("a@x.test", withdrawal(status), WEB, locale),
    values: [`${WEB}/wallet`, "1234.500000 USDT", "0x00000000000000000000000000000000000000aa"],
  })),
  {
    name: "staff invitation",
    render: (locale) =>
      staffInviteMail("a@x.test", { name: "Mei Lin", link: LINK, validHours: 24, locale }),
    values: [LINK, "24", "Mei Lin"],
  },
  {
    name: "staff two-factor reset",
    render: (locale) =>
      staffTwoFactorResetMail("a@x.test", { name: "Mei Lin", link: LINK, validHours: 24, locale }),
    values: [LINK, "24", "Mei Lin"],
  },
  ...[false, true].map((reminder) => ({
    name: `alert ${reminder ? "reminder" : "raised"}`,
    render: (locale: UserLocale) => alertRaisedMail("a@x.test", ALERT, { reminder, locale }),
    values: [ALERT.message, "#12", "worker", "3", "https://admin.exchange.test/system"],
  })),
  {
    name: "alert resolved",
    render: (locale) => alertResolvedMail("a@x.test", ALERT, locale),
    values: [ALERT.message, "#12", "https://admin.exchange.test/system"],
  },
];

const CJK = /[\u4e00-\u9fff]/;
/** An English sentence (three Latin words in a row) left in a Chinese mail. */
const ENGLISH_WORDS = /\b[A-Za-z]{2,}\s+[A-Za-z]{2,}\s+[A-Za-z]{2,}\b/;

/** Words staff or the chain wrote (a reason): shown as written, in any language. */
const FREE_TEXT = [
  "The photo is blurred",
  "address on a blocklist",
  "out of gas",
  "Consumer projector is stuck on entry 41",
];

function visibleText(mail: OutgoingMail): string {
  const strip = (text: string) =>
    FREE_TEXT.reduce((rest, free) => rest.replaceAll(free, " "), text)
      .replace(/<[^>]*>/g, " ")
      .replace(/https?:\/\/\S+/g, " ")
      .replace(/0x[0-9a-f]+/gi, " ");
  return `${strip(mail.subject)}\n${strip(mail.text)}\n${strip(mail.html)}`;
}

describe("mails in the user's language", () => {
  for (const template of TEMPLATES) {
    it(`${template.name}: both languages, values filled in`, () => {
      const rendered = USER_LOCALES.map((locale) => template.render(locale));
      for (const mail of rendered) {
        if (!mail) throw new Error(`${template.name} rendered no mail`);
        expect(mail.to).toBe("a@x.test");
        for (const value of template.values) {
          expect(mail.text).toContain(value);
          expect(mail.html).toContain(value.replaceAll("&", "&amp;"));
        }
        expect(`${mail.subject}${mail.text}${mail.html}`).not.toMatch(/undefined|\$\{|\{\w+\}/);
      }
      const [en, zh] = rendered as [OutgoingMail, OutgoingMail];
      expect(en.subject).not.toBe(zh.subject);
      expect(visibleText(en)).not.toMatch(CJK);
      expect(zh.subject).toMatch(CJK);
      expect(zh.text).toMatch(CJK);
      expect(visibleText(zh).replace(/Exchange/g, "")).not.toMatch(ENGLISH_WORDS);
    });
  }

  it("the verification mail reads naturally in each language", () => {
    expect(verificationMail("a@x.test", LINK, 24, "en").subject).toBe(
      "Verify your email for Exchange",
    );
    const zh = verificationMail("a@x.test", LINK, 24, "zh-CN");
    expect(zh.subject).toBe("验证您在 Exchange 的邮箱");
    expect(zh.text).toContain("24 小时后失效");
    expect(zh.html).toContain('lang="zh-CN"');
  });

  it("a stored locale the mails do not know reads as English", () => {
    expect(mailLocaleOf("zh-CN")).toBe("zh-CN");
    expect(mailLocaleOf("fr")).toBe("en");
    expect(mailLocaleOf(null)).toBe("en");
    expect(mailLocaleOf(undefined)).toBe("en");
  });
});
