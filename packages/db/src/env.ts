import { z } from "zod";

/** Environment of this package's own scripts (seed). Libraries take their config as arguments. */
export const env = z
  .object({
    DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }),
    /** When set, demo staff are seeded enrolled in two-factor (see seed.ts). */
    TWO_FACTOR_KEY: z.string().optional(),
    /** `production` makes the seed refuse to run (it creates demo staff). */
    NODE_ENV: z.string().optional(),
  })
  .parse(process.env);
