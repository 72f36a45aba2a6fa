import type { ConsumerDefinition } from "../consumer-definition";
import { PROJECTOR_NAME } from "./projection-writer";
import { Projector } from "./projector";

/** The read models (orders, trades, balances, postings, loans, perpetuals); each loan change pushed to its borrower, in the same transaction as its offset. */
export const projectorConsumer: ConsumerDefinition = {
  name: "projector",
  offset: { table: "projector_offsets", name: PROJECTOR_NAME },
  build: ({ env, pool, redis, keys, journal, log, newRedis }) =>
    new Projector({
      pool,
      redis,
      keys,
      journal,
      log,
      userPushes: { redis: newRedis(), redisPrefix: env.REDIS_PREFIX },
    }),
};
