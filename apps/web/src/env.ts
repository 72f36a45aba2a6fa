import { lazyEnv, ZServicesEnv } from "@exchange/ui/server";
import { z } from "zod";

/** The web app's configuration. The only module that reads `process.env`. */
const ZWebEnv = ZServicesEnv.extend({
  /** Signs and encrypts trader sessions. 32+ random characters (`openssl rand -base64 32`). */
  AUTH_SECRET: z.string().min(32, "Use at least 32 random characters."),
});

export type WebEnv = z.infer<typeof ZWebEnv>;

export const webEnv = lazyEnv("web", ZWebEnv, () => process.env);
