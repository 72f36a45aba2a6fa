import { Redis } from "ioredis";
import { channels } from "../../../packages/contracts/src/channels";
import { marketDataKeys } from "../../../packages/contracts/src/market-data-keys";
import { encodeMarkPrice } from "../../../packages/contracts/src/markprice";
import { parseUnits } from "../../../packages/contracts/src/money";
import type { createDb } from "../../../packages/db/src/client";
import {
  sendFuturesTransfer,
  sendMark,
} from "../../../packages/domains/src/derivatives/derivatives-engine";
import type { EngineClient } from "../../../packages/protocol/src/engine-client";
import { streamBusChannel } from "../../../packages/protocol/src/stream-token";

/**
 * A perpetual's market for the futures journeys, moved as the worker's pricer would move it (the
 * pricer is off in the journeys, like the lending index it prices on): a mark sent to the engine
 * (`mark.set`, which liquidates what it crosses) and published on `<SYMBOL>@markprice`; and
 * money moved into other traders' futures wallets so they can quote the contract.
 */
export interface PerpetualMarket {
  /** Sets the contract's mark (and index) at `price` USDT, in the engine and on the stream. */
  mark(price: string): Promise<void>;
  /** Moves `amount` of the settle asset from a trader's spot balance to their futures wallet. */
  fund(userId: number, amount: string): Promise<void>;
  close(): void;
}

export async function perpetualMarket(deps: {
  symbol: string;
  engine: EngineClient;
  db: ReturnType<typeof createDb>;
}): Promise<PerpetualMarket> {
  const prefix = process.env.E2E_REDIS_PREFIX as string;
  const redis = new Redis(process.env.E2E_REDIS_URL as string);
  const market = await deps.db.market.findUniqueOrThrow({ where: { symbol: deps.symbol } });
  const quote = await deps.db.asset.findUniqueOrThrow({ where: { code: market.quoteAsset } });
  const services = { engine: deps.engine, clock: { now: () => Date.now() } };
  const tickAtoms = parseUnits(market.priceTick.toString(), quote.precision);
  let lastAt = 0;
  return {
    async mark(price) {
      const priceAtoms = parseUnits(price, quote.precision);
      const ticks = priceAtoms / tickAtoms;
      // Each mark is keyed by its time: a later one every call, even within a millisecond.
      const at = Math.max(Date.now(), lastAt + 1);
      lastAt = at;
      const outcome = await sendMark(services, {
        symbol: deps.symbol,
        markPriceTicks: ticks,
        indexPriceTicks: ticks,
        at,
      });
      if (!outcome.ok) throw new Error(`mark refused: ${outcome.message}`);
      const push = JSON.stringify(
        encodeMarkPrice({
          symbol: deps.symbol,
          indexPriceAtoms: priceAtoms,
          quotePrecision: quote.precision,
          atMs: at,
          perpetual: {
            markPriceAtoms: priceAtoms,
            fundingRatePpm: 100,
            nextFundingTime: Math.ceil(at / 28_800_000) * 28_800_000,
          },
        }),
      );
      await redis.set(marketDataKeys(prefix).markprice(deps.symbol), push);
      await redis.publish(streamBusChannel(prefix, channels.markprice(deps.symbol)), push);
    },
    async fund(userId, amount) {
      const outcome = await sendFuturesTransfer(services, {
        transferId: crypto.randomUUID(),
        userId,
        asset: market.quoteAsset,
        amountAtoms: parseUnits(amount, quote.precision),
        direction: "toFutures",
      });
      if (!outcome.ok) throw new Error(`transfer refused: ${outcome.message}`);
    },
    close() {
      redis.disconnect();
    },
  };
}
