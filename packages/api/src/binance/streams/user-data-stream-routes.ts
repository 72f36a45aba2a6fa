import { z } from "zod";
import { binanceErrors } from "../binance-errors";
import type { RawQuery } from "../binance-params";
import type { BinanceRoute, BinanceRouteContext } from "../binance-route";
import { ListenKeys } from "./listen-keys";

const ZListenKeyAnswer = z.object({ listenKey: z.string() });
const ZEmptyAnswer = z.object({});

/** Binance's weight of each user data stream route. */
const USER_STREAM_WEIGHT = 2;

function listenKeysOf({ services }: BinanceRouteContext): ListenKeys {
  return new ListenKeys(services.redis, services.redisPrefix);
}

function callerOf(context: BinanceRouteContext): number {
  if (!context.caller) throw binanceErrors.unauthorized();
  return context.caller.userId;
}

function listenKeyParam(query: RawQuery): string {
  const value = query.listenKey;
  if (typeof value !== "string" || value === "") throw binanceErrors.mandatory("listenKey");
  return value;
}

/** `POST /api/v3/userDataStream`: the caller's listenKey (the live one renewed, or a new one). */
const createListenKeyRoute: BinanceRoute<z.infer<typeof ZListenKeyAnswer>> = {
  method: "POST",
  path: "/api/v3/userDataStream",
  security: { kind: "apiKey" },
  weight: () => USER_STREAM_WEIGHT,
  answer: ZListenKeyAnswer,
  handle: async (context) => ({
    listenKey: await listenKeysOf(context).create(callerOf(context)),
  }),
};

/** `PUT /api/v3/userDataStream?listenKey=`: keeps the key alive for 60 more minutes. */
const keepAliveListenKeyRoute: BinanceRoute<z.infer<typeof ZEmptyAnswer>> = {
  method: "PUT",
  path: "/api/v3/userDataStream",
  security: { kind: "apiKey" },
  weight: () => USER_STREAM_WEIGHT,
  answer: ZEmptyAnswer,
  handle: async (context, query) => {
    const renewed = await listenKeysOf(context).keepAlive(callerOf(context), listenKeyParam(query));
    if (!renewed) throw binanceErrors.invalidListenKey();
    return {};
  },
};

/** `DELETE /api/v3/userDataStream?listenKey=`: ends the key and its streams. */
const closeListenKeyRoute: BinanceRoute<z.infer<typeof ZEmptyAnswer>> = {
  method: "DELETE",
  path: "/api/v3/userDataStream",
  security: { kind: "apiKey" },
  weight: () => USER_STREAM_WEIGHT,
  answer: ZEmptyAnswer,
  handle: async (context, query) => {
    const closed = await listenKeysOf(context).close(callerOf(context), listenKeyParam(query));
    if (!closed) throw binanceErrors.invalidListenKey();
    return {};
  },
};

/** The user data stream's REST routes (key only, no signature), as Binance's spot API has them. */
export const userDataStreamRoutes: readonly BinanceRoute[] = [
  createListenKeyRoute,
  keepAliveListenKeyRoute,
  closeListenKeyRoute,
];
