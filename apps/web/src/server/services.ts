import { createServices } from "@exchange/api";
import { oncePerProcess, servicesConfig } from "@exchange/ui/server";
import { webEnv } from "@/env";

/** One set of connections (Prisma pool, engine bus client, SMTP pool) per server process. */
export const getServices = oncePerProcess("exchange-web.services", () => {
  const env = webEnv();
  return createServices({
    ...servicesConfig(env),
    streamTokenSecret: env.STREAM_TOKEN_SECRET,
    mail: { smtpUrl: env.SMTP_URL, from: env.MAIL_FROM, webPublicUrl: env.WEB_PUBLIC_URL },
    twoFactorKey: env.TWO_FACTOR_KEY,
    orderRateLimits: {
      placePerSecond: env.ORDER_RATE_PLACE_PER_SECOND,
      placePerMinute: env.ORDER_RATE_PLACE_PER_MINUTE,
      cancelPerSecond: env.ORDER_RATE_CANCEL_PER_SECOND,
      cancelPerMinute: env.ORDER_RATE_CANCEL_PER_MINUTE,
    },
  });
});
