import { topicOf } from "@exchange/contracts/channels";
import {
  ASK_FIELD_PREFIX,
  BID_FIELD_PREFIX,
  DEPTH_SEQ_FIELD,
  marketDataKeys,
  parseLevelValue,
} from "@exchange/contracts/market-data-keys";
import type { Redis } from "ioredis";

/**
 * What a new subscriber of a stateful channel gets before the live stream: the depth snapshot
 * of `<SYMBOL>@depth`, the current ticker of `<SYMBOL>@ticker`, the latest index and mark price
 * of `<SYMBOL>@markprice`. Read from the keys the worker writes (packages/contracts
 * market-data-keys.ts): sorting the depth hash's level fields sorts the prices; the ticker and
 * the mark price are stored as published, with their `time`.
 */
export interface InitialState {
  /** The complete frame to send after `{"result":true}`. */
  frame: string;
  /** Whether a live frame's payload, held back meanwhile, is newer than this state. */
  isNewer(payload: Buffer): boolean;
}

const STATEFUL_TOPICS = ["depth", "ticker", "markprice"] as const;
export type StatefulTopic = (typeof STATEFUL_TOPICS)[number];

/** The channel's stateful topic, or undefined for channels that stream only. */
export function statefulTopic(busName: string): StatefulTopic | undefined {
  const topic = topicOf(busName);
  return (STATEFUL_TOPICS as readonly string[]).includes(topic)
    ? (topic as StatefulTopic)
    : undefined;
}

interface PendingRead {
  promise: Promise<InitialState | null>;
}

/**
 * Reads initial states, one Redis read per channel for all the subscribers who asked since the
 * last read went out: ten thousand clients subscribing at once cost a handful of reads. A
 * subscriber only joins a read that has not been sent yet, so the state it gets is never older
 * than the moment it started holding live frames back.
 */
export class InitialStateReader {
  private readonly unsent = new Map<string, PendingRead>();

  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  /** The state, or null when a depth snapshot is missing (no such market, or no worker yet). */
  read(busName: string, topic: StatefulTopic): Promise<InitialState | null> {
    const waiting = this.unsent.get(busName);
    if (waiting) return waiting.promise;
    const pending: PendingRead = {
      promise: new Promise((resolve, reject) => {
        setImmediate(() => {
          this.unsent.delete(busName);
          const read =
            topic === "depth" ? this.readDepth(busName) : this.readStored(busName, topic);
          read.then(resolve, reject);
        });
      }),
    };
    this.unsent.set(busName, pending);
    return pending.promise;
  }

  private async readDepth(channel: string): Promise<InitialState | null> {
    const symbol = channel.slice(0, channel.indexOf("@"));
    const hash = await this.redis.hgetall(marketDataKeys(this.prefix).depth(symbol));
    if (hash[DEPTH_SEQ_FIELD] === undefined) return null;
    const seq = Number(hash[DEPTH_SEQ_FIELD]);
    const side = (prefix: string, bestFirst: "desc" | "asc") => {
      const fields = Object.keys(hash).filter((field) => field.startsWith(prefix));
      fields.sort();
      if (bestFirst === "desc") fields.reverse();
      return fields.map((field) => parseLevelValue(hash[field] as string));
    };
    const data = {
      type: "snapshot",
      seq,
      bids: side(BID_FIELD_PREFIX, "desc"),
      asks: side(ASK_FIELD_PREFIX, "asc"),
    };
    return {
      frame: JSON.stringify({ event: channel, data }),
      // A diff is newer when it ends after the snapshot; the worker writes snapshot and diff in
      // one atomic step, so no diff straddles a snapshot.
      isNewer: (payload) => (dataOf<{ lastSeq?: number }>(payload).lastSeq ?? 0) > seq,
    };
  }

  /** A value stored as published, with its `time` (the ticker, the mark price). */
  private async readStored(
    channel: string,
    topic: "ticker" | "markprice",
  ): Promise<InitialState | null> {
    const symbol = channel.slice(0, channel.indexOf("@"));
    const text = await this.redis.get(marketDataKeys(this.prefix)[topic](symbol));
    if (text === null) return { frame: "", isNewer: () => true };
    const time = (JSON.parse(text) as { time?: number }).time ?? 0;
    return {
      frame: `{"event":${JSON.stringify(channel)},"data":${text}}`,
      isNewer: (payload) => (dataOf<{ time?: number }>(payload).time ?? 0) > time,
    };
  }
}

function dataOf<T>(payload: Buffer): T {
  return (JSON.parse(payload.toString("utf8")) as { data: T }).data;
}
