import { createHash, timingSafeEqual } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { PRIVATE_TOPICS, topicOf } from "@exchange/contracts/channels";
import { StreamErrorCode } from "@exchange/contracts/stream-errors";
import { type Logger, streamBusChannel } from "@exchange/protocol";
import type { Redis } from "ioredis";
import { z } from "zod";
import { resolveChannel } from "./channels";
import { errorReply, OK_REPLY } from "./protocol";

/** Path of the internal publish endpoint (seed 001's `/v1/mesh/publish`). */
export const MESH_PUBLISH_PATH = "/v1/mesh/publish";

export interface MeshPublishOptions {
  /** Bearer token callers must present; undefined disables the endpoint. */
  token: string | undefined;
  maxBodyBytes: number;
  /** Connection for PUBLISH (the subscriber connection can do nothing else). */
  redis: Redis;
  prefix: string;
  log: Logger;
}

const ZPublishBody = z.strictObject({
  /** Bus channel: `<SYMBOL>@<topic>` or `<uid>@<private topic>`. */
  c: z.string().min(1).max(128),
  /** The event's `data`, as JSON text (seed 001: `"d": "{…}"`). */
  d: z.string().min(2),
});

/** Private topics other services may push to. */
const PUBLISHABLE_PRIVATE = new Set<string>(PRIVATE_TOPICS);
const USER_CHANNEL = /^([1-9]\d{0,15})@([a-z]+)$/;

/**
 * `POST /v1/mesh/publish` with `Authorization: Bearer <STREAM_PUBLISH_TOKEN>` and
 * `{"c":"<channel>","d":"<data JSON>"}`: other services push an event to a channel. It goes
 * through Redis, so every gateway instance delivers it to its own subscribers, as
 * `{"event":<client's channel>,"data":<d>}`. Depth is refused: its diffs are sequenced by the
 * market-data job, and a foreign message would break every client's sequence.
 */
export function createMeshPublishHandler(options: MeshPublishOptions) {
  const expected = options.token === undefined ? undefined : digest(options.token);
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const reply = (status: number, body: string) => {
      res.writeHead(status, { "content-type": "application/json" });
      res.end(body);
    };
    if (req.method !== "POST") {
      res.setHeader("allow", "POST");
      return reply(405, errorReply(StreamErrorCode.UNKNOWN_OP, "Use POST"));
    }
    if (!expected) {
      return reply(
        503,
        errorReply(StreamErrorCode.CHANNEL_UNAVAILABLE, "Publishing is disabled on this gateway"),
      );
    }
    if (!authorised(req.headers.authorization, expected)) {
      return reply(401, errorReply(StreamErrorCode.AUTH_FAILED, "Missing or wrong bearer token"));
    }
    const body = await readBody(req, options.maxBodyBytes);
    if (body === undefined) {
      return reply(
        413,
        errorReply(StreamErrorCode.MESSAGE_TOO_LARGE, `Body exceeds ${options.maxBodyBytes} bytes`),
      );
    }
    const parsed = parsePublish(body);
    if (!parsed.ok) return reply(400, errorReply(parsed.code, parsed.msg));
    const receivers = await options.redis.publish(
      streamBusChannel(options.prefix, parsed.channel),
      parsed.data,
    );
    options.log.debug("published", { channel: parsed.channel, receivers });
    return reply(200, OK_REPLY);
  };
}

type ParsedPublish =
  | { ok: true; channel: string; data: string }
  | { ok: false; code: StreamErrorCode; msg: string };

function parsePublish(body: string): ParsedPublish {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return { ok: false, code: StreamErrorCode.MALFORMED_MESSAGE, msg: "Malformed JSON" };
  }
  const shape = ZPublishBody.safeParse(json);
  if (!shape.success) {
    return {
      ok: false,
      code: StreamErrorCode.MALFORMED_MESSAGE,
      msg: 'Expected {"c": channel, "d": data JSON text}',
    };
  }
  const { c: channel, d: data } = shape.data;
  if (!validChannel(channel)) {
    return { ok: false, code: StreamErrorCode.INVALID_CHANNEL, msg: `Invalid channel: ${channel}` };
  }
  if (topicOf(channel) === "depth") {
    return {
      ok: false,
      code: StreamErrorCode.INVALID_CHANNEL,
      msg: "Depth is sequenced by the market-data job and cannot be published here",
    };
  }
  try {
    const value: unknown = JSON.parse(data);
    if (typeof value !== "object" || value === null) throw new Error("not an object");
  } catch {
    return {
      ok: false,
      code: StreamErrorCode.MALFORMED_MESSAGE,
      msg: '"d" must be a JSON object or array, as text',
    };
  }
  return { ok: true, channel, data };
}

function validChannel(channel: string): boolean {
  const user = USER_CHANNEL.exec(channel);
  if (user) return Number.isSafeInteger(Number(user[1])) && PUBLISHABLE_PRIVATE.has(user[2] ?? "");
  return !channel.startsWith("@") && resolveChannel(channel, undefined).ok;
}

/** Compares digests, so neither the token's content nor its length leaks through timing. */
function authorised(header: string | undefined, expected: Buffer): boolean {
  const match = /^Bearer (.+)$/.exec(header ?? "");
  return match !== null && timingSafeEqual(digest(match[1] as string), expected);
}

function digest(text: string): Buffer {
  return createHash("sha256").update(text, "utf8").digest();
}

/** The body as text, or undefined once it exceeds `maxBytes` (the rest is not read). */
function readBody(req: IncomingMessage, maxBytes: number): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.byteLength;
      if (size > maxBytes) {
        req.removeAllListeners("data");
        req.resume();
        resolve(undefined);
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}
