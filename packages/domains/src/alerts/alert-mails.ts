import { escapeHtml, type MailWords, type UserLocale } from "../mail/mail-locale";
import type { OutgoingMail } from "../mail/mailer";
import type { AlertSeverity } from "./alert-rules";

/**
 * The alert center's mails to on-call staff: one when an alert opens (or a reminder while
 * nobody has acknowledged it), one when its check passes again. Staff have no stored language:
 * the worker writes them in ALERT_MAIL_LOCALE.
 */

/** What a mail says of one alert. */
export interface AlertMailFacts {
  id: number;
  severity: AlertSeverity;
  source: string;
  message: string;
  count: number;
  firstSeenAt: Date;
  /** The admin console's System page, when the worker knows the console's address. */
  systemPageUrl?: string | undefined;
}

interface AlertMailWords {
  subject: string;
  lines: string[];
}

const SEVERITY: MailWords<Record<AlertSeverity, string>> = {
  en: { CRITICAL: "Critical", WARNING: "Warning" },
  "zh-CN": { CRITICAL: "严重", WARNING: "警告" },
};

const RAISED: MailWords<(a: AlertMailFacts, reminder: boolean) => AlertMailWords> = {
  en: (a, reminder) => ({
    subject: `[${SEVERITY.en[a.severity]}]${reminder ? " still open:" : ""} ${a.source}: ${a.message}`,
    lines: [
      `${reminder ? "Still open, and nobody has acknowledged it" : "A new alert"} (#${a.id}) from ${a.source}:`,
      a.message,
      `First seen ${a.firstSeenAt.toISOString()}, reported ${a.count} time(s) since.`,
      "Acknowledge it on the System page of the admin console; no further mail comes while it stays open.",
    ],
  }),
  "zh-CN": (a, reminder) => ({
    subject: `【${SEVERITY["zh-CN"][a.severity]}】${reminder ? "仍未处理：" : ""}${a.source}：${a.message}`,
    lines: [
      `${reminder ? "告警仍未解决，且无人确认" : "新告警"}（#${a.id}），来源 ${a.source}：`,
      a.message,
      `首次出现于 ${a.firstSeenAt.toISOString()}，此后共报告 ${a.count} 次。`,
      "请在管理后台的“系统”页面确认该告警；告警未解决期间不会再发送邮件。",
    ],
  }),
};

const RESOLVED: MailWords<(a: AlertMailFacts) => AlertMailWords> = {
  en: (a) => ({
    subject: `[Resolved] ${a.source}: ${a.message}`,
    lines: [
      `Alert #${a.id} from ${a.source} is resolved: its check passes again.`,
      a.message,
      `It was first seen ${a.firstSeenAt.toISOString()} and reported ${a.count} time(s).`,
    ],
  }),
  "zh-CN": (a) => ({
    subject: `【已恢复】${a.source}：${a.message}`,
    lines: [
      `来自 ${a.source} 的告警 #${a.id} 已恢复：检查再次通过。`,
      a.message,
      `首次出现于 ${a.firstSeenAt.toISOString()}，共报告 ${a.count} 次。`,
    ],
  }),
};

const LINK: MailWords<string> = { en: "Open the System page", "zh-CN": "打开系统页面" };

export function alertRaisedMail(
  to: string,
  alert: AlertMailFacts,
  options: { reminder: boolean; locale: UserLocale },
): OutgoingMail {
  return render(to, RAISED[options.locale](alert, options.reminder), alert, options.locale);
}

export function alertResolvedMail(
  to: string,
  alert: AlertMailFacts,
  locale: UserLocale,
): OutgoingMail {
  return render(to, RESOLVED[locale](alert), alert, locale);
}

function render(
  to: string,
  words: AlertMailWords,
  alert: AlertMailFacts,
  locale: UserLocale,
): OutgoingMail {
  const url = alert.systemPageUrl;
  const text = `${words.lines.join("\n\n")}${url ? `\n\n${LINK[locale]}: ${url}` : ""}\n\n— Exchange\n`;
  const html = `${words.lines.map((line) => `<p>${escapeHtml(line)}</p>`).join("")}${
    url ? `<p><a href="${escapeHtml(url)}">${escapeHtml(LINK[locale])}</a></p>` : ""
  }`;
  // A subject is one line of bounded length, whatever the message held.
  const subject = words.subject.replace(/\s+/g, " ").slice(0, 200);
  return { to, subject, text, html };
}
