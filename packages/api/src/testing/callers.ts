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

export function callAdminApi(services: Services, actor: Actor = { kind: "anonymous" }) {
  return adminCaller({ actor, services, ip: "127.0.0.1" });
}
