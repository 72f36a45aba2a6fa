import { createServices, DEFAULT_ORDER_RATE_LIMITS, type ServicesConfig } from "@exchange/api";
import { startProcessReporting } from "@exchange/protocol";
import { oncePerProcess, servicesConfig } from "@exchange/ui/server";
import { type WebEnv, webEnv } from "../env";

/** The web app's connections and settings as `createServices` takes them. */
export function webServicesConfig(env: WebEnv): ServicesConfig {
  return {
    ...servicesConfig(env),
    service: "web",
    logLevel: env.LOG_LEVEL,
    streamTokenSecret: env.STREAM_TOKEN_SECRET,
    mail: { smtpUrl: env.SMTP_URL, from: env.MAIL_FROM, webPublicUrl: env.WEB_PUBLIC_URL },
    twoFactorKey: env.TWO_FACTOR_KEY,
    orderRateLimits: {
      placePerSecond: env.ORDER_RATE_PLACE_PER_SECOND ?? DEFAULT_ORDER_RATE_LIMITS.placePerSecond,
      placePerMinute: env.ORDER_RATE_PLACE_PER_MINUTE ?? DEFAULT_ORDER_RATE_LIMITS.placePerMinute,
      cancelPerSecond:
        env.ORDER_RATE_CANCEL_PER_SECOND ?? DEFAULT_ORDER_RATE_LIMITS.cancelPerSecond,
      cancelPerMinute:
        env.ORDER_RATE_CANCEL_PER_MINUTE ?? DEFAULT_ORDER_RATE_LIMITS.cancelPerMinute,
    },
  };
}

/** One set of connections (Prisma pool, engine bus client, SMTP pool) per server process. */
export const getServices = oncePerProcess("exchange-web.services", () =>
  createServices(webServicesConfig(webEnv())).then((services) => {
    // The heartbeat the System page shows, and error and fatal lines to the alert center.
    startProcessReporting({ redis: services.redis, prefix: services.redisPrefix, process: "web" });
    return services;
  }),
);
