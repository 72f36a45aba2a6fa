import { liftRestriction } from "@exchange/domains/identity/restrictions";
import { sectionProcedure } from "../../trpc";
import { ZRestrictionChangeInput, ZUserRestrictionsOutput } from "./restrictions.types";

/** Lifts one of a user's restrictions with a reason (audited); the user may act again at once. */
export const liftUserRestrictionProcedure = sectionProcedure("users")
  .input(ZRestrictionChangeInput)
  .output(ZUserRestrictionsOutput)
  .mutation(({ ctx, input }) =>
    liftRestriction(ctx.services, {
      ...input,
      staffId: ctx.actor.staffId,
      ip: ctx.ip,
      userAgent: ctx.userAgent,
    }),
  );
