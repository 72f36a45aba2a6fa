import { Redis } from "ioredis";
import {
  COMMAND_SEPARATOR,
  COMMANDS_PER_ENTRY_MAX,
  type ReplyLine,
  readReplyLines,
} from "./bus-frames";
import { type BusKeys, busKeys, COMMAND_FIELD, REPLY_TO_FIELD } from "./bus-keys";
import { stringifyWire } from "./codecs";
import { type EngineCommandInput, PROTOCOL_VERSION } from "./commands";
import { readOutcome } from "./event-json";
import type { EngineReply } from "./replies";

/** The engine did not answer in time. The command may still be applied: retry with its id. */
export class EngineTimeoutError extends Error {
  constructor(
    readonly commandId: string,
    readonly timeoutMs: number,
  ) {
    super(`engine did not answer command ${commandId} within ${timeoutMs} ms`);
    this.name = "EngineTimeoutError";
  }
}

interface Waiter {
  resolve(reply: EngineReply): void;
  reject(error: Error): void;
  timer: NodeJS.Timeout;
}

export interface EngineClientOptions {
  redisUrl: string;
  prefix: string;
  defaultTimeoutMs?: number;
}

/**
 * Request / reply over Redis: `send` XADDs a command to the engine's stream and resolves with
 * the engine's reply, which arrives on this instance's own pub/sub channel. A reply lost while
 * this instance was disconnected surfaces as a timeout; retrying with the same command id is
 * safe and returns the first result.
 */
export class EngineClient {
  readonly clientId = crypto.randomUUID();
  private readonly keys: BusKeys;
  private readonly waiters = new Map<string, Waiter[]>();
  private readonly defaultTimeoutMs: number;
  /** Wire texts sent in this turn of the event loop, written as one stream entry at its end. */
  private outbox: Array<{ id: string; wire: string }> = [];

  private constructor(
    private readonly redis: Redis,
    private readonly subscriber: Redis,
    options: EngineClientOptions,
  ) {
    this.keys = busKeys(options.prefix);
    this.defaultTimeoutMs = options.defaultTimeoutMs ?? 5_000;
  }

  static async connect(options: EngineClientOptions): Promise<EngineClient> {
    // Auto-pipelining batches the XADDs of concurrent sends into one round trip.
    const redis = new Redis(options.redisUrl, { lazyConnect: true, enableAutoPipelining: true });
    const subscriber = redis.duplicate();
    await Promise.all([redis.connect(), subscriber.connect()]);
    const client = new EngineClient(redis, subscriber, options);
    subscriber.on("message", (_channel, message) => client.receive(message));
    await subscriber.subscribe(client.keys.replies(client.clientId));
    return client;
  }

  send(command: EngineCommandInput, options: { timeoutMs?: number } = {}): Promise<EngineReply> {
    const timeoutMs = options.timeoutMs ?? this.defaultTimeoutMs;
    const reply = new Promise<EngineReply>((resolve, reject) => {
      const waiter: Waiter = {
        resolve,
        reject,
        timer: setTimeout(() => {
          this.forget(command.id, waiter);
          reject(new EngineTimeoutError(command.id, timeoutMs));
        }, timeoutMs),
      };
      const waiting = this.waiters.get(command.id);
      if (waiting) waiting.push(waiter);
      else this.waiters.set(command.id, [waiter]);
    });
    const wire = stringifyWire({ v: PROTOCOL_VERSION, ...command });
    const waiting = this.outbox.push({ id: command.id, wire });
    if (waiting === 1) setImmediate(() => this.flush());
    else if (waiting >= COMMANDS_PER_ENTRY_MAX) this.flush();
    return reply;
  }

  /** Writes the turn's commands as one entry (see bus-frames.ts); a failed write fails them all. */
  private flush(): void {
    if (this.outbox.length === 0) return;
    const sent = this.outbox;
    this.outbox = [];
    const texts = sent.map((s) => s.wire).join(COMMAND_SEPARATOR);
    this.redis
      .xadd(this.keys.commands, "*", COMMAND_FIELD, texts, REPLY_TO_FIELD, this.replyChannel)
      .catch((error: Error) => {
        for (const { id } of sent) this.fail(id, error);
      });
  }

  async close(): Promise<void> {
    for (const id of [...this.waiters.keys()]) this.fail(id, new Error("engine client closed"));
    await Promise.all([endConnection(this.subscriber), endConnection(this.redis)]);
  }

  private get replyChannel(): string {
    return this.keys.replies(this.clientId);
  }

  /**
   * The engine sends each client one message per batch, a line per reply (bus-frames.ts). They
   * come only from the engine: read with the fast reader, not re-validated, and an outcome is
   * parsed only when the caller reads it.
   */
  private receive(message: string): void {
    for (const line of readReplyLines(message)) {
      const waiting = this.waiters.get(line.id);
      if (!waiting) continue;
      this.waiters.delete(line.id);
      const reply = lazyReply(line);
      for (const waiter of waiting) {
        clearTimeout(waiter.timer);
        waiter.resolve(reply);
      }
    }
  }

  private forget(commandId: string, waiter: Waiter): void {
    const rest = (this.waiters.get(commandId) ?? []).filter((w) => w !== waiter);
    if (rest.length) this.waiters.set(commandId, rest);
    else this.waiters.delete(commandId);
  }

  private fail(commandId: string, error: Error): void {
    const waiting = this.waiters.get(commandId) ?? [];
    this.waiters.delete(commandId);
    for (const waiter of waiting) {
      clearTimeout(waiter.timer);
      waiter.reject(error);
    }
  }
}

/** A reply whose outcome is parsed on first read (an enumerable property, so it compares). */
function lazyReply(line: ReplyLine): EngineReply {
  let outcome: EngineReply["outcome"] | undefined;
  const reply = { id: line.id, seq: line.seq } as EngineReply;
  Object.defineProperty(reply, "outcome", {
    enumerable: true,
    get: () => {
      outcome ??= readOutcome(JSON.parse(line.outcomeText));
      return outcome;
    },
  });
  return reply;
}

/** Closes a connection politely, or at once when it is already going: closing is never an error. */
async function endConnection(redis: Redis): Promise<void> {
  if (redis.status === "end") return;
  await redis.quit().catch(() => redis.disconnect());
}
