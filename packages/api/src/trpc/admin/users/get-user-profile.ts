import { redactKycPersonalData } from "@exchange/domains/kyc/document-access";
import { findUserProfile } from "@exchange/domains/users/user-profiles";
import { sectionProcedure } from "../../trpc";
import { ZUserProfileInput, ZUserProfileOutput } from "./users.types";

/** One trader's account (KYC personal data for compliance only), KYC history, balances and recent orders. */
export const getUserProfileProcedure = sectionProcedure("users")
  .input(ZUserProfileInput)
  .output(ZUserProfileOutput)
  .query(async ({ ctx, input }) => {
    const profile = await findUserProfile(ctx.services, input.id);
    const kycSubmissions = profile.kycSubmissions.map((s) =>
      redactKycPersonalData(s, ctx.actor.roles),
    );
    return { ...profile, kycSubmissions };
  });
