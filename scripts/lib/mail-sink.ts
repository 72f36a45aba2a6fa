/**
 * The local mail sink of `npm run dev` and the tests: an SMTP server that accepts every message
 * (no auth, no TLS, loopback only) and keeps it in memory, and an HTTP server that shows them.
 *
 *   GET    /                     readable inbox (newest first); /messages/:id one message
 *   GET    /api/messages?to=a@b  JSON, newest first, optionally only mail to one address
 *   GET    /api/messages/:id     JSON of one message
 *   DELETE /api/messages         empties the inbox
 *   GET    /health               "ok"
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { type ParsedMail, parseMail } from "../../packages/domains/src/mail/mime";

export interface SinkMessage extends ParsedMail {
  id: number;
  receivedAt: string;
  /** Envelope recipients (RCPT TO), lower-cased: who really got it, Bcc included. */
  recipients: string[];
}

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

export async function startMailSink(ports: { smtp: number; http: number }): Promise<MailSink> {
  const messages: SinkMessage[] = [];
  let nextId = 1;
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["AUTH", "STARTTLS"],
    size: MAX_MESSAGE_BYTES,
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        const recipients = session.envelope.rcptTo.map((r) => r.address.toLowerCase());
        const parsed = parseMail(Buffer.concat(chunks).toString("utf8"));
        messages.unshift({
          id: nextId++,
          receivedAt: new Date().toISOString(),
          recipients,
          ...parsed,
        });
        messages.length = Math.min(messages.length, MAX_MESSAGES);
        callback();
      });
    },
  });
  const http = createServer((request, response) => serve(messages, request, response));
  const smtpPort = await listen(smtp.server, ports.smtp);
  const httpPort = await listen(http, ports.http);
  return {
    smtpUrl: `smtp://${HOST}:${smtpPort}`,
    inboxUrl: `http://${HOST}:${httpPort}`,
    stop: async () => {
      await Promise.all([
        new Promise<void>((resolve) => smtp.close(() => resolve())),
        new Promise<void>((resolve) => http.close(() => resolve())),
      ]);
    },
  };
}

function listen(server: import("node:net").Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, HOST, () => resolve((server.address() as AddressInfo).port));
  });
}

function serve(messages: SinkMessage[], request: IncomingMessage, response: ServerResponse) {
  const url = new URL(request.url ?? "/", `http://${HOST}`);
  const byId = (id: string | undefined) => messages.find((m) => m.id === Number(id));
  const path = url.pathname;
  if (path === "/health") return send(response, 200, "text/plain", "ok");
  if (path === "/api/messages" && request.method === "DELETE") {
    messages.length = 0;
    return send(response, 204, "text/plain", "");
  }
  if (path === "/api/messages") {
    const to = url.searchParams.get("to")?.trim().toLowerCase();
    const found = to
      ? messages.filter((m) => m.recipients.includes(to) || m.to.includes(to))
      : messages;
    return send(response, 200, "application/json", JSON.stringify(found));
  }
  const apiMatch = path.match(/^\/api\/messages\/(\d+)$/);
  if (apiMatch) {
    const message = byId(apiMatch[1]);
    return message
      ? send(response, 200, "application/json", JSON.stringify(message))
      : send(response, 404, "application/json", JSON.stringify({ error: "no such message" }));
  }
  if (path === "/") return send(response, 200, "text/html; charset=utf-8", inboxPage(messages));
  const pageMatch = path.match(/^\/messages\/(\d+)$/);
  const message = pageMatch ? byId(pageMatch[1]) : undefined;
  if (message) return send(response, 200, "text/html; charset=utf-8", messagePage(message));
  return send(response, 404, "text/plain", "not found");
}

function send(response: ServerResponse, status: number, type: string, body: string) {
  response.writeHead(status, { "content-type": type, "cache-control": "no-store" });
  response.end(body);
}

const STYLE = `<style>
body{margin:0;background:#0b0e14;color:#e6e8ee;font:14px/1.5 system-ui,sans-serif}
header{display:flex;align-items:center;gap:12px;padding:14px 24px;border-bottom:1px solid #232a38;background:#131722}
h1{font-size:15px;margin:0}main{padding:16px 24px;max-width:1100px}
table{width:100%;border-collapse:collapse}th,td{text-align:left;padding:8px 10px;border-bottom:1px solid #1c2230;font-size:13px}
th{color:#7d8597;font-weight:500}a{color:#f0b90b;text-decoration:none}a:hover{text-decoration:underline}
.muted{color:#7d8597}.empty{padding:48px;text-align:center;color:#7d8597}
pre{white-space:pre-wrap;background:#131722;border:1px solid #232a38;border-radius:8px;padding:12px}
iframe{width:100%;height:520px;border:1px solid #232a38;border-radius:8px;background:#fff}
dl{display:grid;grid-template-columns:90px 1fr;gap:4px 12px}dt{color:#7d8597}dd{margin:0}
</style>`;

function inboxPage(messages: SinkMessage[]): string {
  const rows = messages
    .map(
      (m) =>
        `<tr><td class="muted">${escapeHtml(m.receivedAt.replace("T", " ").slice(0, 19))}</td><td>${escapeHtml(m.recipients.join(", "))}</td><td><a href="/messages/${m.id}">${escapeHtml(m.subject || "(no subject)")}</a></td></tr>`,
    )
    .join("");
  const body = messages.length
    ? `<table><thead><tr><th>Received (UTC)</th><th>To</th><th>Subject</th></tr></thead><tbody>${rows}</tbody></table>`
    : `<div class="empty">No mail yet. Register on the web app and the verification mail lands here.</div>`;
  return `<!doctype html><html><head><meta charset="utf-8"><title>Mail sink (${messages.length})</title><meta http-equiv="refresh" content="5">${STYLE}</head><body><header><h1>Local mail sink</h1><span class="muted">${messages.length} message(s) · refreshes every 5 s · JSON at <a href="/api/messages">/api/messages</a></span></header><main>${body}</main></body></html>`;
}

function messagePage(message: SinkMessage): string {
  const html = message.html
    ? `<h2>HTML</h2><iframe sandbox="allow-popups allow-popups-to-escape-sandbox" srcdoc="${escapeHtml(message.html)}"></iframe>`
    : "";
  return `<!doctype html><html><head><meta charset="utf-8"><title>${escapeHtml(message.subject)}</title>${STYLE}</head><body><header><a href="/">← Inbox</a><h1>${escapeHtml(message.subject)}</h1></header><main><dl><dt>From</dt><dd>${escapeHtml(message.from)}</dd><dt>To</dt><dd>${escapeHtml(message.recipients.join(", "))}</dd><dt>Received</dt><dd>${escapeHtml(message.receivedAt)}</dd></dl><h2>Text</h2><pre>${escapeHtml(message.text)}</pre>${html}</main></body></html>`;
}

function escapeHtml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}
