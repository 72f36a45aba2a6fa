/**
 * Reading the run's mail sink (scripts/lib/mail-sink.ts) from integration tests: the latest
 * mail to an address, waiting for it to arrive, and the links in it.
 */
import { runVar } from "@exchange/protocol/testing";
export interface ReceivedMail {
  id: number;
  subject: string;
  from: string;
  recipients: string[];
  text: string;
  html: string;
  receivedAt: string;
}

function sinkUrl(): string {
  const url = runVar("MAIL_SINK_URL");
  if (!url) throw new Error("MAIL_SINK_URL is not set: run under vitest's integration project");
  return url;
}

/** Every mail to `email`, newest first. */
export async function mailsTo(email: string): Promise<ReceivedMail[]> {
  const response = await fetch(
    `${sinkUrl()}/api/messages?to=${encodeURIComponent(email.trim().toLowerCase())}`,
  );
  if (!response.ok) throw new Error(`mail sink answered ${response.status}`);
  return (await response.json()) as ReceivedMail[];
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
    const found = (await mailsTo(email)).find(
      (mail) =>
        (!options.subject || options.subject.test(mail.subject)) &&
        (!options.after || mail.id > options.after.id),
    );
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
