import { formatUnits } from "@exchange/core";
import { z } from "zod";
import { ZDecimal, ZTime } from "./wire";

/**
 * `<SYMBOL>@markprice` and its stored copy (seed 001: the mark price push carries the index
 * price, the estimated settlement price and the funding rate). For spot lending the mark price
 * is the index: the median of the market's recent mids within a band around the last trade
 * (packages/domains lending/index-price.ts). The settlement and funding fields belong to
 * perpetual contracts and are null until they exist.
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
}

export function encodeMarkPrice(facts: MarkPriceFacts): MarkPricePushWire {
  const index = formatUnits(facts.indexPriceAtoms, facts.quotePrecision);
  return {
    symbol: facts.symbol,
    markPrice: index,
    indexPrice: index,
    estimatedSettlePrice: null,
    fundingRate: null,
    nextFundingTime: null,
    time: facts.atMs,
  };
}
