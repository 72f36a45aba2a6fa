import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/prisma/client";

export type Db = PrismaClient;

/**
 * A Prisma client over the `pg` driver adapter (no Rust query engine: see TOOLCHAIN.md).
 * One per process; callers own its lifetime and `$disconnect()` it on shutdown.
 */
export function createDb(databaseUrl: string): Db {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl }) });
}
