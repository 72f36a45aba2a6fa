import { createServices } from "@exchange/api";
import { oncePerProcess, servicesConfig } from "@exchange/ui/server";
import { adminEnv } from "@/env";

/** One set of connections (Prisma pool, engine bus client) per server process. */
export const getServices = oncePerProcess("exchange-admin.services", () =>
  createServices({ ...servicesConfig(adminEnv()), twoFactorKey: adminEnv().TWO_FACTOR_KEY }),
);
