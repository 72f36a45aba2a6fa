import { observeDbPool, type PoolFigures, processMetrics } from "@exchange/protocol/metrics";
import { PrismaPg } from "@prisma/adapter-pg";
import type pg from "pg";
import { PrismaClient } from "./generated/prisma/client";

export type Db = PrismaClient;

/** The `pg` pools of this process's Prisma clients while they are connected. */
const openPools = new Set<pg.Pool>();

/** Their figures summed, as the process's metrics show them (`pool="prisma"`). */
function prismaPoolFigures(): PoolFigures {
  const sum = { totalCount: 0, idleCount: 0, waitingCount: 0 };
  for (const pool of openPools) {
    sum.totalCount += pool.totalCount;
    sum.idleCount += pool.idleCount;
    sum.waitingCount += pool.waitingCount;
  }
  return sum;
}

/**
 * The driver adapter, remembering the pool it opens until Prisma disposes of it: the adapter
 * keeps its pool to itself, and the database pool is one of every process's figures.
 */
class ObservedPrismaPg extends PrismaPg {
  override async connect() {
    const adapter = await super.connect();
    const pool = adapter.underlyingDriver() as pg.Pool;
    openPools.add(pool);
    const dispose = adapter.dispose.bind(adapter);
    adapter.dispose = async () => {
      openPools.delete(pool);
      await dispose();
    };
    return adapter;
  }
}

/**
 * A Prisma client over the `pg` driver adapter (no Rust query engine: see TOOLCHAIN.md).
 * One per process; callers own its lifetime and `$disconnect()` it on shutdown.
 */
export function createDb(databaseUrl: string): Db {
  observeDbPool(processMetrics(), "prisma", prismaPoolFigures);
  return new PrismaClient({ adapter: new ObservedPrismaPg({ connectionString: databaseUrl }) });
}
