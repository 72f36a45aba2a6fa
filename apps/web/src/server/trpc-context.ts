import type { Actor, Context } from "@exchange/api";
import { clientIp } from "@exchange/ui/server";
import { currentTrader } from "@/auth";
import { getServices } from "./services";

/** The API context for one request: who the session says is calling, and from where. */
export async function createTraderContext(headers: Headers): Promise<Context> {
  const [trader, services] = await Promise.all([currentTrader(), getServices()]);
  const actor: Actor = trader
    ? { kind: "user", userId: trader.id, sessionId: trader.sessionId }
    : { kind: "anonymous" };
  return { actor, services, ip: clientIp(headers) };
}
