/**
 * The local mail server of `npm run dev` and the tests: MailDev (an SMTP server that accepts
 * every message, a web inbox and a REST API), loopback only, no auth, no TLS.
 *
 *   GET    /                 the inbox (MailDev's web UI)
 *   GET    /api/email        every message as JSON, in arrival order (MIME parsed by MailDev)
 *   DELETE /api/email/all    empties the inbox
 *   GET    /api/healthz      true
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { MailDev } from "maildev";

export interface MailSink {
  /** What apps put in SMTP_URL. */
  smtpUrl: string;
  /** Base URL of the inbox (JSON under /api). */
  inboxUrl: string;
  stop(): Promise<void>;
}

const HOST = "127.0.0.1";
/** Oldest messages go beyond this, so a long dev session does not grow without bound. */
const MAX_MESSAGES = 1_000;
const MAX_MESSAGE_BYTES = 5 * 1024 * 1024;

/** Starts MailDev on `ports` (0: any free port) and answers where it listens. */
export async function startMailSink(ports: { smtp: number; http: number }): Promise<MailSink> {
  // Its own directory per run: MailDev keeps each message's source on disk and prunes the
  // directory on start, and parallel runs must not prune each other's mail.
  const directory = await mkdtemp(join(tmpdir(), "exchange-mail-"));
  const server = new MailDev({
    smtp: ports.smtp,
    ip: HOST,
    web: ports.http,
    webIp: HOST,
    mailDirectory: directory,
    maxEmails: MAX_MESSAGES,
    maxMessageSize: MAX_MESSAGE_BYTES,
    silent: true,
  });
  const { smtp, api } = await server.start();
  const smtpPort = smtp.getPort();
  const httpPort = api?.getPort();
  if (!smtpPort || !httpPort) throw new Error("MailDev did not start its SMTP and web servers");
  return {
    smtpUrl: `smtp://${HOST}:${smtpPort}`,
    inboxUrl: `http://${HOST}:${httpPort}`,
    stop: async () => {
      await server.stop();
      await rm(directory, { recursive: true, force: true });
    },
  };
}
