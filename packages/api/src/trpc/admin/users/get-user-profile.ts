import { findUserProfile } from "@exchange/domains/users/user-profiles";
import { sectionProcedure } from "../../trpc";
import { ZUserProfileInput, ZUserProfileOutput } from "./users.types";

/** One trader's account (KYC personal data for compliance only), KYC history, balances and recent orders. */
export const getUserProfileProcedure = sectionProcedure("users")
  .input(ZUserProfileInput)
  .output(ZUserProfileOutput)
  .query(({ ctx, input }) => findUserProfile(ctx.services, input.id, ctx.actor.roles));
