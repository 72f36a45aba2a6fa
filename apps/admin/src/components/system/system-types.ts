import type { AdminRouter } from "@exchange/api/client";
import type { inferRouterOutputs } from "@trpc/server";

/** The System page's reading, as the `system.overview` procedure answers it. */
export type SystemOverview = inferRouterOutputs<AdminRouter>["system"]["overview"];
export type AlertRow = SystemOverview["alerts"]["unresolved"][number];
