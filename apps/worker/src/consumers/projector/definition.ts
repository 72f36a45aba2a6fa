import type { ConsumerDefinition } from "../consumer-definition";
import { PROJECTOR_NAME } from "./projection-writer";
import { Projector } from "./projector";

/** The read models (orders, trades, balances, postings), in the same transaction as its offset. */
export const projectorConsumer: ConsumerDefinition = {
  name: "projector",
  offset: { table: "projector_offsets", name: PROJECTOR_NAME },
  build: ({ pool, redis, keys, journal, log }) =>
    new Projector({ pool, redis, keys, journal, log }),
};
