import type { Actor, Context } from "@exchange/api";
import { requestClient } from "@exchange/ui/server";
import { currentTrader } from "@/auth";
import { getServices } from "./services";

/** The API context for one request: who the session says is calling, and from where. */
export async function createTraderContext(headers: Headers): Promise<Context> {
  const [trader, services] = await Promise.all([currentTrader(), getServices()]);
  const actor: Actor = trader
    ? { kind: "user", userId: trader.id, sessionId: trader.sessionId }
    : { kind: "anonymous" };
  const { ip, userAgent } = requestClient(headers);
  return { actor, services, ip, userAgent };
}
