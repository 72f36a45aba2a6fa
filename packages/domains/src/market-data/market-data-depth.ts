import type { Depth, Level } from "@exchange/contracts/depth";
import {
  ASK_FIELD_PREFIX,
  BID_FIELD_PREFIX,
  DEPTH_SEQ_FIELD,
  marketDataKeys,
  parseLevelValue,
} from "@exchange/contracts/market-data-keys";
import type { z } from "zod";
import { AppError, AppErrorCode } from "../errors";
import { marketDirectory } from "../markets/market-directory";
import type { Services } from "../services";
import type { ZDepthInput } from "./market-data-contracts";

/**
 * A market's order book, best levels first, with the sequence of the last change it includes:
 * the snapshot the market-data job keeps in Redis, read in one command (it is updated
 * atomically with each diff, so it is always a whole book at one sequence).
 */
export async function readDepth(
  services: Services,
  input: z.output<typeof ZDepthInput>,
): Promise<Depth> {
  await marketDirectory(services).get(input.symbol);
  const hash = await services.redis.hgetall(
    marketDataKeys(services.redisPrefix).depth(input.symbol),
  );
  if (hash[DEPTH_SEQ_FIELD] === undefined) {
    throw new AppError(
      AppErrorCode.ENGINE_UNAVAILABLE,
      "The order book is not available yet. Please try again shortly.",
    );
  }
  return {
    symbol: input.symbol,
    seq: Number(hash[DEPTH_SEQ_FIELD]),
    bids: bestFirst(hash, BID_FIELD_PREFIX, "desc", input.limit),
    asks: bestFirst(hash, ASK_FIELD_PREFIX, "asc", input.limit),
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
  return fields.slice(0, limit).map((field) => parseLevelValue(hash[field] as string));
}
