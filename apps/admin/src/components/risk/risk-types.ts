import type { AdminRouter } from "@exchange/api/client";
import type { inferRouterOutputs } from "@trpc/server";

/** The futures risk view as the `derivatives.risk` procedures answer it. */
type Risk = inferRouterOutputs<AdminRouter>["derivatives"]["risk"];
export type RiskContract = Risk["contracts"][number];
export type RiskPosition = Risk["positions"]["positions"][number];
export type RiskLiquidation = Risk["liquidations"]["items"][number];
export type RiskLiquidationDetail = Risk["liquidation"];
export type InsuranceFund = Risk["insurance"][number];
export type FundingRow = Risk["funding"]["items"][number];
