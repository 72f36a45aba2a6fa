import type { AdminRouter } from "@exchange/api/client";
import type { inferRouterOutputs } from "@trpc/server";

/** Operations' loan book as the `lending.loans` procedures answer it. */
type Lending = inferRouterOutputs<AdminRouter>["lending"];
export type StaffLoan = Lending["loans"]["list"]["loans"][number];
export type StaffLoanDetail = Lending["loans"]["detail"];
export type Insurance = Lending["pool"]["insurance"];
