/** tRPC callers for integration tests, acting as any kind of actor on the run's services. */
import type { Actor, Services } from "@exchange/domains/services";
import { uniqueTestIp } from "@exchange/domains/testing/test-services";
import { adminRouter } from "../trpc/admin/router";
import { traderRouter } from "../trpc/trader/router";
import { createCallerFactory } from "../trpc/trpc";

const traderCaller = createCallerFactory(traderRouter);
const adminCaller = createCallerFactory(adminRouter);

/**
 * The trader API as called from `ip`. By default each caller gets an address of its own, so
 * per-address rate limits (registration, log-in) never carry over from one test to the next.
 */
export function callTraderApi(
  services: Services,
  actor: Actor = { kind: "anonymous" },
  ip: string = uniqueTestIp(),
) {
  return traderCaller({ actor, services, ip });
}

/** The admin API as the console calls it: from one address, at the console's test address. */
export function callAdminApi(
  services: Services,
  actor: Actor = { kind: "anonymous" },
  page: { locale?: "en" | "zh-CN" } = {},
) {
  return adminCaller({
    actor,
    services,
    ip: "127.0.0.1",
    consoleUrl: ADMIN_TEST_URL,
    ...(page.locale ? { locale: page.locale } : {}),
  });
}

/** The console's address in integration tests: the base of links in staff mails. */
export const ADMIN_TEST_URL = "http://admin.exchange.test";
