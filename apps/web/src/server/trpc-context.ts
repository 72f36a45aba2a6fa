import type { Actor, Context } from "@exchange/api";
import { requestLocale } from "@exchange/ui/i18n/server";
import { requestClient } from "@exchange/ui/server";
import { currentTrader } from "@/auth";
import { getServices } from "./services";

/**
 * The API context for one request: who the session says is calling, from where, and in which
 * language the page speaks to them (a new account's mails follow it).
 */
export async function createTraderContext(headers: Headers): Promise<Context> {
  const [trader, services, locale] = await Promise.all([
    currentTrader(),
    getServices(),
    requestLocale(),
  ]);
  const actor: Actor = trader
    ? { kind: "user", userId: trader.id, sessionId: trader.sessionId }
    : { kind: "anonymous" };
  const { ip, userAgent } = requestClient(headers);
  return { actor, services, ip, userAgent, locale };
}
