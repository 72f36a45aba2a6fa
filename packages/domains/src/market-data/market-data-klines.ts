import { encodeKline, type KlinePushWire } from "@exchange/contracts/kline";
import type { z } from "zod";
import { marketDirectory } from "../markets/market-directory";
import type { Services } from "../services";
import type { ZKlinesInput } from "./market-data-contracts";
import { findKlines } from "./market-data-repository";

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
  return rows.reverse().map((r) =>
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
