import { createServices, DEFAULT_ORDER_RATE_LIMITS } from "@exchange/api";
import { oncePerProcess, servicesConfig } from "@exchange/ui/server";
import { webEnv } from "@/env";

/** One set of connections (Prisma pool, engine bus client, SMTP pool) per server process. */
export const getServices = oncePerProcess("exchange-web.services", () => {
  const env = webEnv();
  return createServices({
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
  });
});
