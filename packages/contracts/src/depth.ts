import { z } from "zod";
import { type MarketDecimals, ZDecimal } from "./wire";

/** One price level: [price, quantity] as decimal strings; a quantity of "0" removes it. */
export const ZLevel = z.tuple([ZDecimal, ZDecimal]);
export type Level = z.output<typeof ZLevel>;

/**
 * Order-book depth, best level first. `seq` is the sequence of the last book change included;
 * diffs on `<symbol>@depth` carry `firstSeq`/`lastSeq`, and a client applies a diff only when
 * its `firstSeq` is `seq + 1` of what it holds (else it fetches a new snapshot).
 */
export const ZDepth = z.object({
  symbol: z.string(),
  seq: z.number().int(),
  bids: z.array(ZLevel),
  asks: z.array(ZLevel),
});
export type Depth = z.output<typeof ZDepth>;

/** `<SYMBOL>@depth` diff: the levels that changed between two book sequences. */
export const ZDepthDiff = z.object({
  type: z.literal("diff"),
  firstSeq: z.number().int(),
  lastSeq: z.number().int(),
  bids: z.array(ZLevel),
  asks: z.array(ZLevel),
  /** When the last change was made, epoch ms. */
  time: z.number().optional(),
});
export type DepthDiffWire = z.input<typeof ZDepthDiff>;

/** `<SYMBOL>@depth` snapshot, sent first to a new subscriber. */
export const ZDepthSnapshot = ZDepth.omit({ symbol: true }).extend({ type: z.literal("snapshot") });

/** What `<SYMBOL>@depth` pushes: a snapshot, then diffs. */
export const ZDepthPush = z.discriminatedUnion("type", [ZDepthSnapshot, ZDepthDiff]);
export type DepthPush = z.output<typeof ZDepthPush>;

/** Changed levels in engine units: price ticks → lots after the change (0 = removed). */
export interface DepthDiffFacts {
  firstSeq: number;
  lastSeq: number;
  bids: ReadonlyMap<bigint, bigint>;
  asks: ReadonlyMap<bigint, bigint>;
  /** Epoch ms of the command that made the last change. */
  ts: number;
}

export function encodeDepthDiff(diff: DepthDiffFacts, units: MarketDecimals): DepthDiffWire {
  return {
    type: "diff",
    firstSeq: diff.firstSeq,
    lastSeq: diff.lastSeq,
    bids: encodeLevels(diff.bids, units, "desc"),
    asks: encodeLevels(diff.asks, units, "asc"),
    time: diff.ts,
  };
}

/** Levels best first: bids high to low ("desc"), asks low to high ("asc"). */
export function encodeLevels(
  levels: ReadonlyMap<bigint, bigint>,
  units: MarketDecimals,
  order: "asc" | "desc",
): Level[] {
  const sorted = [...levels.entries()].sort(([a], [b]) =>
    a === b ? 0 : a < b === (order === "asc") ? -1 : 1,
  );
  return sorted.map(([price, qty]) => [units.price(price), units.quantity(qty)]);
}
