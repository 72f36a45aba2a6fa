import { findMyKycStatus } from "@exchange/domains/kyc/kyc-submissions";
import { KYC_DOCUMENT_TYPES } from "@exchange/domains/kyc/submission-rules";
import { z } from "zod";
import { protectedProcedure } from "../../trpc";

export const ZMyKycStatusOutput = z.object({
  level: z.number().int(),
  levelName: z.string(),
  canTrade: z.boolean(),
  emailVerified: z.boolean(),
  levels: z.array(
    z.object({
      level: z.number().int(),
      name: z.string(),
      canTrade: z.boolean(),
      canDeposit: z.boolean(),
      canWithdraw: z.boolean(),
      /** USDT per rolling 24 h, as a decimal string. */
      dailyWithdrawalLimit: z.string(),
    }),
  ),
  /** The latest submission, or null before the first. */
  latest: z
    .object({
      id: z.number().int(),
      status: z.enum(["PENDING", "APPROVED", "REJECTED"]),
      legalName: z.string(),
      country: z.string(),
      documentType: z.enum(KYC_DOCUMENT_TYPES),
      rejectReason: z.string().nullable(),
      createdAt: z.date(),
      reviewedAt: z.date().nullable(),
    })
    .nullable(),
});

/**
 * The trader's verification state. Submitting goes through the web app's upload route (files
 * do not travel over tRPC).
 */
export const myKycStatusProcedure = protectedProcedure
  .output(ZMyKycStatusOutput)
  .query(({ ctx }) => findMyKycStatus(ctx.services, ctx.actor.userId));
