import type { MailWords, UserLocale } from "../mail/mail-locale";
import type { OutgoingMail } from "../mail/mailer";
import { linkMail } from "./mail-templates";

/**
 * Mails to staff about their own account: an invitation, and a fresh set-up link after a lost
 * two-factor was reset. Written in the language of the console the administrator used (staff
 * have no stored language); both carry a one-time link into the console.
 */
interface StaffMailWords {
  subject: string;
  intro: string;
  action: string;
  outro: string;
}

const INVITE: MailWords<(name: string, validHours: number) => StaffMailWords> = {
  en: (name, validHours) => ({
    subject: "You are invited to the Exchange admin console",
    intro: `Hello ${name}, an administrator invited you to the Exchange admin console. Choose your password and set up two-factor authentication to open it.`,
    action: "Accept the invitation",
    outro: `The link works once and expires in ${validHours} hours. If you did not expect it, ignore this mail.`,
  }),
  "zh-CN": (name, validHours) => ({
    subject: "邀请您加入 Exchange 管理后台",
    intro: `${name}，您好：管理员邀请您加入 Exchange 管理后台。请设置密码并开启双重验证后进入后台。`,
    action: "接受邀请",
    outro: `该链接仅可使用一次，${validHours} 小时后失效。如果您并未预期此邮件，请忽略。`,
  }),
};

const TWO_FACTOR_RESET: MailWords<(name: string, validHours: number) => StaffMailWords> = {
  en: (name, validHours) => ({
    subject: "Set up two-factor again for the Exchange admin console",
    intro: `Hello ${name}, two administrators reset your two-factor authentication, and your sessions were logged out. Log in with your password and set up two-factor again.`,
    action: "Set up two-factor",
    outro: `The link works once and expires in ${validHours} hours. If you did not ask for a reset, tell an administrator at once.`,
  }),
  "zh-CN": (name, validHours) => ({
    subject: "请重新设置 Exchange 管理后台的双重验证",
    intro: `${name}，您好：两位管理员已重置您的双重验证，您的所有登录会话均已退出。请用密码登录并重新设置双重验证。`,
    action: "设置双重验证",
    outro: `该链接仅可使用一次，${validHours} 小时后失效。如果您没有申请重置，请立即告知管理员。`,
  }),
};

export function staffInviteMail(
  to: string,
  mail: { name: string; link: string; validHours: number; locale: UserLocale },
): OutgoingMail {
  const words = INVITE[mail.locale](mail.name, mail.validHours);
  return linkMail(to, { ...words, link: mail.link }, mail.locale);
}

export function staffTwoFactorResetMail(
  to: string,
  mail: { name: string; link: string; validHours: number; locale: UserLocale },
): OutgoingMail {
  const words = TWO_FACTOR_RESET[mail.locale](mail.name, mail.validHours);
  return linkMail(to, { ...words, link: mail.link }, mail.locale);
}
