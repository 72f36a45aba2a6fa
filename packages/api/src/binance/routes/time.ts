import { z } from "zod";
import type { BinanceRoute } from "../binance-route";

/** `GET /api/v3/time`: the server's clock, `{"serverTime": epoch ms}`. Weight 1. */
export const timeRoute: BinanceRoute = {
  method: "GET",
  path: "/api/v3/time",
  summary: "The server's clock (epoch ms), for signing requests with a correct timestamp.",
  params: z.object({}),
  security: { kind: "public" },
  weight: () => 1,
  answer: z.object({ serverTime: z.number().int() }),
  handle: async ({ nowMs }) => ({ serverTime: nowMs }),
};
