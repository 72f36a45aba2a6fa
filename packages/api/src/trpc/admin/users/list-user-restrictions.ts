import { findUserRestrictions } from "@exchange/domains/identity/restrictions";
import { sectionProcedure } from "../../trpc";
import { ZUserRestrictionsInput, ZUserRestrictionsOutput } from "./restrictions.types";

/** The restrictions in force on a user, with their reasons and since when. */
export const listUserRestrictionsProcedure = sectionProcedure("users")
  .input(ZUserRestrictionsInput)
  .output(ZUserRestrictionsOutput)
  .query(({ ctx, input }) => findUserRestrictions(ctx.services, input.userId));
