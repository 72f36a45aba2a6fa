import { ZBalance } from "@exchange/contracts/balance";
import { WITHDRAWAL_STATUSES, ZWithdrawal } from "@exchange/contracts/wallet";
import { KYC_AGE_FILTERS, type KycAgeFilter } from "@exchange/domains/kyc/queue-ageing";
import { z } from "zod";

const ZAmountBound = z
  .string()
  .trim()
  .max(40)
  .regex(/^(\d+(\.\d*)?|\.\d+)?$/, "Give amounts as plain numbers.")
  .optional();

export const ZWithdrawalQueueInput = z
  .object({
    /** The page defaults to what waits for finance. */
    status: z.enum([...WITHDRAWAL_STATUSES, "ALL"]).default("PENDING_APPROVAL"),
    asset: z.string().min(1).max(20).optional(),
    minAmount: ZAmountBound,
    maxAmount: ZAmountBound,
    age: z.enum(Object.keys(KYC_AGE_FILTERS) as [KycAgeFilter, ...KycAgeFilter[]]).default("any"),
    page: z.number().int().min(1).max(10_000).default(1),
    pageSize: z.number().int().min(1).max(200).default(50),
  })
  .prefault({});

export const ZWithdrawalQueueOutput = z.object({
  rows: z.array(
    z.object({
      withdrawal: ZWithdrawal,
      userId: z.number().int(),
      email: z.string(),
      riskFlags: z.array(z.string()),
      requiredApprovals: z.number().int(),
      approvals: z.number().int(),
      /** Compliance froze the owner's withdrawals: it cannot be approved until they lift it. */
      ownerWithdrawalsFrozen: z.boolean(),
    }),
  ),
  total: z.number().int(),
});

export const ZWithdrawalIdInput = z.object({ id: z.uuid("No such withdrawal.") });

const ZDecision = z.object({
  staffId: z.number().int(),
  staffName: z.string(),
  decision: z.enum(["APPROVE", "REJECT"]),
  reason: z.string().nullable(),
  createdAt: z.date(),
});

export const ZWithdrawalDetailOutput = z.object({
  withdrawal: ZWithdrawal,
  riskFlags: z.array(z.string()),
  requiredApprovals: z.number().int(),
  /** Compliance froze the owner's withdrawals: it cannot be approved until they lift it. */
  ownerWithdrawalsFrozen: z.boolean(),
  user: z.object({
    id: z.number().int(),
    email: z.string(),
    kycLevel: z.number().int(),
    kycLevelName: z.string(),
    twoFactorOn: z.boolean(),
    passwordChangedAt: z.date().nullable(),
  }),
  balances: z.array(ZBalance),
  postings: z.array(
    z.object({
      id: z.string(),
      account: z.string(),
      amount: z.string(),
      balance: z.string(),
      cause: z.string(),
      business: z.string(),
      businessId: z.string(),
      postedAt: z.date(),
    }),
  ),
  previous: z.array(ZWithdrawal),
  decisions: z.array(ZDecision),
});

export const ZApproveWithdrawalOutput = z.object({
  withdrawal: ZWithdrawal,
  /** Whether this approval was the last one needed (APPROVED now). */
  approved: z.boolean(),
});

export const ZRejectWithdrawalInput = z.object({
  id: z.uuid("No such withdrawal."),
  reason: z
    .string()
    .trim()
    .min(5, "Say why in a few words: the user reads this.")
    .max(500, "Keep the reason under 500 characters."),
});

export const ZRejectWithdrawalOutput = z.object({ withdrawal: ZWithdrawal });
