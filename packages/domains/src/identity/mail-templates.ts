import type { OutgoingMail } from "../mail/mailer";

/**
 * The identity mails. Plain text carries the link on a line of its own (every client can open
 * it); the HTML part is the same words with a button, inline-styled as mail clients require.
 */
export function verificationMail(to: string, link: string, validHours: number): OutgoingMail {
  return linkMail(to, {
    subject: "Verify your email for Exchange",
    intro:
      "Welcome to Exchange. Confirm that this address is yours to finish creating your account.",
    action: "Verify email",
    link,
    outro: `The link works once and expires in ${validHours} hours. If you did not create an account, ignore this mail.`,
  });
}

export function passwordResetMail(to: string, link: string, validMinutes: number): OutgoingMail {
  return linkMail(to, {
    subject: "Reset your Exchange password",
    intro: "Someone, hopefully you, asked to reset the password of your Exchange account.",
    action: "Choose a new password",
    link,
    outro: `The link works once and expires in ${validMinutes} minutes. If you did not ask for it, ignore this mail: your password stays as it is.`,
  });
}

/** Registration with an address that already has an account: the owner hears of it, nobody else. */
export function alreadyRegisteredMail(
  to: string,
  link: string,
  validMinutes: number,
): OutgoingMail {
  return linkMail(to, {
    subject: "Your Exchange account",
    intro:
      "Someone tried to create an Exchange account with this address, which already has one. If it was you and you forgot your password, you can choose a new one.",
    action: "Choose a new password",
    link,
    outro: `The link works once and expires in ${validMinutes} minutes. If it was not you, ignore this mail: nothing changed.`,
  });
}

function linkMail(
  to: string,
  words: { subject: string; intro: string; action: string; link: string; outro: string },
): OutgoingMail {
  const text = `${words.intro}\n\n${words.action}:\n${words.link}\n\n${words.outro}\n\n— Exchange\n`;
  const html = `<!doctype html><html><body style="margin:0;background:#0b0e11;padding:32px 16px;font-family:-apple-system,Segoe UI,Roboto,Helvetica,Arial,sans-serif;color:#eaecef">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0"><tr><td align="center">
<table role="presentation" width="480" cellpadding="0" cellspacing="0" style="max-width:480px;background:#12161c;border:1px solid #222831;border-radius:12px;padding:32px">
<tr><td style="font-size:18px;font-weight:600;padding-bottom:16px">Exchange</td></tr>
<tr><td style="font-size:14px;line-height:22px;color:#9aa3ae;padding-bottom:24px">${escapeHtml(words.intro)}</td></tr>
<tr><td style="padding-bottom:24px"><a href="${escapeHtml(words.link)}" style="display:inline-block;background:#3b82f6;color:#ffffff;text-decoration:none;font-weight:600;font-size:14px;padding:12px 20px;border-radius:6px">${escapeHtml(words.action)}</a></td></tr>
<tr><td style="font-size:12px;line-height:18px;color:#646d79;word-break:break-all;padding-bottom:16px">Or paste this link into your browser: ${escapeHtml(words.link)}</td></tr>
<tr><td style="font-size:12px;line-height:18px;color:#646d79">${escapeHtml(words.outro)}</td></tr>
</table></td></tr></table></body></html>`;
  return { to, subject: words.subject, text, html };
}

function escapeHtml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}

/** The words of the "password changed" mail in each language the app speaks (`users.locale`). */
const PASSWORD_CHANGED_WORDS = {
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
} as const;

/** Tells the owner their password changed while logged in, with the way back if it was not them. */
export function passwordChangedMail(to: string, locale: string, resetLink: string): OutgoingMail {
  const words = locale === "zh-CN" ? PASSWORD_CHANGED_WORDS["zh-CN"] : PASSWORD_CHANGED_WORDS.en;
  return linkMail(to, { ...words, link: resetLink });
}
