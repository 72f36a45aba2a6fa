import type { NotificationType } from "@exchange/contracts/notification";
import { escapeHtml, type MailWords, mailLocaleOf } from "../mail/mail-locale";
import type { OutgoingMail } from "../mail/mailer";

type Params = Record<string, string>;

/** A mail's words: its subject and its sentence, from the notification's facts. */
interface TypeWords {
  subject: (p: Params) => string;
  body: (p: Params) => string;
}

/**
 * The mails the notification pass sends (the types whose mail the trader chooses). Types whose
 * mail is always sent are mailed by their own domain, with its own words, so they have none here.
 */
type PassMailedType =
  | "deposit.credited"
  | "withdrawal.sent"
  | "order.largeFill"
  | "loan.warning"
  | "loan.liquidated"
  | "loan.maturing"
  | "position.liquidated";

interface NotificationMailWords {
  types: Record<PassMailedType, TypeWords>;
  seeAll: string;
  seeAllAt: (page: string) => string;
  choose: string;
}

const WORDS: MailWords<NotificationMailWords> = {
  en: {
    types: {
      "deposit.credited": {
        subject: (p) => `Deposit credited: ${p.amount} ${p.asset}`,
        body: (p) => `Your deposit of ${p.amount} ${p.asset} is in your available balance.`,
      },
      "withdrawal.sent": {
        subject: (p) => `Withdrawal sent: ${p.amount} ${p.asset}`,
        body: (p) =>
          `Your withdrawal of ${p.amount} ${p.asset} to ${p.address} was sent to the network. We will mail you again when it is confirmed.`,
      },
      "order.largeFill": {
        subject: (p) => `Large fill on ${p.symbol}`,
        body: (p) =>
          `Your order to ${p.side === "buy" ? "buy" : "sell"} was filled: ${p.quantity} at ${p.price} on ${p.symbol}, worth ${p.quoteAmount} ${p.quoteAsset}.`,
      },
      "loan.warning": {
        subject: (p) => `Your ${p.collateralAsset} loan reached its warning line`,
        body: (p) =>
          `The ${p.collateralAsset} index is at ${p.indexPrice} ${p.loanAsset}; your loan's LTV is ${p.ltv} %. It will be liquidated at ${p.liquidationPrice} ${p.loanAsset}: repay part of it or add collateral to keep it.`,
      },
      "loan.liquidated": {
        subject: (p) => `Your ${p.collateralAsset} loan was liquidated`,
        body: (p) =>
          `${p.sold} ${p.collateralAsset} of your collateral was sold in ${p.fills} fills to repay the loan. ${p.surplus} ${p.loanAsset} and ${p.collateralReturned} ${p.collateralAsset} were returned to your balance.`,
      },
      "loan.maturing": {
        subject: (p) => `Your ${p.collateralAsset} loan matures within a day`,
        body: (p) =>
          `Your loan of ${p.debt} ${p.loanAsset} against ${p.collateralAsset} matures at ${utcText(p.maturesAt)} UTC. Repay it before then, or it will be closed by selling your collateral.`,
      },
      "position.liquidated": {
        subject: (p) => `Your ${p.symbol} position was liquidated`,
        body: (p) =>
          `The mark price of ${p.symbol} reached ${p.markPrice}: your ${p.side} position of ${p.quantity} fell to its maintenance margin and was closed (bankruptcy price ${p.bankruptcyPrice}). Its remaining margin went to the insurance fund.`,
      },
    },
    seeAll: "See your notifications",
    seeAllAt: (page) => `See your notifications: ${page}`,
    choose: "You can choose which notifications also come by mail on that page.",
  },
  "zh-CN": {
    types: {
      "deposit.credited": {
        subject: (p) => `充值已到账：${p.amount} ${p.asset}`,
        body: (p) => `您充值的 ${p.amount} ${p.asset} 已计入可用余额。`,
      },
      "withdrawal.sent": {
        subject: (p) => `提现已发出：${p.amount} ${p.asset}`,
        body: (p) =>
          `您提现至 ${p.address} 的 ${p.amount} ${p.asset} 已发送到网络。确认后我们会再次发邮件通知您。`,
      },
      "order.largeFill": {
        subject: (p) => `${p.symbol} 大额成交`,
        body: (p) =>
          `您的${p.side === "buy" ? "买单" : "卖单"}已成交：${p.symbol} 数量 ${p.quantity}，价格 ${p.price}，成交额 ${p.quoteAmount} ${p.quoteAsset}。`,
      },
      "loan.warning": {
        subject: (p) => `您的 ${p.collateralAsset} 借贷已达预警线`,
        body: (p) =>
          `${p.collateralAsset} 指数价格为 ${p.indexPrice} ${p.loanAsset}，您的借贷质押率为 ${p.ltv}%。价格跌至 ${p.liquidationPrice} ${p.loanAsset} 将被强制平仓：请还款或追加质押物。`,
      },
      "loan.liquidated": {
        subject: (p) => `您的 ${p.collateralAsset} 借贷已被强制平仓`,
        body: (p) =>
          `您的质押物 ${p.sold} ${p.collateralAsset} 已分 ${p.fills} 笔成交卖出以偿还借款。${p.surplus} ${p.loanAsset} 和 ${p.collateralReturned} ${p.collateralAsset} 已退回您的余额。`,
      },
      "loan.maturing": {
        subject: (p) => `您的 ${p.collateralAsset} 借贷将在一天内到期`,
        body: (p) =>
          `您以 ${p.collateralAsset} 质押借入的 ${p.debt} ${p.loanAsset} 将于 ${utcText(p.maturesAt)}（协调世界时）到期。请在此之前还款，否则将卖出质押物以结清借款。`,
      },
      "position.liquidated": {
        subject: (p) => `您的 ${p.symbol} 仓位已被强制平仓`,
        body: (p) =>
          `${p.symbol} 标记价格达到 ${p.markPrice}：您数量为 ${p.quantity} 的${p.side === "long" ? "多头" : "空头"}仓位保证金已降至维持保证金，已被强制平仓（破产价格 ${p.bankruptcyPrice}）。剩余保证金已转入风险保障基金。`,
      },
    },
    seeAll: "查看通知",
    seeAllAt: (page) => `查看通知：${page}`,
    choose: "您可以在该页面选择哪些通知同时发送邮件。",
  },
};

/** An epoch-ms fact as "YYYY-MM-DD HH:MM" in UTC: a mail has no reader's zone. */
function utcText(epochMs: string | undefined): string {
  const at = new Date(Number(epochMs));
  return Number.isNaN(at.getTime()) ? "" : at.toISOString().slice(0, 16).replace("T", " ");
}

export function isPassMailedType(type: string): type is PassMailedType {
  return Object.hasOwn(WORDS.en.types, type);
}

/** The mail of one notification, in its reader's language; undefined for a type mailed elsewhere. */
export function notificationMail(
  notification: { type: NotificationType | string; params: Params },
  reader: { email: string; locale: string },
  webPublicUrl: string,
): OutgoingMail | undefined {
  if (!isPassMailedType(notification.type)) return undefined;
  const words = WORDS[mailLocaleOf(reader.locale)];
  const type = words.types[notification.type];
  const subject = type.subject(notification.params);
  const body = type.body(notification.params);
  const page = new URL("/notifications", webPublicUrl).toString();
  return {
    to: reader.email,
    subject,
    text: `${body}\n\n${words.seeAllAt(page)}\n${words.choose}\n`,
    html: `<p>${escapeHtml(body)}</p><p><a href="${page}">${escapeHtml(words.seeAll)}</a>. ${escapeHtml(words.choose)}</p>`,
  };
}
