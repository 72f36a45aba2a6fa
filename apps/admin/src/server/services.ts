import { createServices } from "@exchange/api";
import { startProcessReporting } from "@exchange/protocol";
import { oncePerProcess, servicesConfig } from "@exchange/ui/server";
import { adminEnv } from "@/env";

/** One set of connections (Prisma pool, engine bus client) per server process. */
export const getServices = oncePerProcess("exchange-admin.services", () =>
  createServices({
    ...servicesConfig(adminEnv()),
    service: "admin",
    logLevel: adminEnv().LOG_LEVEL,
    twoFactorKey: adminEnv().TWO_FACTOR_KEY,
    // KYC decisions are mailed to the applicant.
    mail: {
      smtpUrl: adminEnv().SMTP_URL,
      from: adminEnv().MAIL_FROM,
      webPublicUrl: adminEnv().WEB_PUBLIC_URL,
    },
  }).then((services) => {
    // The heartbeat the System page shows, and error and fatal lines to the alert center.
    startProcessReporting({
      redis: services.redis,
      prefix: services.redisPrefix,
      process: "admin",
    });
    return services;
  }),
);
