import { encodeKline, type KlinePushWire } from "@exchange/contracts/kline";
import type { z } from "zod";
import { marketDirectory } from "../markets/market-directory";
import type { Services } from "../services";
import type { ZKlinesInput } from "./market-data-contracts";

/**
 * A market's candles of one interval, oldest first (as charts draw them): the `limit` latest,
 * or the `limit` latest opening before `before`. Stored in engine units; converted here.
 */
export async function readKlines(
  services: Services,
  input: z.output<typeof ZKlinesInput>,
): Promise<KlinePushWire[]> {
  const { units } = await marketDirectory(services.db).get(input.symbol);
  const rows = await services.db.kline.findMany({
    where: {
      symbol: input.symbol,
      interval: input.interval,
      ...(input.before ? { openTime: { lt: input.before } } : {}),
    },
    orderBy: { openTime: "desc" },
    take: input.limit,
    select: {
      openTime: true,
      openTicks: true,
      highTicks: true,
      lowTicks: true,
      closeTicks: true,
      volumeLots: true,
      quoteAtoms: true,
      tradeCount: true,
    },
  });
  // NUMERIC(40,0) read back exactly: toFixed() gives all the digits, BigInt takes them.
  const integer = (value: { toFixed(): string }) => BigInt(value.toFixed());
  return rows.reverse().map((r) =>
    encodeKline(
      {
        symbol: input.symbol,
        interval: input.interval,
        openTime: r.openTime.getTime(),
        openTicks: integer(r.openTicks),
        highTicks: integer(r.highTicks),
        lowTicks: integer(r.lowTicks),
        closeTicks: integer(r.closeTicks),
        volumeLots: integer(r.volumeLots),
        quoteAtoms: integer(r.quoteAtoms),
        tradeCount: r.tradeCount,
      },
      units,
    ),
  );
}
