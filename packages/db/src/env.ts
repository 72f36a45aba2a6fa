import { z } from "zod";

/** Environment of this package's own scripts (seed). Libraries take their config as arguments. */
export const env = z
  .object({
    DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }),
  })
  .parse(process.env);
