import { formatUnits } from "@exchange/core";
import { z } from "zod";
import { ZDecimal, ZTime } from "./wire";

/**
 * `<SYMBOL>@markprice` and its stored copy (seed 001: the mark price push carries the index
 * price, the estimated settlement price and the funding rate). For spot lending the mark price
 * is the index: the median of the market's recent mids within a band around the last trade
 * (packages/domains lending/index-price.ts). A perpetual contract's carries its own mark (the
 * index plus the bounded average basis, packages/domains derivatives/mark-price.ts), the funding
 * rate the interval's premium samples give so far, and the next funding time; a spot market's
 * leaves those null.
 */
export const ZMarkPricePush = z.object({
  symbol: z.string(),
  markPrice: ZDecimal,
  indexPrice: ZDecimal,
  estimatedSettlePrice: ZDecimal.nullable(),
  fundingRate: ZDecimal.nullable(),
  nextFundingTime: ZTime.nullable(),
  /** When the index was taken. */
  time: ZTime,
});
export type MarkPricePush = z.output<typeof ZMarkPricePush>;
export type MarkPricePushWire = z.input<typeof ZMarkPricePush>;

/** A market's index in engine units: quote atoms per one whole unit of the base asset. */
export interface MarkPriceFacts {
  symbol: string;
  indexPriceAtoms: bigint;
  /** The quote asset's decimals (the price is written to the atom). */
  quotePrecision: number;
  /** Epoch ms of the index. */
  atMs: number;
  /** A perpetual's: its mark in quote atoms, the estimated rate (ppm) and the next funding time. */
  perpetual?: { markPriceAtoms: bigint; fundingRatePpm: number; nextFundingTime: number };
}

export function encodeMarkPrice(facts: MarkPriceFacts): MarkPricePushWire {
  const index = formatUnits(facts.indexPriceAtoms, facts.quotePrecision);
  const perpetual = facts.perpetual;
  return {
    symbol: facts.symbol,
    markPrice: perpetual ? formatUnits(perpetual.markPriceAtoms, facts.quotePrecision) : index,
    indexPrice: index,
    estimatedSettlePrice: null,
    fundingRate: perpetual ? ratePpmText(perpetual.fundingRatePpm) : null,
    nextFundingTime: perpetual ? perpetual.nextFundingTime : null,
    time: facts.atMs,
  };
}

/** A rate in ppm as a decimal fraction: 100 → "0.0001", −250 → "-0.00025". */
function ratePpmText(ratePpm: number): string {
  const text = formatUnits(BigInt(Math.abs(ratePpm)), 6);
  return ratePpm < 0 ? `-${text}` : text;
}
