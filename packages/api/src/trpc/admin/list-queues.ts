import { z } from "zod";
import { sectionProcedure } from "../trpc";

/**
 * Work queues of the admin sections whose domain arrives in later issues (savings products).
 * Each is already behind its section's roles; it answers an empty page until its tables exist.
 */
const ZEmptyQueue = z.object({ rows: z.array(z.never()), total: z.literal(0) });
const emptyQueue = () => ({ rows: [], total: 0 as const });

export const listProductsProcedure = sectionProcedure("products")
  .output(ZEmptyQueue)
  .query(emptyQueue);
