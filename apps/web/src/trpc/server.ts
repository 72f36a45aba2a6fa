import { traderRouter } from "@exchange/api";
import { createTRPCOptionsProxy } from "@trpc/tanstack-react-query";
import { headers } from "next/headers";
import { cache } from "react";
import { createTraderContext } from "@/server/trpc-context";
import { makeQueryClient } from "./query-client";

/** One query client per server request, shared by every component that prefetches. */
export const getServerQueryClient = cache(makeQueryClient);

/**
 * The API for server components: the same procedures and guards as over HTTP, called in
 * process. Prefetch into `getServerQueryClient()` and hand the result to the browser with
 * `<HydrationBoundary>`.
 */
export const serverApi = createTRPCOptionsProxy({
  router: traderRouter,
  ctx: async () => createTraderContext(await headers()),
  queryClient: getServerQueryClient,
});
