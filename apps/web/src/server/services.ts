import { createServices } from "@exchange/api";
import { oncePerProcess, servicesConfig } from "@exchange/ui/server";
import { webEnv } from "@/env";

/** One set of connections (Prisma pool, engine bus client) per server process. */
export const getServices = oncePerProcess("exchange-web.services", () =>
  createServices({ ...servicesConfig(webEnv()), streamTokenSecret: webEnv().STREAM_TOKEN_SECRET }),
);
