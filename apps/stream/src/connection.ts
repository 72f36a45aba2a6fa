import { verifyStreamToken } from "@exchange/protocol";
import type { WebSocket } from "ws";
import { resolveChannel } from "./channels";
import type { FanOut, Subscriber } from "./fan-out";
import {
  type ClientMessage,
  errorReply,
  OK_REPLY,
  parseClientMessage,
  StreamErrorCode,
} from "./protocol";

export interface ConnectionLimits {
  maxSubscriptions: number;
  maxMessageBytes: number;
  maxMessagesPerSecond: number;
}

export interface ConnectionDeps {
  fanOut: FanOut;
  limits: ConnectionLimits;
  tokenSecret: string;
  now: () => number;
}

/**
 * One client's session: its authenticated user (if any), its subscriptions and its message
 * budget. Errors are answered and the connection lives on, except an oversized message, after
 * which it is closed (a client that sends those is broken or hostile).
 */
export class StreamConnection implements Subscriber {
  private userId: number | undefined;
  /** client channel name → bus name */
  private readonly subscriptions = new Map<string, string>();
  private windowStartMs = 0;
  private messagesInWindow = 0;
  private answeredLastPing = true;

  constructor(
    private readonly socket: WebSocket,
    private readonly deps: ConnectionDeps,
  ) {}

  send(frame: string): void {
    if (this.socket.readyState === this.socket.OPEN) this.socket.send(frame);
  }

  async receive(data: Buffer, isBinary: boolean): Promise<void> {
    if (data.byteLength > this.deps.limits.maxMessageBytes) {
      this.send(
        errorReply(
          StreamErrorCode.MESSAGE_TOO_LARGE,
          `Message exceeds ${this.deps.limits.maxMessageBytes} bytes`,
        ),
      );
      this.socket.close(1009, "message too large");
      return;
    }
    if (this.overBudget()) {
      this.send(errorReply(StreamErrorCode.RATE_LIMITED, "Too many messages; slow down"));
      return;
    }
    if (isBinary) {
      this.send(errorReply(StreamErrorCode.MALFORMED_MESSAGE, "Binary frames are not supported"));
      return;
    }
    const parsed = parseClientMessage(data.toString("utf8"));
    if (!parsed.ok) {
      this.send(parsed.reply);
      return;
    }
    this.send(await this.handle(parsed.message));
  }

  /** Pings the client; one that never answered the previous ping is cut off. */
  heartbeat(): void {
    if (!this.answeredLastPing) {
      this.socket.terminate();
      return;
    }
    this.answeredLastPing = false;
    this.socket.ping();
  }

  markAlive(): void {
    this.answeredLastPing = true;
  }

  /** Drops every subscription; call when the socket closes. */
  async close(): Promise<void> {
    const busNames = [...this.subscriptions.values()];
    this.subscriptions.clear();
    await Promise.all(busNames.map((busName) => this.deps.fanOut.remove(busName, this)));
  }

  private async handle(message: ClientMessage): Promise<string> {
    switch (message.op) {
      case "auth":
        return this.authenticate(message.token);
      case "subscribe":
        return this.subscribe(message.channel);
      case "unsubscribe":
        return this.unsubscribe(message.channel);
    }
  }

  private authenticate(token: string): string {
    const claims = verifyStreamToken(token, this.deps.tokenSecret, this.deps.now());
    if (!claims) return errorReply(StreamErrorCode.AUTH_FAILED, "Invalid or expired token");
    if (this.userId !== undefined && this.userId !== claims.userId) {
      return errorReply(StreamErrorCode.AUTH_FAILED, "Connection is authenticated as another user");
    }
    this.userId = claims.userId;
    return OK_REPLY;
  }

  private async subscribe(channel: string): Promise<string> {
    if (this.subscriptions.has(channel)) return OK_REPLY;
    const resolved = resolveChannel(channel, this.userId);
    if (!resolved.ok) return errorReply(resolved.code, resolved.msg);
    if (this.subscriptions.size >= this.deps.limits.maxSubscriptions) {
      return errorReply(
        StreamErrorCode.TOO_MANY_SUBSCRIPTIONS,
        `At most ${this.deps.limits.maxSubscriptions} subscriptions per connection`,
      );
    }
    this.subscriptions.set(channel, resolved.busName);
    await this.deps.fanOut.add(resolved.busName, channel, this);
    return OK_REPLY;
  }

  private async unsubscribe(channel: string): Promise<string> {
    const busName = this.subscriptions.get(channel);
    if (busName === undefined) {
      const resolved = resolveChannel(channel, this.userId);
      // Unsubscribing from a valid channel one never joined is harmless: the outcome holds.
      return resolved.ok || resolved.code === StreamErrorCode.NOT_AUTHENTICATED
        ? OK_REPLY
        : errorReply(resolved.code, resolved.msg);
    }
    this.subscriptions.delete(channel);
    await this.deps.fanOut.remove(busName, this);
    return OK_REPLY;
  }

  private overBudget(): boolean {
    const nowMs = this.deps.now();
    if (nowMs - this.windowStartMs >= 1_000) {
      this.windowStartMs = nowMs;
      this.messagesInWindow = 0;
    }
    this.messagesInWindow += 1;
    return this.messagesInWindow > this.deps.limits.maxMessagesPerSecond;
  }
}
