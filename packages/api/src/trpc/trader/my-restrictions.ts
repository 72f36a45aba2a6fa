import { ZOwnRestrictions } from "@exchange/domains/identity/restriction-contracts";
import { ownRestrictions } from "@exchange/domains/identity/restrictions";
import { protectedProcedure } from "../trpc";

/** Which of the trader's own actions compliance restricted (the trade and withdraw pages' notice). */
export const myRestrictionsProcedure = protectedProcedure
  .output(ZOwnRestrictions)
  .query(({ ctx }) => ownRestrictions(ctx.services, ctx.actor.userId));
