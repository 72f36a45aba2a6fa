import type { z } from "zod";
import { AppError, AppErrorCode } from "../errors";
import { marketDirectory } from "../markets/market-directory";
import type { Services } from "../services";
import type { ZDepthDto, ZDepthInput } from "./market-data-contracts";
import { marketDataKeys } from "./market-data-keys";

type Level = [string, string];

/**
 * A market's order book, best levels first, with the sequence of the last change it includes:
 * the snapshot the market-data job keeps in Redis, read in one command (it is updated
 * atomically with each diff, so it is always a whole book at one sequence).
 */
export async function readDepth(
  services: Services,
  input: z.output<typeof ZDepthInput>,
): Promise<z.output<typeof ZDepthDto>> {
  await marketDirectory(services.db).get(input.symbol);
  const hash = await services.redis.hgetall(
    marketDataKeys(services.redisPrefix).depth(input.symbol),
  );
  if (hash.seq === undefined) {
    throw new AppError(
      AppErrorCode.ENGINE_UNAVAILABLE,
      "The order book is not available yet. Please try again shortly.",
    );
  }
  return {
    symbol: input.symbol,
    seq: Number(hash.seq),
    bids: bestFirst(hash, "b:", "desc", input.limit),
    asks: bestFirst(hash, "a:", "asc", input.limit),
  };
}

/** Level fields sort as their prices do (fixed-width ticks), so no decimal is ever parsed. */
function bestFirst(
  hash: Record<string, string>,
  prefix: string,
  order: "asc" | "desc",
  limit: number,
): Level[] {
  const fields = Object.keys(hash).filter((field) => field.startsWith(prefix));
  fields.sort();
  if (order === "desc") fields.reverse();
  return fields.slice(0, limit).map((field) => {
    const value = hash[field] as string;
    const colon = value.indexOf(":");
    return [value.slice(0, colon), value.slice(colon + 1)];
  });
}
