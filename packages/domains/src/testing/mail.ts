/**
 * Reading the run's local mail server (MailDev, started by scripts/lib/mail-sink.ts) from
 * integration tests: the latest mail to an address, waiting for it to arrive, and the links in
 * it. MailDev parses the MIME; this only picks the fields the tests read.
 */
import { runVar } from "@exchange/protocol/testing";
export interface ReceivedMail {
  id: string;
  subject: string;
  /** The From header as written: `Exchange <no-reply@exchange.test>`. */
  from: string;
  /** Envelope recipients (RCPT TO), lower-cased: who really got it, Bcc included. */
  recipients: string[];
  text: string;
  html: string;
  receivedAt: string;
}

/** The part of MailDev's `GET /api/email` answer that the tests read. */
interface MailDevEmail {
  id: string;
  time: string;
  subject?: string;
  from?: Array<{ address: string; name?: string }>;
  to?: Array<{ address: string }>;
  envelope?: { to?: Array<{ address: string }> };
  text?: string;
  html?: string;
}

function sinkUrl(): string {
  const url = runVar("MAIL_SINK_URL");
  if (!url) throw new Error("MAIL_SINK_URL is not set: run under vitest's integration project");
  return url;
}

function received(email: MailDevEmail): ReceivedMail {
  return {
    id: email.id,
    subject: email.subject ?? "",
    from: (email.from ?? [])
      .map((a) => (a.name ? `${a.name} <${a.address}>` : a.address))
      .join(", "),
    recipients: (email.envelope?.to ?? email.to ?? []).map((a) => a.address.toLowerCase()),
    text: email.text ?? "",
    html: email.html ?? "",
    receivedAt: new Date(email.time).toISOString(),
  };
}

/** Every mail in the inbox, oldest first (MailDev answers in arrival order). */
async function inbox(): Promise<ReceivedMail[]> {
  const response = await fetch(`${sinkUrl()}/api/email`);
  if (!response.ok) throw new Error(`mail server answered ${response.status}`);
  return ((await response.json()) as MailDevEmail[]).map(received);
}

/** Every mail to `email`, newest first. */
export async function mailsTo(email: string): Promise<ReceivedMail[]> {
  const address = email.trim().toLowerCase();
  return (await inbox()).filter((mail) => mail.recipients.includes(address)).reverse();
}

/**
 * The newest mail to `email` (optionally whose subject matches), waiting up to `timeoutMs`
 * for one to arrive. `after`: only mails newer than this one (to wait for a second mail).
 */
export async function latestMailTo(
  email: string,
  options: { subject?: RegExp; after?: ReceivedMail; timeoutMs?: number } = {},
): Promise<ReceivedMail> {
  const deadline = Date.now() + (options.timeoutMs ?? 5_000);
  for (;;) {
    const mails = await mailsTo(email);
    // Newest first: what came after `after` is what stands before it in the list.
    const afterIndex = options.after
      ? mails.findIndex((mail) => mail.id === options.after?.id)
      : -1;
    const newer = afterIndex === -1 ? mails : mails.slice(0, afterIndex);
    const found = newer.find((mail) => !options.subject || options.subject.test(mail.subject));
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`no mail to ${email} within the time allowed`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The first link in a mail's text whose path starts with `path` (e.g. "/verify-email"). */
export function linkIn(mail: ReceivedMail, path: string): URL {
  for (const match of mail.text.matchAll(/https?:\/\/\S+/g)) {
    const url = new URL(match[0]);
    if (url.pathname.startsWith(path)) return url;
  }
  throw new Error(`no ${path} link in "${mail.subject}"`);
}

/** The `token` parameter of that link. */
export function tokenIn(mail: ReceivedMail, path: string): string {
  const token = linkIn(mail, path).searchParams.get("token");
  if (!token) throw new Error(`the ${path} link in "${mail.subject}" has no token`);
  return token;
}
