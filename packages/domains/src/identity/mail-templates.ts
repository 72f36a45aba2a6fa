import { escapeHtml, type MailWords, mailLocaleOf, type UserLocale } from "../mail/mail-locale";
import type { OutgoingMail } from "../mail/mailer";

/**
 * The identity mails, in the recipient's language (`users.locale`). Plain text carries the link
 * on a line of its own (every client can open it); the HTML part is the same words with a
 * button, inline-styled as mail clients require.
 */
interface LinkMailWords {
  subject: string;
  intro: string;
  action: string;
  outro: string;
}

const VERIFICATION: MailWords<(validHours: number) => LinkMailWords> = {
  en: (validHours) => ({
    subject: "Verify your email for Exchange",
    intro:
      "Welcome to Exchange. Confirm that this address is yours to finish creating your account.",
    action: "Verify email",
    outro: `The link works once and expires in ${validHours} hours. If you did not create an account, ignore this mail.`,
  }),
  "zh-CN": (validHours) => ({
    subject: "验证您在 Exchange 的邮箱",
    intro: "欢迎来到 Exchange。请确认此邮箱属于您，以完成账户注册。",
    action: "验证邮箱",
    outro: `该链接仅可使用一次，${validHours} 小时后失效。如果您没有注册账户，请忽略此邮件。`,
  }),
};

const PASSWORD_RESET: MailWords<(validMinutes: number) => LinkMailWords> = {
  en: (validMinutes) => ({
    subject: "Reset your Exchange password",
    intro: "Someone, hopefully you, asked to reset the password of your Exchange account.",
    action: "Choose a new password",
    outro: `The link works once and expires in ${validMinutes} minutes. If you did not ask for it, ignore this mail: your password stays as it is.`,
  }),
  "zh-CN": (validMinutes) => ({
    subject: "重置您的 Exchange 密码",
    intro: "有人（希望是您本人）申请重置您 Exchange 账户的密码。",
    action: "设置新密码",
    outro: `该链接仅可使用一次，${validMinutes} 分钟后失效。如果不是您本人申请，请忽略此邮件，您的密码不会改变。`,
  }),
};

const ALREADY_REGISTERED: MailWords<(validMinutes: number) => LinkMailWords> = {
  en: (validMinutes) => ({
    subject: "Your Exchange account",
    intro:
      "Someone tried to create an Exchange account with this address, which already has one. If it was you and you forgot your password, you can choose a new one.",
    action: "Choose a new password",
    outro: `The link works once and expires in ${validMinutes} minutes. If it was not you, ignore this mail: nothing changed.`,
  }),
  "zh-CN": (validMinutes) => ({
    subject: "您的 Exchange 账户",
    intro:
      "有人尝试用此邮箱注册 Exchange 账户，但该邮箱已有账户。如果是您本人且忘记了密码，可以设置新密码。",
    action: "设置新密码",
    outro: `该链接仅可使用一次，${validMinutes} 分钟后失效。如果不是您本人操作，请忽略此邮件，账户没有任何变化。`,
  }),
};

/** The frame around every link mail: the fallback line under the button and the signature. */
const LINK_FRAME: MailWords<{ pasteLink: string; signature: string }> = {
  en: { pasteLink: "Or paste this link into your browser:", signature: "— Exchange" },
  "zh-CN": { pasteLink: "或将此链接复制到浏览器中打开：", signature: "— Exchange 团队" },
};

export function verificationMail(
  to: string,
  link: string,
  validHours: number,
  locale: UserLocale,
): OutgoingMail {
  return linkMail(to, { ...VERIFICATION[locale](validHours), link }, locale);
}

export function passwordResetMail(
  to: string,
  link: string,
  validMinutes: number,
  locale: UserLocale,
): OutgoingMail {
  return linkMail(to, { ...PASSWORD_RESET[locale](validMinutes), link }, locale);
}

/** Registration with an address that already has an account: the owner hears of it, nobody else. */
export function alreadyRegisteredMail(
  to: string,
  link: string,
  validMinutes: number,
  locale: UserLocale,
): OutgoingMail {
  return linkMail(to, { ...ALREADY_REGISTERED[locale](validMinutes), link }, locale);
}

export function linkMail(
  to: string,
  words: { subject: string; intro: string; action: string; link: string; outro: string },
  locale: UserLocale = "en",
): OutgoingMail {
  const frame = LINK_FRAME[locale];
  const text = `${words.intro}\n\n${words.action}:\n${words.link}\n\n${words.outro}\n\n${frame.signature}\n`;
  const html = `<!doctype html><html lang="${locale}"><body style="margin:0;background:#0b0e11;padding:32px 16px;font-family:-apple-system,Segoe UI,Roboto,Helvetica,Arial,'PingFang SC','Microsoft YaHei',sans-serif;color:#eaecef">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0"><tr><td align="center">
<table role="presentation" width="480" cellpadding="0" cellspacing="0" style="max-width:480px;background:#12161c;border:1px solid #222831;border-radius:12px;padding:32px">
<tr><td style="font-size:18px;font-weight:600;padding-bottom:16px">Exchange</td></tr>
<tr><td style="font-size:14px;line-height:22px;color:#9aa3ae;padding-bottom:24px">${escapeHtml(words.intro)}</td></tr>
<tr><td style="padding-bottom:24px"><a href="${escapeHtml(words.link)}" style="display:inline-block;background:#2563eb;color:#ffffff;text-decoration:none;font-weight:600;font-size:14px;padding:12px 20px;border-radius:6px">${escapeHtml(words.action)}</a></td></tr>
<tr><td style="font-size:12px;line-height:18px;color:#848d99;word-break:break-all;padding-bottom:16px">${escapeHtml(frame.pasteLink)} ${escapeHtml(words.link)}</td></tr>
<tr><td style="font-size:12px;line-height:18px;color:#848d99">${escapeHtml(words.outro)}</td></tr>
</table></td></tr></table></body></html>`;
  return { to, subject: words.subject, text, html };
}
const PASSWORD_CHANGED: MailWords<LinkMailWords> = {
  en: {
    subject: "Your Exchange password was changed",
    intro:
      "The password of your Exchange account was just changed, and every other session of the account was logged out.",
    action: "Reset your password",
    outro:
      "If this was you, there is nothing to do. If it was not, reset your password at once with the link above and turn on two-factor authentication.",
  },
  "zh-CN": {
    subject: "您的 Exchange 密码已修改",
    intro: "您的 Exchange 账户密码刚刚被修改，该账户的其他所有登录会话均已退出。",
    action: "重置密码",
    outro: "如果是您本人操作，无需任何处理。如果不是，请立即通过上方链接重置密码，并开启双重验证。",
  },
};

/** Tells the owner their password changed while logged in, with the way back if it was not them. */
export function passwordChangedMail(to: string, locale: string, resetLink: string): OutgoingMail {
  const language = mailLocaleOf(locale);
  return linkMail(to, { ...PASSWORD_CHANGED[language], link: resetLink }, language);
}
