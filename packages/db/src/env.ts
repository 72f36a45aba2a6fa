import { loadEnv } from "@exchange/protocol";
import { sharedEnv } from "@exchange/protocol/env";
import { z } from "zod";

/** Variables of this package's own scripts (seed). Libraries take their config as arguments. */
const seedEnvShape = {
  DATABASE_URL: sharedEnv.DATABASE_URL,
  /** When set, demo staff are seeded enrolled in two-factor (see seed.ts). */
  TWO_FACTOR_KEY: z.string().optional(),
  /** `production` makes the seed refuse to run (it creates demo staff). */
  NODE_ENV: z.string().optional(),
};

/** The seed script's environment, validated once; a bad one exits with its message. */
export function readSeedEnv() {
  return loadEnv({ name: "seed", shape: seedEnvShape, source: process.env });
}
