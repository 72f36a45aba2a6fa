import { createDb } from "./client";
import { readSeedEnv } from "./env";
import { printSeedCredentials, seed } from "./seed";

const env = readSeedEnv();
const db = createDb(env.DATABASE_URL);
await seed(db, { twoFactorKey: env.TWO_FACTOR_KEY, nodeEnv: env.NODE_ENV });
await db.$disconnect();
printSeedCredentials();
