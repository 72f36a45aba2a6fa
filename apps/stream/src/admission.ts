import type { IncomingMessage } from "node:http";
import { clientAddress } from "@exchange/protocol";
import type { StreamEnv } from "./env";

/** Why an upgrade is refused, as the HTTP answer the client reads instead of a socket. */
export interface Refusal {
  status: 403 | 429 | 503;
  reason: string;
}

/**
 * Decides who may open a connection, before the WebSocket handshake: a page of an allowed
 * origin (or a client that is no browser page), from an address holding fewer connections than
 * its cap, while the instance is under its total cap. Counts the connections it admits until
 * `release` is called for them.
 */
export class Admission {
  private readonly perAddress = new Map<string, number>();
  private total = 0;
  private readonly allowedOrigins: Set<string>;

  constructor(private readonly env: StreamEnv) {
    this.allowedOrigins = new Set(env.STREAM_ALLOWED_ORIGINS.map((url) => new URL(url).origin));
  }

  /** The address the request counts against (see clientAddress). */
  addressOf(req: IncomingMessage): string {
    const address = clientAddress({
      forwardedFor: req.headers["x-forwarded-for"]?.toString(),
      socketAddress: req.socket.remoteAddress,
      trustedProxyHops: this.env.TRUSTED_PROXY_HOPS,
    });
    return address ?? "unknown";
  }

  /** A refusal, or undefined after counting the connection against its address and the total. */
  admit(req: IncomingMessage, address: string): Refusal | undefined {
    const origin = req.headers.origin;
    if (origin !== undefined && !this.allowedOrigins.has(origin)) {
      return { status: 403, reason: `Origin ${origin} may not connect to this gateway.` };
    }
    if (this.total >= this.env.STREAM_MAX_CONNECTIONS) {
      return { status: 503, reason: "The gateway is at its connection limit; retry shortly." };
    }
    const held = this.perAddress.get(address) ?? 0;
    if (held >= this.env.STREAM_MAX_CONNECTIONS_PER_IP) {
      const cap = this.env.STREAM_MAX_CONNECTIONS_PER_IP;
      return { status: 429, reason: `At most ${cap} connections per address; close one first.` };
    }
    this.perAddress.set(address, held + 1);
    this.total += 1;
    return undefined;
  }

  /** Forgets one admitted connection of `address` (it closed, or its handshake failed). */
  release(address: string): void {
    const held = this.perAddress.get(address) ?? 0;
    if (held <= 1) this.perAddress.delete(address);
    else this.perAddress.set(address, held - 1);
    this.total = Math.max(0, this.total - 1);
  }
}

const STATUS_TEXT: Record<Refusal["status"], string> = {
  403: "Forbidden",
  429: "Too Many Requests",
  503: "Service Unavailable",
};

/** The raw HTTP answer of a refused upgrade (the socket has not become a WebSocket). */
export function refusalResponse({ status, reason }: Refusal): string {
  const body = `${reason}\n`;
  return [
    `HTTP/1.1 ${status} ${STATUS_TEXT[status]}`,
    "Content-Type: text/plain; charset=utf-8",
    `Content-Length: ${Buffer.byteLength(body)}`,
    "Connection: close",
    "",
    body,
  ].join("\r\n");
}
