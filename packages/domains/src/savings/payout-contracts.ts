import {
  SAVINGS_SUBSCRIPTION_STATUSES,
  ZDay,
  ZSavingsPayoutRun,
  ZSavingsPlan,
  ZSavingsPool,
  ZSavingsSubscriptionAdmin,
} from "@exchange/contracts/savings";
import { ZTime } from "@exchange/contracts/wire";
import { z } from "zod";
import { hasNoNul, ZRowId } from "../input-bounds";

/**
 * The inputs of operations' savings views (subscriptions, payout runs, the pool, running
 * payouts for a day) and the shapes only they answer; the public shapes are contracts/savings.ts.
 */

export const ZSubscriptionsAdminInput = z.object({
  status: z.enum(SAVINGS_SUBSCRIPTION_STATUSES).optional(),
  productId: ZRowId.optional(),
  /** Part of the owner's email. */
  email: z
    .string()
    .trim()
    .max(254, "An email is at most 254 characters.")
    .refine(hasNoNul, "An email has no NUL character.")
    .optional(),
  offset: z.number().int().min(0).max(100_000).default(0),
  limit: z.number().int().min(1).max(200).default(50),
});

export const ZSubscriptionsAdminOutput = z.object({
  subscriptions: z.array(ZSavingsSubscriptionAdmin),
  /** How many subscriptions match the filter in all. */
  total: z.number().int(),
});

export const ZSubscriptionAdminDetailInput = z.object({ id: z.uuid("No such subscription.") });

/** One subscription with its plans, each with the run that paid it. */
export const ZSubscriptionAdminDetail = ZSavingsSubscriptionAdmin.extend({
  productId: z.number().int(),
  plans: z.array(ZSavingsPlan.extend({ payoutRunId: z.string().nullable() })),
});
export type SubscriptionAdminDetail = z.output<typeof ZSubscriptionAdminDetail>;

export const ZPayoutRunsInput = z.object({
  /** A run's id (digits): the runs older than it. */
  beforeId: z
    .string()
    .regex(/^[1-9]\d{0,17}$/, "No such run.")
    .optional(),
  limit: z.number().int().min(1).max(100).default(20),
});

export const ZPayoutRunsOutput = z.object({
  runs: z.array(ZSavingsPayoutRun),
  /** The id to pass as `beforeId` for the next page; null on the last. */
  nextBeforeId: z.string().nullable(),
});

export const ZRunPayoutsInput = z.object({ asOf: ZDay });
export const ZRunPayoutsOutput = z.object({ asOf: ZDay, requestedAt: ZTime });

export const ZSavingsPoolOutput = z.object({ pools: z.array(ZSavingsPool) });
