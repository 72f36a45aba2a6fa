import { escapeHtml, type MailWords, mailLocaleOf, type UserLocale } from "../mail/mail-locale";
import type { OutgoingMail } from "../mail/mailer";
import type { Services } from "../services";
import type { WithdrawalDto } from "./withdrawal-views";

/** Who the mail goes to, and the language they read (`users.locale`). */
export interface WithdrawalMailRecipient {
  email: string;
  locale: string;
}

/** The words of each end state: subject first, then the body's paragraphs. */
interface EndWords {
  seeWallet: string;
  seeWalletAt: (page: string) => string;
  confirmed: (w: WithdrawalDto, what: string) => string[];
  rejected: (w: WithdrawalDto, what: string, total: string) => string[];
  cancelled: (what: string, total: string) => string[];
  failed: (w: WithdrawalDto, what: string, total: string) => string[];
  what: (w: WithdrawalDto) => string;
  total: (w: WithdrawalDto) => string;
}

const END: MailWords<EndWords> = {
  en: {
    seeWallet: "See your wallet",
    seeWalletAt: (page) => `See your wallet: ${page}`,
    what: (w) => `${w.amount} ${w.asset} to ${w.address}`,
    total: (w) => `${w.amount} ${w.asset} plus the ${w.fee} ${w.asset} fee`,
    confirmed: (w, what) => [
      "Your withdrawal arrived",
      `Your withdrawal of ${what} is confirmed on ${w.network}.`,
      `Transaction: ${w.txHash ?? "-"}`,
    ],
    rejected: (w, what, total) => [
      "Your withdrawal was rejected",
      `Your withdrawal of ${what} was rejected.`,
      `Reason: ${w.rejectReason ?? "-"}`,
      `The funds (${total}) are back in your available balance.`,
    ],
    cancelled: (what, total) => [
      "Your withdrawal was cancelled",
      `You cancelled your withdrawal of ${what}.`,
      `The funds (${total}) are back in your available balance.`,
    ],
    failed: (w, what, total) => [
      "Your withdrawal failed: funds returned",
      `Your withdrawal of ${what} failed on chain (${w.failureReason ?? "failed"}).`,
      `The funds (${total}) are back in your available balance.`,
    ],
  },
  "zh-CN": {
    seeWallet: "查看钱包",
    seeWalletAt: (page) => `查看钱包：${page}`,
    what: (w) => `${w.amount} ${w.asset}（至 ${w.address}）`,
    total: (w) => `${w.amount} ${w.asset} 及手续费 ${w.fee} ${w.asset}`,
    confirmed: (w, what) => [
      "您的提现已到账",
      `您提现的 ${what} 已在 ${w.network} 上确认。`,
      `交易哈希：${w.txHash ?? "-"}`,
    ],
    rejected: (w, what, total) => [
      "您的提现已被拒绝",
      `您提现的 ${what} 已被拒绝。`,
      `原因：${w.rejectReason ?? "-"}`,
      `资金（${total}）已退回您的可用余额。`,
    ],
    cancelled: (what, total) => [
      "您的提现已取消",
      `您已取消提现 ${what}。`,
      `资金（${total}）已退回您的可用余额。`,
    ],
    failed: (w, what, total) => [
      "您的提现失败，资金已退回",
      `您提现的 ${what} 在链上失败（${w.failureReason ?? "失败"}）。`,
      `资金（${total}）已退回您的可用余额。`,
    ],
  },
};

/**
 * The mail a user gets when a withdrawal reaches its end state: confirmed (with the transaction
 * hash), rejected (with finance's reason), cancelled, or failed ("funds returned"), in the
 * recipient's language.
 */
export function withdrawalEndMail(
  to: string,
  withdrawal: WithdrawalDto,
  webPublicUrl: string,
  locale: UserLocale = "en",
): OutgoingMail | undefined {
  const page = new URL("/wallet", webPublicUrl).toString();
  const words = END[locale];
  const lines = endLines(words, withdrawal);
  if (!lines) return undefined;
  const [subject, ...body] = lines;
  const text = `${body.join("\n\n")}\n\n${words.seeWalletAt(page)}\n`;
  const html = `${body.map((line) => `<p>${escapeHtml(line)}</p>`).join("")}<p><a href="${page}">${escapeHtml(words.seeWallet)}</a>.</p>`;
  return { to, subject: subject ?? "", text, html };
}

function endLines(words: EndWords, w: WithdrawalDto): string[] | undefined {
  const what = words.what(w);
  const total = words.total(w);
  switch (w.status) {
    case "CONFIRMED":
      return words.confirmed(w, what);
    case "REJECTED":
      return words.rejected(w, what, total);
    case "CANCELLED":
      return words.cancelled(what, total);
    case "FAILED":
      return words.failed(w, what, total);
    default:
      return undefined;
  }
}

/** Sends the end-state mail; a failure is logged, never thrown (the page shows the state too). */
export async function mailWithdrawalEnd(
  services: Services,
  recipient: WithdrawalMailRecipient,
  withdrawal: WithdrawalDto,
): Promise<void> {
  if (!services.mailer || !services.webPublicUrl) {
    services.log.warn("wallet: no mailer configured; the withdrawal mail was not sent");
    return;
  }
  const locale = mailLocaleOf(recipient.locale);
  const mail = withdrawalEndMail(recipient.email, withdrawal, services.webPublicUrl, locale);
  if (!mail) return;
  try {
    await services.mailer.send(mail);
  } catch (error) {
    services.log.error("wallet: the withdrawal mail could not be sent", {
      error,
      withdrawalId: withdrawal.id,
    });
  }
}
