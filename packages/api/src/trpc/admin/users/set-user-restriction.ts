import { setRestriction } from "@exchange/domains/identity/restrictions";
import { sectionProcedure } from "../../trpc";
import { ZRestrictionChangeInput, ZUserRestrictionsOutput } from "./restrictions.types";

/**
 * Freezes a user's trading or withdrawals, or suspends their log-in, with a reason (audited);
 * every process refuses the user within a second.
 */
export const setUserRestrictionProcedure = sectionProcedure("users")
  .input(ZRestrictionChangeInput)
  .output(ZUserRestrictionsOutput)
  .mutation(({ ctx, input }) =>
    setRestriction(ctx.services, {
      ...input,
      staffId: ctx.actor.staffId,
      ip: ctx.ip,
      userAgent: ctx.userAgent,
    }),
  );
