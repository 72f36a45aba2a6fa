import { escapeHtml, type MailWords, mailLocaleOf } from "../mail/mail-locale";
import type { OutgoingMail } from "../mail/mailer";
import type { Services } from "../services";

export interface KycDecisionMail {
  email: string;
  /** The recipient's `users.locale`: the mail is written in it. */
  locale: string;
  decision: "APPROVED" | "REJECTED";
  reason: string | null;
}

interface DecisionWords {
  approvedSubject: string;
  approvedBody: string;
  approvedLink: string;
  rejectedSubject: string;
  reasonLabel: string;
  rejectedLink: string;
  /** The plain-text line that carries the page's address. */
  linkLine: (page: string, label: string) => string;
}

const DECISION: MailWords<DecisionWords> = {
  en: {
    approvedSubject: "Your identity is verified",
    approvedBody: "Your account is now at level 1: you can trade and withdraw.",
    approvedLink: "See your limits",
    rejectedSubject: "We could not verify your identity",
    reasonLabel: "Reason:",
    rejectedLink: "You can correct this and submit again",
    linkLine: (page, label) => `${label} at ${page}`,
  },
  "zh-CN": {
    approvedSubject: "您的身份认证已通过",
    approvedBody: "您的账户现为 1 级：可以交易和提现。",
    approvedLink: "查看您的额度",
    rejectedSubject: "您的身份认证未通过",
    reasonLabel: "原因：",
    rejectedLink: "您可以修改后重新提交",
    linkLine: (page, label) => `${label}：${page}`,
  },
};

/** The mail that tells a user how their identity review ended, and where to go next. */
export function kycDecisionMail(decision: KycDecisionMail, webPublicUrl: string): OutgoingMail {
  const page = new URL("/account/verification", webPublicUrl).toString();
  const words = DECISION[mailLocaleOf(decision.locale)];
  if (decision.decision === "APPROVED") {
    return {
      to: decision.email,
      subject: words.approvedSubject,
      text: `${words.approvedSubject}.\n\n${words.approvedBody} ${words.linkLine(page, words.approvedLink)}\n`,
      html: `<p>${escapeHtml(words.approvedSubject)}.</p><p>${escapeHtml(words.approvedBody)} <a href="${page}">${escapeHtml(words.approvedLink)}</a>.</p>`,
    };
  }
  const reason = decision.reason ?? "";
  return {
    to: decision.email,
    subject: words.rejectedSubject,
    text: `${words.rejectedSubject}.\n\n${words.reasonLabel} ${reason}\n\n${words.linkLine(page, words.rejectedLink)}\n`,
    html: `<p>${escapeHtml(words.rejectedSubject)}.</p><p><strong>${escapeHtml(words.reasonLabel)}</strong> ${escapeHtml(reason)}</p><p><a href="${page}">${escapeHtml(words.rejectedLink)}</a>.</p>`,
  };
}

/**
 * Mails the user after a decision is committed. A mail failure must not undo or fail the
 * decision (the user also sees it on their verification page), so it is logged, not thrown.
 * An app without a mailer (no SMTP configured) skips the mail, and says so.
 */
export async function notifyKycDecision(
  services: Services,
  decision: KycDecisionMail,
): Promise<void> {
  if (!services.mailer || !services.webPublicUrl) {
    services.log.warn("kyc: no mailer configured; the decision mail was not sent");
    return;
  }
  try {
    await services.mailer.send(kycDecisionMail(decision, services.webPublicUrl));
  } catch (error) {
    services.log.error("kyc: the decision mail could not be sent", { error });
  }
}
