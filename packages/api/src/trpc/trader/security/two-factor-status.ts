import { twoFactorStatus } from "@exchange/domains/identity/two-factor";
import { protectedProcedure } from "../../trpc";
import { ZTwoFactorStatus } from "./two-factor.types";

/** Whether the trader's two-factor is on, and how many recovery codes are left. */
export const twoFactorStatusProcedure = protectedProcedure
  .output(ZTwoFactorStatus)
  .query(({ ctx }) => twoFactorStatus(ctx.services, { type: "USER", id: ctx.actor.userId }));
