import { z } from "zod";
import type { BinanceRoute } from "../binance-route";

/** `GET /api/v3/ping`: connectivity; answers `{}`. Weight 1. */
export const pingRoute: BinanceRoute = {
  method: "GET",
  path: "/api/v3/ping",
  summary: "Is the gateway reachable? Answers an empty object.",
  params: z.object({}),
  security: { kind: "public" },
  weight: () => 1,
  answer: z.object({}),
  handle: async () => ({}),
};
