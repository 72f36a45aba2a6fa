import type { z } from "zod";
import { marketDirectory } from "../markets/market-directory";
import type { Services } from "../services";
import type { ZKlineDto, ZKlinesInput } from "./market-data-contracts";
import { findKlines } from "./market-data-repository";

/**
 * A market's candles of one interval, oldest first (as charts draw them): the `limit` latest,
 * or the `limit` latest opening before `before`. Stored in engine units; converted here.
 */
export async function readKlines(
  services: Services,
  input: z.output<typeof ZKlinesInput>,
): Promise<Array<z.output<typeof ZKlineDto>>> {
  const { units } = await marketDirectory(services.db).get(input.symbol);
  const rows = await findKlines(services.db, input);
  return rows.reverse().map((r) => ({
    openTime: r.openTime,
    open: units.price(r.openTicks),
    high: units.price(r.highTicks),
    low: units.price(r.lowTicks),
    close: units.price(r.closeTicks),
    volume: units.quantity(r.volumeLots),
    quoteVolume: units.quote(r.quoteAtoms),
    trades: r.tradeCount,
  }));
}
