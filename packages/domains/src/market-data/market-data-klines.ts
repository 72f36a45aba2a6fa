import { encodeKline, type KlineInterval, type KlinePushWire } from "@exchange/contracts/kline";
import type { MarketUnits } from "@exchange/contracts/money";
import type { z } from "zod";
import { marketDirectory } from "../markets/market-directory";
import type { Services } from "../services";
import type { ZKlinesInput, ZKlinesRangeInput } from "./market-data-contracts";
import { findKlines, findKlinesInRange } from "./market-data-repository";

/**
 * A market's candles of one interval, oldest first (as charts draw them): the `limit` latest,
 * or the `limit` latest opening before `before`. Stored in engine units; converted here.
 */
export async function readKlines(
  services: Services,
  input: z.output<typeof ZKlinesInput>,
): Promise<KlinePushWire[]> {
  const { units } = await marketDirectory(services).get(input.symbol);
  const rows = await findKlines(services.db, input);
  return encodeKlines(input, rows.reverse(), units);
}

/**
 * A market's candles of one interval within a time range, oldest first: from `startTime` the
 * `limit` earliest, else the `limit` latest up to `endTime` (or now).
 */
export async function readKlinesInRange(
  services: Services,
  input: z.output<typeof ZKlinesRangeInput>,
): Promise<KlinePushWire[]> {
  const { units } = await marketDirectory(services).get(input.symbol);
  const rows = await findKlinesInRange(services.db, {
    symbol: input.symbol,
    interval: input.interval,
    from: input.startTime,
    to: input.endTime,
    limit: input.limit,
  });
  return encodeKlines(input, rows.reverse(), units);
}

function encodeKlines(
  input: { symbol: string; interval: KlineInterval },
  rows: Awaited<ReturnType<typeof findKlines>>,
  units: MarketUnits,
): KlinePushWire[] {
  return rows.map((r) =>
    encodeKline(
      {
        symbol: input.symbol,
        interval: input.interval,
        openTime: r.openTime.getTime(),
        openTicks: r.openTicks,
        highTicks: r.highTicks,
        lowTicks: r.lowTicks,
        closeTicks: r.closeTicks,
        volumeLots: r.volumeLots,
        quoteAtoms: r.quoteAtoms,
        tradeCount: r.tradeCount,
      },
      units,
    ),
  );
}
